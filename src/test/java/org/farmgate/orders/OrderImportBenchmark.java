package org.farmgate.orders;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;

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
 * import jobs, and for comparison copies the same lines into an unindexed table with
 * PostgreSQL's COPY, in the same run. Prints a line starting {@code RESULT}.
 */
public final class OrderImportBenchmark {

	private static final int ORDERS_PER_FILE = 20_000;

	private OrderImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int orders = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		ConfigurableApplicationContext context = SpringApplication.run(FarmgateApplication.class,
				"--farmgate.embedded-db.directory=", "--farmgate.demo=true", "--farmgate.demo.registry-scale=0.05",
				"--farmgate.demo.orders-per-year=0", "--server.port=0", "--logging.level.root=WARN",
				"--farmgate.secrets.key=dGVzdC1rZXktZm9yLWZhcm1nYXRlLXRlc3RzLW9ubHk=");
		try {
			SignedInUser merchant = (SignedInUser) context.getBean(UserDetailsService.class)
				.loadUserByUsername("merchant");
			List<ShopView> shops = context.getBean(RegistryManagement.class)
				.shopsOf(merchant, merchant.scope().organisationId());
			OrderImports imports = context.getBean(OrderImports.class);
			Platform[] platforms = { Platform.TAOBAO, Platform.JD, Platform.PINDUODUO, Platform.DOUYIN };
			StringBuilder copy = new StringBuilder();
			long lines = 0;
			long started = System.nanoTime();
			for (int p = 0; p < platforms.length; p++) {
				Platform platform = platforms[p];
				ShopView shop = shops.stream()
					.filter(candidate -> candidate.platform() == platform)
					.findFirst()
					.orElseThrow();
				int share = orders / platforms.length + ((p < orders % platforms.length) ? 1 : 0);
				for (int from = 0; from < share; from += ORDERS_PER_FILE) {
					int to = Math.min(share, from + ORDERS_PER_FILE);
					String file = file(platform, p, from, to, false);
					String again = file(platform, p, from, to, true);
					lines += (to - from) + (to - from) / 100 + (to - from) / 20;
					copy.append(copyLines(p, from, to));
					ImportJobView job = imports.start(merchant, shop.id(),
							List.of(new ExportFile("bench.csv", bytes(platform, file))));
					OrderSamples.awaitEnd(imports, merchant, job.id(), 3600);
					job = imports.start(merchant, shop.id(),
							List.of(new ExportFile("bench-again.csv", bytes(platform, again))));
					OrderSamples.awaitEnd(imports, merchant, job.id(), 3600);
				}
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			double copySeconds = copy(context.getBean(DataSource.class), copy.toString());
			double linesPerSecond = lines / seconds;
			double copyLinesPerSecond = orders / copySeconds;
			System.out.printf(Locale.ROOT,
					"RESULT orders=%d lines=%d seconds=%.1f linesPerSecond=%.0f copyLinesPerSecond=%.0f ratio=%.4f%n",
					orders, lines, seconds, linesPerSecond, copyLinesPerSecond, linesPerSecond / copyLinesPerSecond);
		}
		finally {
			SpringApplication.exit(context);
		}
		System.exit(0);
	}

	private static byte[] bytes(Platform platform, String file) {
		// Taobao's seller centre writes GBK; the others UTF-8
		return file.getBytes((platform == Platform.TAOBAO) ? Charset.forName("GB18030") : StandardCharsets.UTF_8);
	}

	/**
	 * One file of orders [from, to); {@code again}: 1 % resent, 5 % with a later status.
	 */
	private static String file(Platform platform, int p, int from, int to, boolean again) {
		StringBuilder out = new StringBuilder();
		switch (platform) {
			case TAOBAO -> out.append("订单编号,买家会员名,买家应付货款,买家实际支付金额,订单状态,收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量\n");
			case JD -> out.append("订单号,商品ID,商品名称,订购数量,下单时间,京东价,订单金额,应付金额,订单状态,客户姓名,客户地址,联系电话,货号\n");
			case PINDUODUO ->
				out.append("商品,订单号,订单状态,商品总价(元),用户实付金额(元),商品数量(件),收货人,手机,省,市,区,详细地址,支付时间,商家编码-SKU维度,售后状态\n");
			default -> out.append("主订单编号,子订单编号,选购商品,商家编码,商品数量,商品金额,订单提交时间,支付完成时间,订单状态,订单应付金额,收件人,收件人手机号,省,市,区,详细地址\n");
		}
		for (int i = from; i < to; i++) {
			boolean resent = i % 100 == 0;
			boolean later = i % 20 == 0;
			if (again && !resent && !later) {
				continue;
			}
			String number = (p + 1) + String.format("%011d", i);
			boolean shipped = again && later;
			switch (platform) {
				case TAOBAO -> out.append("=\"")
					.append(number)
					.append("\",b")
					.append(i)
					.append(",39.90,39.90,")
					.append(shipped ? "卖家已发货，等待买家确认" : "交易成功")
					.append(",张三,江苏省 南京市 鼓楼区 中山路1号,'13812345678,2026-10-01 10:00:00,2026-10-01 10:01:00,立碑酸菜 1.5kg,1\n");
				case JD -> out.append(number)
					.append(",100001,立碑酸菜 1.5kg,1,2026-10-01 10:00:00,39.90,39.90,39.90,")
					.append(shipped ? "等待确认收货" : "完成")
					.append(",赵六,四川成都市武侯区人民南路四段1号,13700001234,XF-SC-1500\n");
				case PINDUODUO -> out.append("立碑酸菜,")
					.append(number)
					.append(",")
					.append(shipped ? "已发货，待签收" : "已签收")
					.append(",39.90,39.90,1,周九,13811112222,浙江省,杭州市,西湖区,文三路1号,2026-10-01 12:00:00,XF-SC-1500,无售后或售后取消\n");
				default -> out.append(number)
					.append(",")
					.append(number)
					.append("-1,立碑酸菜,XF-SC-1500,1,39.90,2026-10-01 20:00:00,2026-10-01 20:01:00,")
					.append(shipped ? "已发货" : "已完成")
					.append(",39.90,郑一,13312345678,广东省,深圳市,南山区,科技园1号\n");
			}
		}
		return out.toString();
	}

	private static String copyLines(int p, int from, int to) {
		StringBuilder out = new StringBuilder();
		for (int i = from; i < to; i++) {
			out.append(p + 1).append(String.format("%011d", i)).append(",1,立碑酸菜 1.5kg,XF-SC-1500,1,39.90\n");
		}
		return out.toString();
	}

	/** The baseline: the same lines COPY'd into a table without indexes; seconds. */
	private static double copy(DataSource dataSource, String lines) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			connection.createStatement()
				.execute("CREATE TEMP TABLE bench_lines (order_no TEXT, line_key TEXT, title TEXT, merchant_code TEXT,"
						+ " quantity INTEGER, price NUMERIC(14,2))");
			long started = System.nanoTime();
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY bench_lines FROM STDIN WITH (FORMAT csv)", new java.io.StringReader(lines));
			return (System.nanoTime() - started) / 1e9;
		}
	}

}
