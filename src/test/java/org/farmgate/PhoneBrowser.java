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

}
