package org.farmgate.statistics.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.statistics.Filter;
import org.farmgate.statistics.StatisticsManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Monthly reports produced in the background: a request is stored as queued and handed to
 * a small bounded pool; the job tells its progress as it reads the figures, then stores
 * the PDF and the workbook (done) or why it failed. A report is read by whoever asked for
 * it and by the staff who may see its area; for anyone else it does not exist. At start,
 * a report left running by a stopped instance is marked failed (it can be asked for
 * again) and the queued ones are taken up.
 */
@Service
public class ReportManagement {

	private static final Logger logger = LoggerFactory.getLogger(ReportManagement.class);

	/** The most reports a user's list shows. */
	static final int LISTED = 20;

	private static final String COLUMNS = """
			id, area_code, organisation_id, month, requested_by, requested_at, status, progress, finished_at,
			message""";

	private final JdbcClient jdbc;

	private final StatisticsManagement statistics;

	private final MonthlyReports reports;

	private final ReportPdf pdf;

	private final ReportWorkbook workbook;

	private final ThreadPoolTaskExecutor executor;

	ReportManagement(JdbcClient jdbc, StatisticsManagement statistics, MonthlyReports reports, ReportPdf pdf,
			ReportWorkbook workbook, @Value("${farmgate.statistics.report-workers:1}") int workers,
			@Value("${farmgate.statistics.report-queue:50}") int queue) {
		this.jdbc = jdbc;
		this.statistics = statistics;
		this.reports = reports;
		this.pdf = pdf;
		this.workbook = workbook;
		// a few threads at most and a bounded queue, so that reports never take the cores
		// the pages need; a request beyond the queue fails at once and says so
		ThreadPoolTaskExecutor jobs = new ThreadPoolTaskExecutor();
		jobs.setCorePoolSize(workers);
		jobs.setMaxPoolSize(workers);
		jobs.setQueueCapacity(queue);
		jobs.setThreadNamePrefix("statistics-report-");
		jobs.setAwaitTerminationSeconds(10);
		jobs.setWaitForTasksToCompleteOnShutdown(false);
		jobs.initialize();
		this.executor = jobs;
	}

	@PreDestroy
	void stop() {
		this.executor.shutdown();
	}

	/**
	 * Queues the report of the area and month, in the reader's language; a merchant's
	 * covers its own organisation only.
	 * @throws AccessDeniedException for an area or role without statistics
	 */
	public ReportView request(SignedInUser user, String area, YearMonth month, Locale locale) {
		Filter filter = this.statistics.filterFor(user, area, null, null, null, null, month.atDay(1),
				month.atEndOfMonth());
		UUID id = UUID.randomUUID();
		ReportView queued = this.jdbc.sql("""
				INSERT INTO statistics_report (id, area_code, organisation_id, month, locale, requested_by, status)
				VALUES (?, ?, ?, ?, ?, ?, 'QUEUED')
				RETURNING""" + " " + COLUMNS)
			.params(id, filter.area(), filter.organisation(), month.toString(), locale.toLanguageTag(), user.id())
			.query(ReportManagement::view)
			.single();
		submit(id);
		return queued;
	}

