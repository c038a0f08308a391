package org.farmgate.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.farmgate.FarmgateTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main journey in a real browser (Debian's Chromium, headless, phone-sized): the
 * operator signs in, sees the home page in Chinese, switches to French and sees it in
 * French. Skipped, with a message, where Chromium is not installed.
 */
@FarmgateTest
class BrowserJourneyTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	WebDriver browser;

	Path profile;

	@BeforeEach
	void openBrowser() throws Exception {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed) {
			System.err.println("SKIPPED browser tests: install Debian's chromium and chromium-driver to run them");
		}
		Assumptions.assumeTrue(installed,
				"Browser tests need /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
		this.profile = Files.createTempDirectory("farmgate-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + this.profile, "--window-size=412,915");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void theOperatorSignsInSeesChineseSwitchesToFrenchAndSeesFrench() throws Exception {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(15));
		this.browser.get("http://127.0.0.1:" + this.port + "/");

		wait.until(ExpectedConditions.urlContains("/login"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
		this.browser.findElement(By.id("username")).sendKeys("operator");
		this.browser.findElement(By.id("password")).sendKeys("farmgate");
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();

		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "欢迎，operator"));
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		assertThat(this.browser.findElement(By.cssSelector(".demo-ribbon")).getText()).contains("演示数据");
		screenshot("home-zh");

		this.browser.findElement(By.linkText("Français")).click();

		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Bienvenue, operator"));
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
		assertThat(this.browser.findElement(By.cssSelector(".demo-ribbon")).getText())
			.contains("Données de démonstration");
		screenshot("home-fr");

		// the choice is remembered on the next page
		this.browser.get("http://127.0.0.1:" + this.port + "/profile");
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Profil"));
	}

	@Test
	void theMerchantOpensItsOrganisationAddsAShopAndSeesItListed() throws Exception {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(15));
		this.browser.get("http://127.0.0.1:" + this.port + "/login");
		this.browser.findElement(By.id("username")).sendKeys("merchant");
		this.browser.findElement(By.id("password")).sendKeys("farmgate");
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe("http://127.0.0.1:" + this.port + "/"));

		this.browser.get("http://127.0.0.1:" + this.port + "/registry/organisations");
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "息烽县立碑村农特产品电子商务有限公司"));
		String shopName = "立碑酸菜苏宁店 " + System.nanoTime() % 100000;
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id("platform"))).selectByValue("SUNING");
		this.browser.findElement(By.id("shopName")).sendKeys(shopName);
		this.browser.findElement(By.id("platformShopId")).sendKeys("sn-" + System.nanoTime());
		this.browser.findElement(By.cssSelector("#add-shop button[type=submit]")).click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shops"), shopName));
		assertThat(this.browser.findElement(By.cssSelector(".notice")).getText()).contains("网店已添加");
		assertThat(this.browser.findElement(By.cssSelector("code.secret")).getText()).startsWith("whsec_");
		screenshot("merchant-shop-added");
	}

	private void screenshot(String name) throws Exception {
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.copy(shot.toPath(), target.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

}
