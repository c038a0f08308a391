package org.farmgate.web;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main journeys in a real browser (Debian's Chromium, headless, phone-sized): the
 * operator signs in and switches language; the merchant adds a shop; the merchant creates
 * a product with a SKU, lists it, adjusts its stock, records a batch and a buyer opens
 * the public trace page from its QR code. Skipped, with a message, where Chromium is not
 * installed.
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
		signInAsMerchant(wait);

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

	@Test
	void theMerchantCreatesAProductListsItAdjustsStockAndOpensTheTracePageByItsQrCode() throws Exception {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(15));
		String base = "http://127.0.0.1:" + this.port;
		signInAsMerchant(wait);

		// on a phone the navigation sits behind the menu button
		this.browser.findElement(By.cssSelector(".nav-toggle-label")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("商品与库存"))).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "商品"));
		this.browser.findElement(By.linkText("添加商品")).click();
		String name = "立碑酸菜浏览器款 " + System.nanoTime() % 100000;
		this.browser.findElement(By.id("nameZh")).sendKeys(name);
		new Select(this.browser.findElement(By.id("categoryCode"))).selectByValue("PICKLED.SOUR_CABBAGE");
		new Select(this.browser.findElement(By.id("originVillageId"))).selectByVisibleText("永靖镇 立碑村");
		this.browser.findElement(By.cssSelector("#product-form button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), name));

		// a new product opens on its first SKU
		this.browser.findElement(By.id("specification")).sendKeys("1.5 千克装");
		new Select(this.browser.findElement(By.id("unit"))).selectByValue("KG");
		this.browser.findElement(By.id("quantity")).clear();
		this.browser.findElement(By.id("quantity")).sendKeys("1.5");
		this.browser.findElement(By.id("price")).sendKeys("39.90");
		String code = "XF-BR-" + System.nanoTime() % 100000;
		this.browser.findElement(By.id("merchantCode")).sendKeys(code);
		this.browser.findElement(By.cssSelector("#add-sku button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("article.card"), code));

		this.browser.findElement(By.cssSelector("#new-listing summary")).click();
		Select shops = new Select(this.browser.findElement(By.id("shopId")));
		shops.getOptions()
			.stream()
			.filter(option -> option.getText().startsWith("淘宝"))
			.findFirst()
			.orElseThrow()
			.click();
		this.browser.findElement(By.id("platformItemId")).sendKeys("6200" + System.nanoTime() % 100000);
		this.browser.findElement(By.id("listingTitle")).sendKeys("贵州息烽立碑村酸菜 1.5kg 农家自制");
		this.browser.findElement(By.cssSelector("#add-listing button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ul.listings"), "淘宝"));

		this.browser.findElement(By.cssSelector("#adjust summary")).click();
		this.browser.findElement(By.id("delta")).sendKeys("25");
		new Select(this.browser.findElement(By.id("reason"))).selectByValue("RECEIVED");
		this.browser.findElement(By.cssSelector("#adjust-stock button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".stock"), "可售 25"));
		screenshot("merchant-product");

		this.browser.findElement(By.linkText("登记批次")).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "登记批次"));
		this.browser.findElement(By.id("quantity")).sendKeys("100");
		this.browser.findElement(By.cssSelector("#batch-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("trace-qr")));
		screenshot("merchant-batch");

		// a buyer's phone reads the QR code printed on the jar and opens what it says
		String qrImage = this.browser.findElement(By.id("trace-qr")).getAttribute("src");
		HttpResponse<byte[]> png = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(qrImage)).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(png.statusCode()).isEqualTo(200);
		String traceUrl = new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(
					new BufferedImageLuminanceSource(ImageIO.read(new java.io.ByteArrayInputStream(png.body()))))))
			.getText();
		assertThat(traceUrl).startsWith(base + "/trace/520122-");

		this.browser.manage().deleteAllCookies();
		this.browser.get(traceUrl);
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), name));
		assertThat(this.browser.findElement(By.id("trace")).getText()).contains("立碑村", "息烽县立碑村农特产品电子商务有限公司");
		screenshot("public-trace");
	}

	@Test
	void theMerchantImportsTaobaoReportsFindsAnOrderByPhoneDigitsAndSeesAWebhookOrderArriveLive() throws Exception {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		String base = "http://127.0.0.1:" + this.port;
		signInAsMerchant(wait);

		String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
		String phoneTail = String.format("%04d", System.nanoTime() % 10_000);
		Path orders = Files.createTempFile("taobao-orders", ".csv");
		Path items = Files.createTempFile("taobao-items", ".csv");
		Files.write(orders,
				org.farmgate.orders.OrderSamples.taobaoOrders(run, "买家已付款，等待卖家发货")
					.replace("13812345678", "1381234" + phoneTail)
					.getBytes(java.nio.charset.Charset.forName("GB18030")));
		Files.write(items, org.farmgate.orders.OrderSamples.taobaoItems(run)
			.getBytes(java.nio.charset.Charset.forName("GB18030")));

		this.browser.get(base + "/orders/imports");
		Select shops = new Select(this.browser.findElement(By.id("shopId")));
		shops.getOptions()
			.stream()
			.filter(option -> option.getText().startsWith("淘宝"))
			.findFirst()
			.orElseThrow()
			.click();
		this.browser.findElement(By.id("file")).sendKeys(orders.toString() + "\n" + items.toString());
		this.browser.findElement(By.cssSelector("#order-import button[type=submit]")).click();

		// the job page follows the progress until the report shows
		wait.until(ExpectedConditions.textToBe(By.id("job-status"), "已完成"));
		assertThat(this.browser.findElement(By.id("created")).getText()).isEqualTo("2");
		screenshot("order-import-report");

		this.browser.get(base + "/orders?q=" + phoneTail);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "25431" + run + "1"));
		assertThat(this.browser.findElement(By.id("orders")).getText()).contains("138****" + phoneTail)
			.doesNotContain("1381234" + phoneTail);

		this.browser.get(base + "/orders");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-alerts")));
		Thread.sleep(1000); // let the page open its event stream
		String number = "pdd" + run;
		String secret = webhookSecret("PINDUODUO");
		String body = "{\"order\":" + org.farmgate.orders.OrderSamples.order(number, "PAID", "XF-SC-1500", 1) + "}";
		long now = System.currentTimeMillis() / 1000;
		HttpResponse<String> delivered = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/webhooks/" + this.shopId))
				.header("Content-Type", "application/json")
				.header("X-Farmgate-Timestamp", String.valueOf(now))
				.header("X-Farmgate-Signature", org.farmgate.orders.OrderSamples.sign(secret, now, body))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(delivered.statusCode()).isEqualTo(200);

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-alerts"), number));
		assertThat(this.browser.findElement(By.id("alert-count")).getText()).isEqualTo("1");
		screenshot("order-live-alert");
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.farmgate.registry.RegistryManagement registry;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	private java.util.UUID shopId;

	/** A fresh webhook secret of the demo merchant's shop on the platform. */
	private String webhookSecret(String platform) {
		org.farmgate.accounts.SignedInUser merchant = (org.farmgate.accounts.SignedInUser) this.users
			.loadUserByUsername("merchant");
		this.shopId = this.registry.shopsOf(merchant, merchant.scope().organisationId())
			.stream()
			.filter(shop -> shop.platform().name().equals(platform))
			.findFirst()
			.orElseThrow()
			.id();
		return this.registry.rotateWebhookSecret(merchant, this.shopId);
	}

	private void signInAsMerchant(WebDriverWait wait) {
		this.browser.get("http://127.0.0.1:" + this.port + "/login");
		this.browser.findElement(By.id("username")).sendKeys("merchant");
		this.browser.findElement(By.id("password")).sendKeys("farmgate");
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlToBe("http://127.0.0.1:" + this.port + "/"));
	}

	private void screenshot(String name) throws Exception {
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.copy(shot.toPath(), target.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

}