	/** The user's latest reports, newest first. */
	public List<ReportView> mine(SignedInUser user) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM statistics_report WHERE requested_by = ? ORDER BY requested_at DESC, id LIMIT ?")
			.params(user.id(), LISTED)
			.query(ReportManagement::view)
			.list();
	}

	/** A report the user may read; empty for anyone else's. */
	public Optional<ReportView> find(SignedInUser user, UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM statistics_report WHERE id = ?")
			.param(id)
			.query(ReportManagement::view)
			.optional()
			.filter(report -> readable(user, report));
	}

	/** A done report's PDF, for a user who may read it. */
	public Optional<byte[]> pdf(SignedInUser user, UUID id) {
		return file(user, id, "pdf");
	}

	/** A done report's workbook, for a user who may read it. */
	public Optional<byte[]> xlsx(SignedInUser user, UUID id) {
		return file(user, id, "xlsx");
	}

	private Optional<byte[]> file(SignedInUser user, UUID id, String column) {
		return find(user, id).filter(ReportView::done)
			.flatMap(report -> this.jdbc.sql("SELECT " + column + " FROM statistics_report WHERE id = ?")
				.param(id)
				.query((rs, n) -> rs.getBytes(1))
				.optional());
	}

	/**
	 * Its requester, or staff who may see its area (and a merchant's organisation in it).
	 */
	private boolean readable(SignedInUser user, ReportView report) {
		if (report.requestedBy().equals(user.id())) {
			return true;
		}
		if (user.role() != Role.OPERATOR && user.role() != Role.ANALYST && user.role() != Role.ADMIN) {
			return false;
		}
		try {
			this.statistics.filterFor(user, report.area(), null, null, null, null, report.month().atDay(1),
					report.month().atEndOfMonth());
			return true;
		}
		catch (AccessDeniedException ex) {
			return false;
		}
	}

	/**
	 * At start: reports a stopped instance left running fail; queued ones are taken up.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void resume() {
		int interrupted = this.jdbc.sql("""
				UPDATE statistics_report SET status = 'FAILED', message = 'statistics.report.error.interrupted',
				       finished_at = now()
				WHERE status = 'RUNNING'""").update();
		if (interrupted > 0) {
			logger.info("Statistics: {} report(s) interrupted by a restart marked failed", interrupted);
		}
		this.jdbc.sql("SELECT id FROM statistics_report WHERE status = 'QUEUED' ORDER BY requested_at")
			.query(UUID.class)
			.list()
			.forEach(this::submit);
	}

	private void submit(UUID id) {
		try {
			this.executor.execute(() -> run(id));
		}
		catch (RejectedExecutionException ex) {
			fail(id, "statistics.report.error.busy");
		}
	}

	/**
	 * Produces a queued report; one taken by another worker, or no longer queued, is
	 * left.
	 */
	void run(UUID id) {
		Optional<Job> claimed = this.jdbc.sql("""
				UPDATE statistics_report SET status = 'RUNNING', progress = 5
				WHERE id = ? AND status = 'QUEUED'
				RETURNING area_code, organisation_id, month, locale""")
			.param(id)
			.query((rs, n) -> new Job(rs.getString(1), rs.getObject(2, UUID.class), YearMonth.parse(rs.getString(3)),
					Locale.forLanguageTag(rs.getString(4))))
			.optional();
		if (claimed.isEmpty()) {
			return;
		}
		Job job = claimed.get();
		try {
			Filter filter = new Filter(job.area(), null, job.organisation(), null, null, job.month().atDay(1),
					job.month().atEndOfMonth());
			MonthlyReport report = this.reports.compile(filter, job.month(), job.locale(),
					progress -> progress(id, progress));
			byte[] pdf = this.pdf.write(report, job.locale());
			progress(id, 90);
			byte[] xlsx = this.workbook.write(report, job.locale());
			this.jdbc
				.sql("""
						UPDATE statistics_report SET status = 'DONE', progress = 100, pdf = ?, xlsx = ?, finished_at = now(),
						       message = NULL
						WHERE id = ? AND status = 'RUNNING'""")
				.params(pdf, xlsx, id)
				.update();
		}
		catch (RuntimeException ex) {
			logger.error("Statistics: report {} of {} {} failed", id, job.area(), job.month(), ex);
			fail(id, "statistics.report.error.failed");
		}
	}

	private void progress(UUID id, int progress) {
		this.jdbc.sql("UPDATE statistics_report SET progress = ? WHERE id = ? AND status = 'RUNNING' AND progress < ?")
			.params(progress, id, progress)
			.update();
	}

	private void fail(UUID id, String message) {
		this.jdbc.sql("""
				UPDATE statistics_report SET status = 'FAILED', message = ?, finished_at = now()
				WHERE id = ? AND status IN ('QUEUED', 'RUNNING')""").params(message, id).update();
	}

	private static ReportView view(ResultSet rs, int n) throws SQLException {
		return new ReportView(rs.getObject("id", UUID.class), rs.getString("area_code"),
				rs.getObject("organisation_id", UUID.class), YearMonth.parse(rs.getString("month")),
				rs.getObject("requested_by", UUID.class), instant(rs.getTimestamp("requested_at")),
				ReportStatus.valueOf(rs.getString("status")), rs.getInt("progress"),
				instant(rs.getTimestamp("finished_at")), rs.getString("message"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Job(String area, UUID organisation, YearMonth month, Locale locale) {
	}

}
