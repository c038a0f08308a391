package org.farmgate.orders;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.farmgate.FarmgateApplication;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.channels.ExportFile;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.postgresql.PGConnection;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The order import end to end ({@code ./bench.sh import --orders N}): generates export
 * files of the four platforms for the demo enterprise's shops (one order in a hundred
 * sent twice, one in twenty sent again with a later status), imports them through the
 * import jobs (after an untimed warm-up: rounds of 10,000 other orders a platform and
 * their later statuses, until the JIT's compilers are nearly idle), and for comparison
 * copies the same lines into an unindexed table with PostgreSQL's COPY, in the same run.
 * Prints a line starting {@code RESULT}, then {@code DETAIL} lines (processor time by
 * thread, the warm-up and the JIT's compiling, the JVM's options, the WAL written), and
 * {@code WRONG} when the orders stored are not those of the files.
 */
public final class OrderImportBenchmark {

	private static final int ORDERS_PER_FILE = 20_000;

	private static final int WARM_UP_ORDERS = 10_000;

	/** Seconds the compilers may still take in the last round of warm-up. */
	private static final double MAX_COMPILING_AFTER_WARM_UP = 0.5;

	private static final int MAX_WARM_UP_ROUNDS = 12;

	private OrderImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int orders = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		// a durable database as in production (fsync, full page writes), thrown
		// away after
		java.nio.file.Path data = java.nio.file.Files.createTempDirectory("farmgate-bench");
		ConfigurableApplicationContext context = SpringApplication.run(FarmgateApplication.class,
				"--farmgate.embedded-db.directory=" + data, "--farmgate.demo=true",
				"--farmgate.demo.registry-scale=0.05", "--farmgate.demo.orders-per-year=0", "--server.port=0",
				"--logging.level.root=WARN", "--farmgate.secrets.key=dGVzdC1rZXktZm9yLWZhcm1nYXRlLXRlc3RzLW9ubHk=");
		try {
			SignedInUser merchant = (SignedInUser) context.getBean(UserDetailsService.class)
				.loadUserByUsername("merchant");
			List<ShopView> shops = context.getBean(RegistryManagement.class)
				.shopsOf(merchant, merchant.scope().organisationId());
			OrderImports imports = context.getBean(OrderImports.class);
			Platform[] platforms = { Platform.TAOBAO, Platform.JD, Platform.PINDUODUO, Platform.DOUYIN };
			// the files are made first, on disk, so that making them takes nothing
			// from the import
			java.nio.file.Path files = java.nio.file.Files.createDirectories(data.resolve("bench-files"));
			java.nio.file.Path copyLines = files.resolve("copy.csv");
			List<Object[]> uploads = new java.util.ArrayList<>();
			long lines = 0;
			try (java.io.Writer copy = java.nio.file.Files.newBufferedWriter(copyLines)) {
				for (int p = 0; p < platforms.length; p++) {
					Platform platform = platforms[p];
					ShopView shop = shopOf(shops, platform);
					int share = orders / platforms.length + ((p < orders % platforms.length) ? 1 : 0);
					for (int from = 0; from < share; from += ORDERS_PER_FILE) {
						int to = Math.min(share, from + ORDERS_PER_FILE);
						for (boolean again : new boolean[] { false, true }) {
							java.nio.file.Path file = files
								.resolve(platform + "-" + from + (again ? "-again" : "") + ".csv");
							try (java.io.OutputStream out = new java.io.BufferedOutputStream(
									java.nio.file.Files.newOutputStream(file))) {
								out.write(bytes(platform, header(platform)));
								for (int part = from; part < to; part += 20_000) {
									out.write(bytes(platform,
											rows(platform, p, part, Math.min(to, part + 20_000), again)));
								}
							}
							uploads.add(new Object[] { shop.id(), file });
							lines += copyLines(copy, p, from, to, again);
						}
					}
				}
			}
			// warm-up, untimed: rounds of other orders for each platform (a file and
			// its later statuses) until a round leaves the JIT's compilers nearly idle,
			// so that the clock measures the import compiled, not the JIT compiling it.
			// One round is not enough: while C2 has a queue it raises its thresholds, and
			// the methods left below them were compiled during the measured import.
			int rounds = 0;
			double compiling;
			do {
				double compiledBefore = compilerSeconds();
				for (int p = 0; p < platforms.length; p++) {
					Platform platform = platforms[p];
					ShopView shop = shopOf(shops, platform);
					for (boolean again : new boolean[] { false, true }) {
						String warmUp = file(platform, p + 5, rounds * WARM_UP_ORDERS, (rounds + 1) * WARM_UP_ORDERS,
								again);
						tally(awaitEnd(imports,
								imports
									.start(merchant, shop.id(),
											List.of(new ExportFile("warm-up.csv", bytes(platform, warmUp))))
									.id()),
								new long[4]);
					}
				}
				compiling = compilerSeconds() - compiledBefore;
				rounds++;
			}
			while (compiling > MAX_COMPILING_AFTER_WARM_UP && rounds < MAX_WARM_UP_ROUNDS);
			long[] outcomes = new long[4];
			long postmaster = CpuTime.postmaster(context.getBean(DataSource.class));
			CpuTime cpuBefore = CpuTime.now(postmaster);
			Map<String, Double> threadsBefore = CpuTime.threads();
			long[] walBefore = wal(context.getBean(DataSource.class));
			double compiledBeforeImport = compilerSeconds();
			long started = System.nanoTime();
			// every file uploaded at once, as a merchant may: the jobs run one after the
			// other in the order given (a file's later statuses after the file itself)
			List<java.util.UUID> jobs = new java.util.ArrayList<>();
			for (Object[] upload : uploads) {
				java.nio.file.Path file = (java.nio.file.Path) upload[1];
				jobs.add(imports
					.start(merchant, (java.util.UUID) upload[0],
							List.of(new ExportFile(file.getFileName().toString(),
									java.nio.file.Files.readAllBytes(file))))
					.id());
			}
			for (java.util.UUID job : jobs) {
				tally(awaitEnd(imports, job), outcomes);
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			double compiledDuringImport = compilerSeconds() - compiledBeforeImport;
			CpuTime cpu = CpuTime.now(postmaster).minus(cpuBefore);
			Map<String, Double> threads = CpuTime.threads();
			long[] walAfter = wal(context.getBean(DataSource.class));
			threadsBefore.forEach((name, before) -> threads.merge(name, -before, Double::sum));
			long stored = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("SELECT count(*) FROM orders_order WHERE platform_order_no < '5'")
				.query(Long.class)
				.single();
			if (stored != orders || outcomes[0] != orders || outcomes[3] > 0) {
				System.out.printf(Locale.ROOT, "WRONG stored=%d created=%d updated=%d unchanged=%d rejected=%d%n",
						stored, outcomes[0], outcomes[1], outcomes[2], outcomes[3]);
			}
			double copySeconds = copy(context.getBean(DataSource.class), copyLines);
			double linesPerSecond = lines / seconds;
			double copyLinesPerSecond = lines / copySeconds;
			System.out.printf(Locale.ROOT,
					"RESULT orders=%d lines=%d seconds=%.1f linesPerSecond=%.0f copyLinesPerSecond=%.0f ratio=%.4f"
							+ " javaCpuSeconds=%.1f postgresCpuSeconds=%.1f%n",
					orders, lines, seconds, linesPerSecond, copyLinesPerSecond, linesPerSecond / copyLinesPerSecond,
					cpu.jvm(), cpu.postgres());
			StringBuilder detail = new StringBuilder("DETAIL javaCpuSecondsByThread");
			threads.entrySet()
				.stream()
				.filter(thread -> thread.getValue() >= 0.05)
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.forEach(thread -> detail
					.append(String.format(Locale.ROOT, " %s=%.1f", thread.getKey(), thread.getValue())));
			System.out.println(detail);
			System.out.printf(Locale.ROOT,
					"DETAIL warmUpRounds=%d compilerSecondsInLastRound=%.1f compilerSecondsDuringImport=%.1f%n", rounds,
					compiling, compiledDuringImport);
			// the heap cap and the collector's options it ran with (decision 0017)
			System.out.println("DETAIL jvmOptions=" + String.join(" ",
					java.lang.management.ManagementFactory.getRuntimeMXBean()
						.getInputArguments()
						.stream()
						.filter(option -> option.startsWith("-X"))
						.toList()));
			System.out.printf(Locale.ROOT, "DETAIL walMegabytes=%.0f walRecords=%d walFullPageImages=%d%n",
					(walAfter[0] - walBefore[0]) / 1e6, walAfter[1] - walBefore[1], walAfter[2] - walBefore[2]);
		}
		finally {
			SpringApplication.exit(context);
			org.springframework.util.FileSystemUtils.deleteRecursively(data);
		}
		System.exit(0);
	}

	/**
	 * The processor time this JVM and the PostgreSQL processes have used (user and
	 * system, from /proc; zero where there is none): on a shared machine the time taken
	 * varies with the neighbours, the work done much less.
	 */
	record CpuTime(double jvm, double postgres) {

		/** Clock ticks a second, as Linux reports them in /proc/[pid]/stat. */
		private static final double TICKS = 100.0;

		/**
		 * Now, for this JVM and the PostgreSQL server whose postmaster is
		 * {@code postmaster} (the server and its backends; not another build's database
		 * on the same machine).
		 */
		static CpuTime now(long postmaster) {
			double postgres = seconds(postmaster);
			java.io.File[] processes = new java.io.File("/proc").listFiles((dir, name) -> name.matches("\\d+"));
			for (java.io.File process : (processes != null) ? processes : new java.io.File[0]) {
				long pid = Long.parseLong(process.getName());
				if (parent(pid) == postmaster) {
					postgres += seconds(pid);
				}
			}
			return new CpuTime(seconds(ProcessHandle.current().pid()), postgres);
		}

		/** The postmaster of the server behind the data source (a backend's parent). */
		static long postmaster(DataSource dataSource) throws java.sql.SQLException {
			try (Connection connection = dataSource.getConnection();
					java.sql.ResultSet backend = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
				backend.next();
				return parent(backend.getLong(1));
			}
		}

		/** The user and system time of a process, else 0. */
		private static double seconds(long pid) {
			return seconds(java.nio.file.Path.of("/proc", Long.toString(pid)));
		}

		/**
		 * The user and system time of a process or thread (its 14th and 15th stat fields)
		 * from its /proc directory, else 0 (it ended).
		 */
		private static double seconds(java.nio.file.Path proc) {
			long user = field(proc, 11);
			long system = field(proc, 12);
			return (user < 0 || system < 0) ? 0 : (user + system) / TICKS;
		}

		/** The parent's pid of a process, else -1. */
		private static long parent(long pid) {
			return field(java.nio.file.Path.of("/proc", Long.toString(pid)), 1);
		}

		/**
		 * A numeric field of a /proc stat line, counted from its state (1: the parent's
		 * pid, 11: user time, 12: system time); -1 when the process or thread is gone.
		 */
		private static long field(java.nio.file.Path proc, int index) {
			try {
				String stat = java.nio.file.Files.readString(proc.resolve("stat"));
				return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[index]);
			}
			catch (java.io.IOException | RuntimeException ex) {
				return -1;
			}
		}

		/**
		 * The processor seconds of this JVM's live threads so far, by kind of thread (the
		 * name without its numbers: the JIT's compilers, the garbage collector, the
		 * import and statistics workers); threads that ended are not counted.
		 */
		static Map<String, Double> threads() {
			Map<String, Double> seconds = new java.util.TreeMap<>();
			java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
			for (java.io.File task : (tasks != null) ? tasks : new java.io.File[0]) {
				try {
					String name = java.nio.file.Files.readString(task.toPath().resolve("comm"))
						.strip()
						.replaceAll("[0-9]+", "N");
					seconds.merge(name, seconds(task.toPath()), Double::sum);
				}
				catch (java.io.IOException ex) {
					// the thread ended meanwhile
				}
			}
			return seconds;
		}

		CpuTime minus(CpuTime before) {
			return new CpuTime(this.jvm - before.jvm, this.postgres - before.postgres);
		}

	}

	/**
	 * The JIT's compiling time so far, as the JVM counts it (it only grows, unlike the
	 * compiler threads' own time, which leaves with a thread the JVM stops), in seconds.
	 */
	private static double compilerSeconds() {
		return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1000.0;
	}

	/** The write-ahead log written so far: bytes, records, full-page images. */
	private static long[] wal(DataSource dataSource) throws java.sql.SQLException {
		try (Connection connection = dataSource.getConnection();
				java.sql.ResultSet wal = connection.createStatement()
					.executeQuery("SELECT wal_bytes, wal_records, wal_fpi FROM pg_stat_wal")) {
			wal.next();
			return new long[] { wal.getLong(1), wal.getLong(2), wal.getLong(3) };
		}
	}

	private static ShopView shopOf(List<ShopView> shops, Platform platform) {
		return shops.stream().filter(shop -> shop.platform() == platform).findFirst().orElseThrow();
	}

	/**
	 * Waits for a job to end, looking every 20 ms with one query (a merchant's page looks
	 * once a second; looking every 5 ms through the access check took a tenth of the
	 * JVM's processor time).
	 */
	private static ImportJobView awaitEnd(OrderImports imports, java.util.UUID job) throws InterruptedException {
		while (true) {
			ImportJobView now = imports.job(job).orElseThrow();
			if (now.finished()) {
				return now;
			}
			Thread.sleep(20);
		}
	}

	private static void tally(ImportJobView job, long[] outcomes) {
		if (!"DONE".equals(job.status())) {
			throw new IllegalStateException("import " + job.id() + " ended " + job.status() + ": " + job.message());
		}
		outcomes[0] += job.ordersCreated();
		outcomes[1] += job.ordersUpdated();
		outcomes[2] += job.ordersUnchanged();
		outcomes[3] += job.rejected().size();
	}

	private static byte[] bytes(Platform platform, String file) {
		// Taobao's seller centre writes GBK; the others UTF-8
		return file.getBytes((platform == Platform.TAOBAO) ? Charset.forName("GB18030") : StandardCharsets.UTF_8);
	}

	/** Where the bench's orders go: province, city, district, street. */
	private static final String[][] PLACES = { { "江苏省", "南京市", "鼓楼区", "中山路1号" }, { "四川省", "成都市", "武侯区", "人民南路四段1号" },
			{ "浙江省", "杭州市", "西湖区", "文三路1号" }, { "广东省", "深圳市", "南山区", "科技园1号" }, { "北京市", "北京市", "朝阳区", "建国路88号" },
			{ "上海市", "上海市", "浦东新区", "世纪大道100号" }, { "湖北省", "武汉市", "洪山区", "珞喻路1号" }, { "山东省", "济南市", "历下区", "泉城路1号" },
			{ "陕西省", "西安市", "雁塔区", "长安南路1号" }, { "贵州省", "贵阳市", "息烽县", "永靖镇立碑村1号" }, { "云南省", "昆明市", "五华区", "东风西路1号" },
			{ "黑龙江省", "哈尔滨市", "南岗区", "西大直街1号" } };

	private static final LocalDateTime NEW_YEAR = LocalDateTime.of(2026, 1, 1, 0, 0);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/**
	 * One file of orders [from, to): one in twenty still shipped, the others completed;
	 * {@code again}: those shipped now completed (a later status), and one in a hundred
	 * of the others sent again unchanged.
	 */
	private static String file(Platform platform, int p, int from, int to, boolean again) {
		return header(platform) + rows(platform, p, from, to, again);
	}

	private static String header(Platform platform) {
		StringBuilder out = new StringBuilder();
		switch (platform) {
			case TAOBAO -> out.append("订单编号,买家会员名,买家应付货款,买家实际支付金额,订单状态,收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量\n");
			case JD -> out.append("订单号,商品ID,商品名称,订购数量,下单时间,京东价,订单金额,应付金额,订单状态,客户姓名,客户地址,联系电话,货号\n");
			case PINDUODUO ->
				out.append("商品,订单号,订单状态,商品总价(元),用户实付金额(元),商品数量(件),收货人,手机,省,市,区,详细地址,支付时间,商家编码-SKU维度,售后状态\n");
			default -> out.append("主订单编号,子订单编号,选购商品,商家编码,商品数量,商品金额,订单提交时间,支付完成时间,订单状态,订单应付金额,收件人,收件人手机号,省,市,区,详细地址\n");
		}
		return out.toString();
	}

	private static String rows(Platform platform, int p, int from, int to, boolean again) {
		StringBuilder out = new StringBuilder();
		for (int i = from; i < to; i++) {
			boolean later = i % 20 == 0;
			boolean resent = i % 100 == 1;
			if (again && !resent && !later) {
				continue;
			}
			String number = (p + 1) + String.format("%011d", i);
			boolean shipped = later && !again;
			String[] place = PLACES[i % PLACES.length];
			// one order every 37 seconds from New Year on (250,000 orders: 107 days),
			// each paid a minute after it was placed
			LocalDateTime placed = NEW_YEAR.plusSeconds(37L * i);
			String ordered = TIME.format(placed);
			String paid = TIME.format(placed.plusMinutes(1));
			switch (platform) {
				case TAOBAO -> out.append("=\"")
					.append(number)
					.append("\",b")
					.append(i)
					.append(",39.90,39.90,")
					.append(shipped ? "卖家已发货，等待买家确认" : "交易成功")
					.append(",张三,")
					.append(String.join(" ", place))
					.append(",'13812345678,")
					.append(ordered)
					.append(',')
					.append(paid)
					.append(",立碑酸菜 1.5kg,1\n");
				case JD -> out.append(number)
					.append(",100001,立碑酸菜 1.5kg,1,")
					.append(ordered)
					.append(",39.90,39.90,39.90,")
					.append(shipped ? "等待确认收货" : "完成")
					.append(",赵六,")
					.append(String.join("", place))
					.append(",13700001234,XF-SC-1500\n");
				case PINDUODUO -> out.append("立碑酸菜,")
					.append(number)
					.append(",")
					.append(shipped ? "已发货，待签收" : "已签收")
					.append(",39.90,39.90,1,周九,13811112222,")
					.append(String.join(",", place))
					.append(',')
					.append(paid)
					.append(",XF-SC-1500,无售后或售后取消\n");
				default -> out.append(number)
					.append(",")
					.append(number)
					.append("-1,立碑酸菜,XF-SC-1500,1,39.90,")
					.append(ordered)
					.append(',')
					.append(paid)
					.append(',')
					.append(shipped ? "已发货" : "已完成")
					.append(",39.90,郑一,13312345678,")
					.append(String.join(",", place))
					.append("\n");
			}
		}
		return out.toString();
	}

	/**
	 * Writes the lines of a file of orders [from, to) as the baseline copies them;
	 * answers how many.
	 */
	private static int copyLines(java.io.Writer out, int p, int from, int to, boolean again)
			throws java.io.IOException {
		int count = 0;
		for (int i = from; i < to; i++) {
			if (again && i % 20 != 0 && i % 100 != 1) {
				continue;
			}
			out.write((p + 1) + String.format("%011d", i) + ",1,立碑酸菜 1.5kg,XF-SC-1500,1,39.90\n");
			count++;
		}
		return count;
	}

	/**
	 * The baseline: the same lines COPY'd into a table without indexes (logged, as the
	 * orders are); seconds.
	 */
	private static double copy(DataSource dataSource, java.nio.file.Path lines) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			connection.createStatement()
				.execute("CREATE TABLE bench_lines (order_no TEXT, line_key TEXT, title TEXT, merchant_code TEXT,"
						+ " quantity INTEGER, price NUMERIC(14,2))");
			long started = System.nanoTime();
			try (java.io.Reader in = java.nio.file.Files.newBufferedReader(lines)) {
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("COPY bench_lines FROM STDIN WITH (FORMAT csv)", in);
			}
			return (System.nanoTime() - started) / 1e9;
		}
	}

}
