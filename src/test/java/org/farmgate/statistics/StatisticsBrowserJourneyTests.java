package org.farmgate.statistics;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.PhoneBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's journey in a real browser (Debian's Chromium, headless, phone-sized):
 * open the dashboard, change the period, drill down to Libei village, and download the
 * monthly PDF report.
 */
@FarmgateTest
class StatisticsBrowserJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	StatisticsQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	ChromeDriver browser;

	@BeforeEach
	void openBrowser() throws Exception {
		StatisticsSettle.settle(this.jdbc);
		this.browser = PhoneBrowser.open();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void theAnalystChangesThePeriodDrillsDownToLibeiVillageAndDownloadsTheMonthlyReport() throws Exception {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		PhoneBrowser.signIn(this.browser, base(), "analyst", wait);
		this.browser.get(base() + "/statistics");
		wait.until(ExpectedConditions.textToBe(By.id("dashboard-heading"), "息烽县电商统计"));
		assertThat(this.browser.findElement(By.id("from")).getDomProperty("value"))
			.isEqualTo(today.withDayOfYear(1).toString());
		awaitChart("chart-monthly");

		this.browser.findElement(By.id("preset-last12")).click();
		LocalDate from = today.minusYears(1).plusDays(1);
		wait.until(ExpectedConditions.attributeToBe(By.id("from"), "value", from.toString()));
		Summary county = this.queries.summary(new Filter("520122", null, null, null, null, from, today));
		assertThat(this.browser.findElement(By.id("sales-net")).getText())
			.isEqualTo(String.format("%,.2f", county.salesNet()));
		PhoneBrowser.assertNoHorizontalScroll(this.browser, "the dashboard");
		PhoneBrowser.screenshot(this.browser, "statistics-dashboard");

		WebElement libei = this.browser.findElement(By.cssSelector("#villages"))
			.findElements(By.tagName("a"))
			.stream()
			.filter(link -> link.getText().contains("立碑村"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the villages table links Libei village"));
		String href = libei.getDomAttribute("href");
		UUID village = java.util.Arrays.stream(href.substring(href.indexOf('?') + 1).split("&"))
			.filter(pair -> pair.startsWith("village="))
			.map(pair -> UUID.fromString(pair.substring("village=".length())))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no village in " + href));
		libei.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dashboard-heading"), "立碑村"));
		Summary libeiFigures = this.queries.summary(new Filter("520122", village, null, null, null, from, today));
		assertThat(this.browser.findElement(By.id("sales-net")).getText())
			.isEqualTo(String.format("%,.2f", libeiFigures.salesNet()));
		assertThat(this.browser.findElement(By.id("trail")).getText()).contains("息烽县", "立碑村");
		assertThat(this.browser.findElement(By.id("from")).getDomProperty("value")).isEqualTo(from.toString());
		PhoneBrowser.screenshot(this.browser, "statistics-libei");

		this.browser.findElement(By.id("reports-link")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-form")));
		String month = this.browser.findElement(By.id("month")).getDomProperty("value");
		assertThat(month).as("the form offers a month").matches("\\d{4}-\\d{2}");
		java.util.Set<String> earlier = new java.util.HashSet<>(reportRows());
		this.browser.findElement(By.cssSelector("#report-form button[type=submit]")).click();
		// the new report's row (the analyst may have asked for others before) polls until
		// its links appear: the report is made in the background
		String row = wait
			.until(driver -> reportRows().stream().filter(id -> !earlier.contains(id)).findFirst().orElse(null));
		WebElement pdfLink = wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + row + " a[href$='.pdf']")));
		assertThat(this.browser.findElement(By.id(row)).getText()).contains(month);
		PhoneBrowser.screenshot(this.browser, "statistics-reports");
		HttpResponse<byte[]> pdf = PhoneBrowser.fetch(this.browser, base(), pdfLink.getDomAttribute("href"));
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
		com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.body());
		String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
		java.time.YearMonth asked = java.time.YearMonth.parse(month);
		Summary figures = this.queries
			.summary(new Filter("520122", null, null, null, null, asked.atDay(1), asked.atEndOfMonth()));
		// the Chinese words are drawn in a CJK font whose text is not extracted; the
		// figures are
		assertThat(text).as("the monthly report of the month asked, with its net sales")
			.contains(month)
			.contains(String.format("%,.2f", figures.salesNet()));
	}

	/** Waits until Chart.js drew the chart on the canvas (fails after 20 s). */
	private void awaitChart(String id) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until(driver -> Boolean.TRUE.equals(((ChromeDriver) driver)
				.executeScript("return typeof Chart !== 'undefined' && !!Chart.getChart('" + id + "');")));
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * The ids of the report rows, read in one script: the rows of reports still being
	 * made are swapped while they poll, so elements found one call earlier can be stale.
	 */
	@SuppressWarnings("unchecked")
	private java.util.List<String> reportRows() {
		return (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) this.browser).executeScript(
				"return Array.from(document.querySelectorAll(\"#reports tr[id^='report-']\")).map(row => row.id);");
	}

}
