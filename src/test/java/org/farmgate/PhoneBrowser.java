package org.farmgate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, as a phone (390 × 844 CSS pixels, touch), for the browser
 * journeys of the phone pages; the test is skipped where Chromium is not installed.
 */
public final class PhoneBrowser {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	/** About the CSS viewport of a common handset. */
	public static final int WIDTH = 390;

	public static final int HEIGHT = 844;

	private PhoneBrowser() {
	}

	/**
	 * A fresh browser with its own profile, offline from everything but the test's
	 * server.
	 */
	public static ChromeDriver open() throws java.io.IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed) {
			System.err.println("SKIPPED browser tests: install Debian's chromium and chromium-driver to run them");
		}
		Assumptions.assumeTrue(installed,
				"Browser tests need /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
		Path profile = Files.createTempDirectory("farmgate-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT);
		// a desktop window is never narrower than 500 pixels: the phone is emulated
		options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
				Map.of("width", WIDTH, "height", HEIGHT, "pixelRatio", 3.0, "touch", true, "mobile", true)));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/** Signs in on the login page and waits for the home page. */
	public static void signIn(ChromeDriver browser, String base, String username,
			org.openqa.selenium.support.ui.WebDriverWait wait) {
		browser.get(base + "/login");
		browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
		browser.findElement(org.openqa.selenium.By.id("password")).sendKeys("farmgate");
		browser.findElement(org.openqa.selenium.By.cssSelector("main form button[type=submit]")).click();
		wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlToBe(base + "/"));
	}

	/** Keeps what the phone showed, for a person to look at (target/screenshots). */
	public static void screenshot(ChromeDriver browser, String name) throws java.io.IOException {
		java.io.File shot = browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE);
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.copy(shot.toPath(), target.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	/** The page is no wider than the phone. */
	public static void assertNoHorizontalScroll(ChromeDriver browser, String where) {
		Map<?, ?> sizes = (Map<?, ?>) browser
			.executeScript("return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
		org.assertj.core.api.Assertions.assertThat(((Number) sizes.get("scroll")).longValue())
			.as("no horizontal scroll on " + where)
			.isLessThanOrEqualTo(((Number) sizes.get("inner")).longValue() + 1);
	}

	/** Fetches a path with the browser's cookies (a download the browser would save). */
	public static java.net.http.HttpResponse<byte[]> fetch(ChromeDriver browser, String base, String path)
			throws java.io.IOException, InterruptedException {
		StringBuilder cookies = new StringBuilder();
		for (org.openqa.selenium.Cookie cookie : browser.manage().getCookies()) {
			cookies.append(cookie.getName()).append('=').append(cookie.getValue()).append("; ");
		}
		return java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
				.header("Cookie", cookies.toString())
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
	}

}
