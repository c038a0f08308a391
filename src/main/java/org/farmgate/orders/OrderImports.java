package org.farmgate.orders;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.channels.ChannelExports;
import org.farmgate.orders.channels.ChannelOrder;
import org.farmgate.orders.channels.ChannelRead;
import org.farmgate.orders.channels.ExportFile;
import org.farmgate.orders.channels.NotAnOrderExportException;
import org.farmgate.orders.channels.RejectedRow;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopOwner;
import org.farmgate.registry.ShopView;
import org.farmgate.uploads.UploadSize;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order imports as background jobs: a merchant (or an operator) uploads one or more
 * export files for a shop; the job reads them, takes their orders in chunks of a few
 * thousand, each in a transaction of its own ({@link OrderIntake#takeAll}: a job cut off
 * half-way leaves no half-written order, and running it again gives exactly the orders of
 * the files), reports its progress, and ends with a report: rows read, orders created,
 * updated and unchanged, and every rejected row with its line and reason. A file that is
 * no order export of the shop's platform fails the job whole, saving nothing. Jobs cut
 * off by a restart run again at the next start.
 */
@Service
public class OrderImports {

	private static final Logger logger = LoggerFactory.getLogger(OrderImports.class);

	private static final int MAX_FILES = 10;

	/**
	 * Orders taken in one transaction: big enough that the round trips do not count,
	 * small enough that progress shows and a chunk taken again after a failure is quick.
	 */
	private static final int CHUNK = 2_000;

	/** Chunks taken at once, side by side. */
	private static final int CHUNK_WORKERS = 2;

	private static final String JOB = """
			SELECT id, shop_id, status, file_names, orders_total, orders_done, rows_read, orders_created,
			       orders_updated, orders_unchanged, rejected, message, created_at, finished_at
			FROM orders_import_job""";

	private final JdbcClient jdbc;

	private final RegistryManagement registry;

	private final OrderIntake intake;

	private final ThreadPoolTaskExecutor executor;

	private final ExecutorService chunkWorkers;

	private final ImportJobClaims claims;

	private final TransactionTemplate transactions;

	/**
	 * The application is stopping: whatever a job meets now, it is cut off, not failed.
	 */
	private volatile boolean stopping;

	private final Clock clock;

	OrderImports(JdbcClient jdbc, RegistryManagement registry, OrderIntake intake, ImportJobClaims claims,
			TransactionTemplate transactions, Clock clock) {
		this.claims = claims;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.registry = registry;
		this.intake = intake;
		this.clock = clock;
		// one thread runs the jobs one after another, so that a big file never takes the
		// cores the pages need (kept here, not as a bean, so that it serves nothing else)
		ThreadPoolTaskExecutor jobs = new ThreadPoolTaskExecutor();
		jobs.setCorePoolSize(1);
		jobs.setMaxPoolSize(1);
		jobs.setThreadNamePrefix("order-import-");
		jobs.setAwaitTerminationSeconds(30);
		jobs.initialize();
		this.executor = jobs;
		// a job's chunks are taken two at a time: while one is in PostgreSQL (COPY), the
		// other is read and taken here
		this.chunkWorkers = Executors.newFixedThreadPool(CHUNK_WORKERS, new ThreadFactory() {
			private final AtomicInteger count = new AtomicInteger();

			@Override
			public Thread newThread(Runnable task) {
				Thread thread = new Thread(task, "order-import-chunk-" + this.count.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			}
		});
	}

	/**
	 * The application begins to stop (before the web server and the other components do):
	 * no chunk is begun any more and those under way are interrupted, instead of the
	 * import going on for as long as the rest takes to stop (17 s were measured: most of
	 * a 200,000-order file).
	 */
	@org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
	void stopping() {
		this.stopping = true;
		this.executor.shutdown();
		this.chunkWorkers.shutdownNow();
	}

	@PreDestroy
	void stop() throws InterruptedException {
		// the running job is interrupted and stays RUNNING, to run again at the next
		// start; it and the chunks under way end (or are cut off) before the database
		// goes
		stopping();
		this.chunkWorkers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
	}

	/**
	 * Queues an import of the files for the shop, and starts it once the job is stored.
	 * @throws OrderException when the shop is not the user's or the upload is empty or
	 * too large
	 */
	@Transactional
	public ImportJobView start(SignedInUser user, UUID shopId, List<ExportFile> files) {
		OrderRoles.requireWriter(user, "does not import orders");
		ShopView shop = this.registry.shop(user, shopId).orElseThrow(OrderException::notFound);
		List<ExportFile> given = files.stream().filter(file -> file.content().length > 0).toList();
		if (given.isEmpty()) {
			throw OrderException.because("orders.import.error.no-file");
		}
		if (given.size() > MAX_FILES) {
			throw OrderException.because("orders.import.error.too-many-files", MAX_FILES);
		}
		if (given.stream().mapToLong(file -> file.content().length).sum() > UploadSize.ORDER_EXPORTS_MAX_BYTES) {
			throw OrderException.because("orders.import.error.too-large");
		}
		UUID id = UUID.randomUUID();
		String county = this.registry.organisation(user, shop.organisationId()).orElseThrow().countyCode();
		this.jdbc.sql("""
				INSERT INTO orders_import_job (id, county_code, organisation_id, shop_id, requested_by, status,
				                               file_names, created_at, claimed_by, heartbeat_at)
				VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, now())""")
			.params(id, county, shop.organisationId(), shop.id(), user.getUsername(), fileNames(given),
					Timestamp.from(this.clock.instant()), this.claims.instance())
			.update();
		for (int i = 0; i < given.size(); i++) {
			this.jdbc.sql("INSERT INTO orders_import_file (job_id, position, name, content) VALUES (?, ?, ?, ?)")
				.params(id, i, name(given.get(i).name()), given.get(i).content())
				.update();
		}
		ShopContext context = new ShopContext(shop.id(), shop.organisationId(), county, shop.platform());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				OrderImports.this.claims.hold(id);
				OrderImports.this.executor.execute(() -> run(id, context));
			}
		});
		return job(id).orElseThrow();
	}

	/**
	 * A job the user may see: its shop's organisation's, or its county's for operators.
	 */
	public Optional<ImportJobView> job(SignedInUser user, UUID id) {
		return job(id).filter(job -> this.registry.shop(user, job.shopId()).isPresent());
	}

	/** The latest jobs of a shop the user sees. */
	public List<ImportJobView> jobsOf(SignedInUser user, UUID shopId) {
		this.registry.shop(user, shopId).orElseThrow(OrderException::notFound);
		return this.jdbc.sql(JOB + " WHERE shop_id = ? ORDER BY created_at DESC LIMIT 20")
			.param(shopId)
			.query(OrderImports::jobView)
			.list();
	}

	/**
	 * Jobs this instance had when it stopped or crashed run again at its start (taking
	 * orders is idempotent), and so do jobs no instance beats for.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void resumeCutOffJobs() {
		resume(this.claims.claim(true));
	}

	/**
	 * Every minute: this instance says it lives for the jobs it has, and takes over the
	 * jobs of an instance silent for {@link ImportJobClaims#ORPHANED_AFTER}.
	 */
	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
	void resumeOrphanedJobs() {
		this.claims.beat();
		resume(this.claims.claim(false));
	}

	private void resume(List<ImportJobClaims.Claimed> jobs) {
		for (ImportJobClaims.Claimed job : jobs) {
			logger.info("Resuming order import {} cut off by a restart", job.id());
			this.executor.execute(() -> run(job.id(), new ShopContext(job.shopId(), job.organisationId(),
					job.countyCode(), this.registry.ownerOf(job.shopId()).map(ShopOwner::platform).orElse(null))));
		}
	}

	void run(UUID id, ShopContext shop) {
		List<Future<OrderIntake.ChunkTaken>> pending = new ArrayList<>();
		try {
			int started = this.jdbc.sql("""
					UPDATE orders_import_job SET status = 'RUNNING', orders_done = 0, heartbeat_at = now()
					WHERE id = ? AND claimed_by = ? AND status IN ('QUEUED', 'RUNNING')""")
				.params(id, this.claims.instance())
				.update();
			if (started == 0) {
				// ended already, or taken over by another instance
				return;
			}
			List<ExportFile> files = this.jdbc
				.sql("SELECT name, content FROM orders_import_file WHERE job_id = ? ORDER BY position")
				.param(id)
				.query((rs, n) -> new ExportFile(rs.getString(1), rs.getBytes(2)))
				.list();
			ChannelRead read;
			try {
				read = ChannelExports.read(files);
			}
			catch (NotAnOrderExportException ex) {
				fail(id, ex.messageKey() + ((ex.fileName() != null) ? "|" + ex.fileName() : ""));
				return;
			}
			if (shop.platform() == null || !shop.takes(read.platform())) {
				fail(id, "orders.import.error.wrong-platform|" + read.platform());
				return;
			}
			this.jdbc.sql("UPDATE orders_import_job SET orders_total = ?, rows_read = ? WHERE id = ?")
				.params(read.orders().size(), read.rowsRead(), id)
				.update();
			OrderIntake.JobMemory memory = this.intake.jobMemory();
			List<List<ChannelOrder>> chunks = chunks(read.orders());
			for (int chunk = 0; chunk < chunks.size(); chunk++) {
				int number = chunk;
				try {
					pending
						.add(this.chunkWorkers.submit(() -> takeChunk(id, shop, chunks.get(number), number, memory)));
				}
				catch (java.util.concurrent.RejectedExecutionException ex) {
					throw new CutOff("cut off by the shutdown");
				}
			}
			int created = 0;
			int updated = 0;
			int unchanged = 0;
			List<RejectedRow> rejected = new ArrayList<>(read.rejected());
			for (Future<OrderIntake.ChunkTaken> chunk : pending) {
				OrderIntake.ChunkTaken taken = result(chunk);
				created += taken.created();
				updated += taken.updated();
				unchanged += taken.unchanged();
				for (ChannelOrder refused : taken.refused()) {
					rejected.add(new RejectedRow(null, refused.line(), "orders.row.not-taken", null));
				}
			}
			int done = read.orders().size();
			boolean ended = end(id, """
					status = 'DONE', orders_done = ?, orders_created = ?, orders_updated = ?, orders_unchanged = ?,
					rejected = ?""", done, created, updated, unchanged, encode(rejected));
			if (!ended) {
				throw new CutOff("taken over by another instance");
			}
		}
		catch (CutOff ex) {
			pending.forEach(chunk -> chunk.cancel(false));
			logger.info("Order import {} {}: it runs on where it is claimed", id, ex.getMessage());
		}
		catch (RuntimeException | Error ex) {
			pending.forEach(chunk -> chunk.cancel(false));
			if (this.stopping) {
				logger.info("Order import {} cut off by the shutdown: it runs on where it is claimed", id);
			}
			else {
				// even out of memory: the job ends FAILED instead of running again at
				// every start; its chunks not begun are not taken
				logger.error("Order import {} failed", id, ex);
				fail(id, "orders.import.error.failed");
			}
		}
		finally {
			this.claims.letGo(id, !this.stopping);
		}
	}

	/**
	 * The job stops where it is and stays claimed: the application stops (the job runs
	 * again at its next start), or another instance took it over.
	 */
	private static final class CutOff extends RuntimeException {

		CutOff(String why) {
			super(why, null, false, false);
		}

	}

	/**
	 * Takes one chunk (on one of the chunk workers) and counts it done: whole, or order
	 * by order when something in it cannot be written with the rest (an order a webhook
	 * wrote meanwhile, a value the database refuses), so that only what is wrong is left
	 * out.
	 */
	private OrderIntake.ChunkTaken takeChunk(UUID id, ShopContext shop, List<ChannelOrder> orders, int chunk,
			OrderIntake.JobMemory memory) {
		OrderTaking.Lookups lookups = this.intake.remembering(memory);
		try {
			// counted in the chunk's own transaction, which need not wait for the disk
			return this.intake.takeAll(shop, orders, id, lookups, () -> countDone(id, orders.size()));
		}
		catch (CutOff ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (this.stopping || Thread.currentThread().isInterrupted()) {
				// the application stops: the job runs again at the next start
				throw new CutOff("cut off by the shutdown");
			}
			logger.info("Order import {}: chunk {} taken order by order ({})", id, chunk,
					ex.getClass().getSimpleName());
		}
		OrderIntake.ChunkTaken taken = oneByOne(shop, orders, id, lookups);
		countDone(id, orders.size());
		return taken;
	}

	/**
	 * Counts orders of the job done and says this instance still runs it.
	 * @throws CutOff when another instance took the job over
	 */
	private void countDone(UUID id, int orders) {
		int counted = this.jdbc
			.sql("UPDATE orders_import_job SET orders_done = orders_done + ?, heartbeat_at = now()"
					+ " WHERE id = ? AND claimed_by = ?")
			.params(orders, id, this.claims.instance())
			.update();
		if (counted == 0) {
			throw new CutOff("taken over by another instance");
		}
	}

	/**
	 * The orders in even chunks of about {@link #CHUNK} at most, as many as a multiple of
	 * the chunk workers (a file of 1,200 orders in two chunks of 600, not one that leaves
	 * a worker idle), every report of one order number in the same chunk (chunks are
	 * taken side by side and must not meet on an order): chunk k ends with the order that
	 * reaches its share of the reports, k·n/count.
	 */
	static List<List<ChannelOrder>> chunks(List<ChannelOrder> orders) {
		Map<String, List<ChannelOrder>> byNumber = new LinkedHashMap<>();
		for (ChannelOrder order : orders) {
			byNumber.computeIfAbsent(order.platformOrderNo(), number -> new ArrayList<>(1)).add(order);
		}
		int count = (orders.size() + CHUNK - 1) / CHUNK;
		count = Math.max(1, (count + CHUNK_WORKERS - 1) / CHUNK_WORKERS) * CHUNK_WORKERS;
		List<List<ChannelOrder>> chunks = new ArrayList<>(count);
		List<ChannelOrder> chunk = new ArrayList<>();
		long taken = 0;
		for (List<ChannelOrder> reports : byNumber.values()) {
			chunk.addAll(reports);
			taken += reports.size();
			if (taken * count >= (long) (chunks.size() + 1) * orders.size()) {
				chunks.add(chunk);
				chunk = new ArrayList<>();
			}
		}
		if (!chunk.isEmpty()) {
			chunks.add(chunk);
		}
		return chunks;
	}

	private static OrderIntake.ChunkTaken result(Future<OrderIntake.ChunkTaken> chunk) {
		try {
			return chunk.get();
		}
		catch (InterruptedException | java.util.concurrent.CancellationException ex) {
			Thread.currentThread().interrupt();
			throw new CutOff("cut off by the shutdown");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			if (ex.getCause() instanceof CutOff cutOff) {
				throw cutOff;
			}
			throw new IllegalStateException("an order import chunk failed", ex.getCause());
		}
	}

	private OrderIntake.ChunkTaken oneByOne(ShopContext shop, List<ChannelOrder> orders, UUID id,
			OrderTaking.Lookups lookups) {
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<ChannelOrder> refused = new ArrayList<>();
		for (ChannelOrder order : orders) {
			if (this.stopping) {
				throw new CutOff("cut off by the shutdown");
			}
			try {
				// a webhook may be writing the same order: taking is made again then
				switch (OrderConflicts.retried(() -> this.intake.takeImported(shop, order, id, lookups))) {
					case CREATED -> created++;
					case UPDATED -> updated++;
					case UNCHANGED -> unchanged++;
				}
			}
			catch (RuntimeException ex) {
				// one order that cannot be taken never stops the others; its data is not
				// logged
				logger.warn("Order import {}: an order could not be taken ({})", id, ex.getClass().getSimpleName());
				refused.add(order);
			}
		}
		return new OrderIntake.ChunkTaken(created, updated, unchanged, refused);
	}

	private void fail(UUID id, String message) {
		end(id, "status = 'FAILED', message = ?", message);
	}

	/**
	 * Ends a job still claimed here: its row set as told (the values for the
	 * {@code assignments}' parameters), finished now, and its files deleted, in one
	 * transaction committed durably (an end a user has seen stays; the chunks before it
	 * do not wait for the disk). False, and nothing changed, when another instance took
	 * it over.
	 */
	private boolean end(UUID id, String assignments, Object... values) {
		Object[] parameters = java.util.Arrays.copyOf(values, values.length + 3);
		parameters[values.length] = Timestamp.from(this.clock.instant());
		parameters[values.length + 1] = id;
		parameters[values.length + 2] = this.claims.instance();
		return Boolean.TRUE.equals(this.transactions.execute(status -> {
			int ended = this.jdbc
				.sql("UPDATE orders_import_job SET " + assignments
						+ ", finished_at = ? WHERE id = ? AND claimed_by = ?")
				.params(parameters)
				.update();
			if (ended == 0) {
				return false;
			}
			this.jdbc.sql("DELETE FROM orders_import_file WHERE job_id = ?").param(id).update();
			return true;
		}));
	}

	/** A job, whoever asks (the public lookup checks the user first). */
	Optional<ImportJobView> job(UUID id) {
		return this.jdbc.sql(JOB + " WHERE id = ?").param(id).query(OrderImports::jobView).optional();
	}

	private static ImportJobView jobView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ImportJobView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				Arrays.asList(rs.getString(4).split("\n")), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
				rs.getInt(9), rs.getInt(10), decode(rs.getString(11)), rs.getString(12),
				rs.getTimestamp(13).toInstant(),
				(rs.getTimestamp(14) != null) ? rs.getTimestamp(14).toInstant() : null);
	}

	private static String fileNames(List<ExportFile> files) {
		String names = String.join("\n", files.stream().map(file -> name(file.name())).toList());
		return (names.length() > 1000) ? names.substring(0, 1000) : names;
	}

	private static String name(String name) {
		String plain = (name == null || name.isBlank()) ? "upload" : name.replaceAll("[\\r\\n\\t]", " ").strip();
		return (plain.length() > 120) ? plain.substring(0, 120) : plain;
	}

	private static String encode(List<RejectedRow> rows) {
		StringBuilder text = new StringBuilder();
		for (RejectedRow row : rows) {
			text.append(clean(row.file()))
				.append('\t')
				.append(row.line())
				.append('\t')
				.append(row.reason())
				.append('\t')
				.append(clean(row.detail()))
				.append('\n');
		}
		return text.toString();
	}

	private static List<ImportJobView.Rejected> decode(String text) {
		List<ImportJobView.Rejected> rows = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return rows;
		}
		for (String line : text.split("\n")) {
			String[] parts = line.split("\t", -1);
			rows.add(new ImportJobView.Rejected(parts[0].isEmpty() ? null : parts[0], Integer.parseInt(parts[1]),
					parts[2], parts[3].isEmpty() ? null : parts[3]));
		}
		return rows;
	}

	private static String clean(String value) {
		return (value == null) ? "" : value.replaceAll("[\\t\\n\\r]", " ");
	}

}
