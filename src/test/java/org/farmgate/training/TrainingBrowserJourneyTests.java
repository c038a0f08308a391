package org.farmgate.training;

import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A villager's training journey in a real browser (Debian's Chromium, headless, the size
 * of a phone), without an account: enrols in a full session from its public page, proves
 * the phone with the code the notifier logs, waits first in the queue, is promoted when
 * the centre cancels another person's place, checks in through the session's QR link, and
 * downloads the certificate once the trainer records the score; anyone can then confirm
 * the certificate by its code. Skipped, with a message, where Chromium is not installed.
 */
@FarmgateTest
@ExtendWith(OutputCaptureExtension.class)
class TrainingBrowserJourneyTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	@LocalServerPort
	int port;

	@Autowired
	CourseManagement courses;

	@Autowired
	SessionManagement sessions;

	@Autowired
	EnrolmentManagement enrolments;

	@Autowired
	UserDetailsService users;

	ChromeDriver browser;

	@BeforeEach
	void openBrowser() throws Exception {
		this.browser = org.farmgate.PhoneBrowser.open();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aPersonJoinsTheWaitingListOfAFullSessionIsPromotedChecksInByTheQrLinkAndDownloadsTheCertificate(
			CapturedOutput output) throws Exception {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		String base = "http://127.0.0.1:" + this.port;
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		SignedInUser trainer = (SignedInUser) this.users.loadUserByUsername("trainer");

		// a session starting in half an hour (check-in opens an hour before it, and a
		// place freed before it begins goes to the waiting list), one place, taken by
		// someone else

		String run = Long.toString(System.nanoTime() % 100_000);
		CourseView course = this.courses.add(operator, new CourseInput("浏览器测试：直播带货入门 " + run, Topic.LIVE_STREAMING,
				Level.BEGINNER, new BigDecimal("3"), "一次真实浏览器的报名旅程。", List.of("trainer")));
		LocalDateTime now = LocalDateTime.now(TrainingScope.CHINA).truncatedTo(ChronoUnit.MINUTES);
		SessionView session = this.sessions.schedule(operator,
				new SessionInput(course.id(), now.plusMinutes(30), now.plusHours(3), "运营中心 201 室", 1, "trainer"));
		UUID id = session.id();
		String otherPhone = "136" + digits(8);
		EnrolmentView other = this.enrolments.enrolByOperator(operator, id, "韦先到", otherPhone);
		assertThat(other.status()).isEqualTo(EnrolmentStatus.ENROLLED);

		String phone = "139" + digits(8);
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		String[] given = { "晓雯", "春燕", "国强", "志明", "秀英", "建华" };
		String name = "林" + given[RANDOM.nextInt(given.length)];
		String maskedName = name.charAt(0) + "*" + name.charAt(2);

		// the session's public page on a phone: full, so enrolling joins the waiting list
		this.browser.get(base + "/training/public/sessions/" + id);
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), course.title()));
		assertThat(this.browser.findElement(By.id("places-left")).getText()).isEqualTo("已满，候补 0 人");
		assertThat(this.browser.findElement(By.cssSelector("#enrol-form .hint")).getText()).contains("已满");
		assertThat(this.browser.findElement(By.id("enrol")).getText()).isEqualTo("报名候补");
		assertNoHorizontalScroll("the full session's public page");
		this.browser.findElement(By.id("name")).sendKeys(name);
		this.browser.findElement(By.id("phone")).sendKeys(phone);
		screenshot("training-session-full");
		int mark = output.getAll().length();
		this.browser.findElement(By.id("enrol")).click();

		// the code goes through the notifier, which logs it with the phone masked
		wait.until(ExpectedConditions.urlToBe(base + "/training/public/verify"));
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "输入验证码"));
		assertThat(this.browser.findElement(By.cssSelector("main .lead")).getText()).contains(masked);
		assertNoHorizontalScroll("the code form");
		String code = loggedCode(output, mark, masked);
		this.browser.findElement(By.id("code")).sendKeys(code);
		this.browser.findElement(By.id("verify")).click();

		// the person's own page: first on the waiting list
		wait.until(ExpectedConditions.urlToBe(base + "/training/public/me"));
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), name + "的培训"));
		assertThat(this.browser.findElement(By.cssSelector("main .notice")).getText()).contains("候补第 1 位");
		WebElement waiting = enrolmentCard(course.title());
		assertThat(waiting.getDomAttribute("data-status")).isEqualTo("WAITING");
		assertThat(waiting.findElement(By.cssSelector(".status")).getText()).isEqualTo("候补第 1 位");
		assertThat(this.browser.findElement(By.id("my-certificates")).findElements(By.tagName("li"))).isEmpty();
		assertNoHorizontalScroll("the person's page, waiting");
		screenshot("training-me-waiting");

		// the centre cancels the other person's place: the first in the queue takes it
		int promotionMark = output.getAll().length();
		this.enrolments.cancelByOperator(operator, other.id());
		this.browser.navigate().refresh();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), name + "的培训"));
		WebElement enrolled = enrolmentCard(course.title());
		assertThat(enrolled.getDomAttribute("data-status")).isEqualTo("ENROLLED");
		assertThat(enrolled.findElement(By.cssSelector(".status")).getText()).isEqualTo("已报名");
		assertThat(output.getAll().substring(promotionMark))
			.contains("Message to " + masked + ": 【农门培训】候补转正：您已报上「" + course.title() + "」");
		assertNoHorizontalScroll("the person's page, enrolled");

		// the QR code on the session's screen opens the check-in page
		String token = this.sessions.checkInToken(operator, id);
		this.browser.get(base + "/training/public/check-in/" + id + "?t=" + token);
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "签到"));
		assertThat(this.browser.findElement(By.cssSelector("main .lead")).getText()).startsWith(course.title());
		assertThat(this.browser.findElements(By.id("phone"))).as("the person is known in this browser").isEmpty();
		assertNoHorizontalScroll("the check-in page");
		screenshot("training-check-in");
		this.browser.findElement(By.id("check-in")).click();
		wait.until(ExpectedConditions.urlToBe(base + "/training/public/me"));
		wait.until(ExpectedConditions.textToBe(By.cssSelector("main .notice"), "签到成功。"));
		assertThat(enrolmentCard(course.title()).findElement(By.cssSelector(".status")).getText()).isEqualTo("已签到");
		assertThat(enrolmentCard(course.title()).findElements(By.cssSelector(".cancel-enrolment")))
			.as("an attendance cannot be cancelled")
			.isEmpty();
		assertNoHorizontalScroll("the person's page, checked in");

		// checked in once, by QR code
		List<EnrolmentView> roster = this.enrolments.roster(operator, id);
		List<EnrolmentView> mine = roster.stream().filter(e -> e.maskedPhone().equals(masked)).toList();
		assertThat(mine).hasSize(1);
		EnrolmentView attendance = mine.get(0);
		assertThat(attendance.traineeName()).isEqualTo(name);
		assertThat(attendance.status()).isEqualTo(EnrolmentStatus.ENROLLED);
		assertThat(attendance.checkIn()).isEqualTo(CheckInMethod.QR);
		assertThat(attendance.checkedInAt()).isNotNull();
		assertThat(roster.stream().filter(EnrolmentView::attended)).hasSize(1);
		assertThat(this.sessions.session(operator, id).orElseThrow().attended()).isEqualTo(1);

		// the trainer records the score: a pass, so a certificate
		EnrolmentView scored = this.enrolments.score(trainer, attendance.id(), new BigDecimal("85"));
		String certificate = scored.certificateCode();
		assertThat(certificate).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");

		this.browser.navigate().refresh();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), name + "的培训"));
		List<WebElement> certificates = this.browser.findElements(By.cssSelector("#my-certificates li"));
		assertThat(certificates).hasSize(1);
		assertThat(certificates.get(0).getText()).contains(course.title(), "85", certificate);
		WebElement download = certificates.get(0).findElement(By.linkText("下载证书"));
		assertThat(download.getDomAttribute("href")).isEqualTo("/training/public/certificates/" + certificate + ".pdf");
		assertNoHorizontalScroll("the person's page with the certificate");
		screenshot("training-me-certificate");

		// the download, with the browser's session
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String cookies = this.browser.manage()
			.getCookies()
			.stream()
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
		HttpResponse<byte[]> pdf = http.send(
				HttpRequest.newBuilder(URI.create(download.getDomProperty("href"))).header("Cookie", cookies).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
		assertThat(pdf.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(disposition -> assertThat(disposition).contains("certificate-" + certificate + ".pdf"));
		byte[] document = pdf.body();
		assertThat(new String(document, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.write(target.resolve("training-certificate.pdf"), document);
		String text;
		try (PdfReader reader = new PdfReader(document)) {
			text = new PdfTextExtractor(reader).getTextFromPage(1);
		}
		assertThat(text).contains("Verification code: " + certificate, base + "/certificates/" + certificate);

		// without the browser's session the file is nobody's
		HttpResponse<byte[]> anonymous = http.send(
				HttpRequest.newBuilder(URI.create(download.getDomProperty("href"))).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(anonymous.statusCode()).isEqualTo(404);

		// anyone, signed out, can confirm the certificate by its code
		this.browser.manage().deleteAllCookies();
		assertThat(this.browser.manage().getCookies()).extracting(Cookie::getName).isEmpty();
		this.browser.get(base + "/certificates/" + certificate);
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "证书查验"));
		WebElement valid = this.browser.findElement(By.id("certificate-valid"));
		assertThat(valid.findElement(By.cssSelector(".notice")).getText()).isEqualTo("这是本中心颁发的有效结业证书。");
		assertThat(valid.getText()).contains(maskedName, course.title(), certificate, "85")
			.doesNotContain(name)
			.doesNotContain(phone)
			.doesNotContain(masked);
		assertThat(this.browser.findElements(By.id("certificate-unknown"))).isEmpty();
		assertNoHorizontalScroll("the certificate's public page");
		screenshot("training-certificate-verified");

		// the trainer's own session page shows the same check-in link and the QR
		// attendance
		this.browser.get(base + "/login");
		this.browser.findElement(By.id("username")).sendKeys("trainer");
		this.browser.findElement(By.id("password")).sendKeys("farmgate");
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe(base + "/"));
		// the code changes every minute: the one of the minute the page was made
		String codeBefore = this.sessions.checkInToken(operator, id);
		this.browser.get(base + "/training/sessions/" + id);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), course.title()));
		String shown = this.browser.findElement(By.id("check-in-link")).getDomAttribute("href");
		String codeAfter = this.sessions.checkInToken(operator, id);
		assertThat(shown).isIn(base + "/training/public/check-in/" + id + "?t=" + codeBefore,
				base + "/training/public/check-in/" + id + "?t=" + codeAfter);
		assertThat(this.browser.findElement(By.id("attended-count")).getText()).isEqualTo("1");
		WebElement row = this.browser.findElement(By.cssSelector("#roster tr[data-trainee='" + name + "']"));
		assertThat(row.getText()).contains(masked, "已报名", "扫码签到", "85", certificate).doesNotContain(phone);
		assertThat(this.browser.findElement(By.cssSelector("#roster tr[data-trainee='韦先到']")).getText())
			.contains("已取消");
		screenshot("training-trainer-session");

		// the full number went to the notifier only: never into the log
		assertThat(output.getAll()).contains("Message to " + masked + ": 【农门培训】验证码 ").doesNotContain(phone);
	}

	/**
	 * The six-digit code of the latest message to the masked phone logged since the mark,
	 * waited for.
	 */
	private static String loggedCode(CapturedOutput output, int mark, String masked) {
		Pattern line = Pattern.compile("Message to " + Pattern.quote(masked) + ": 【农门培训】验证码 ([0-9]{6})，");
		return new FluentWait<>(output).withTimeout(Duration.ofSeconds(30))
			.pollingEvery(Duration.ofMillis(100))
			.withMessage("a verification code logged for " + masked)
			.until(captured -> {
				Matcher found = line.matcher(captured.getAll().substring(mark));
				String code = null;
				while (found.find()) {
					code = found.group(1);
				}
				return code;
			});
	}

	/** The card of the person's enrolment in the course's session on their own page. */
	private WebElement enrolmentCard(String courseTitle) {
		List<WebElement> cards = this.browser.findElements(By.cssSelector("#my-enrolments li.card"))
			.stream()
			.filter(card -> card.findElement(By.tagName("strong")).getText().equals(courseTitle))
			.toList();
		assertThat(cards).as("one enrolment in " + courseTitle).hasSize(1);
		return cards.get(0);
	}

	private static String digits(int count) {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < count; i++) {
			digits.append(RANDOM.nextInt(10));
		}
		return digits.toString();
	}

	private void assertNoHorizontalScroll(String where) {
		Map<?, ?> sizes = (Map<?, ?>) this.browser
			.executeScript("return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
		long scroll = ((Number) sizes.get("scroll")).longValue();
		long inner = ((Number) sizes.get("inner")).longValue();
		assertThat(inner).as("a phone-sized window").isEqualTo(org.farmgate.PhoneBrowser.WIDTH);
		assertThat(scroll).as("no horizontal scroll on " + where).isLessThanOrEqualTo(inner + 1);
	}

	private void screenshot(String name) throws Exception {
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
