package org.farmgate.logistics;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.farmgate.FarmgateTest;
import org.farmgate.PhoneBrowser;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.OrderIntegrations;
import org.farmgate.orders.OrderSamples;
import org.farmgate.orders.OrderView;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The station's and the operator's journeys in a real browser (Debian's Chromium,
 * headless, the size of a phone): station staff scan a parcel in at their village point
 * (a barcode scanner types the number and presses Enter), then the operator plans
 * tomorrow's runs, sees the van stop at that point to pick the parcel up, and opens the
 * route sheet PDF. Skipped, with a message, where Chromium is not installed.
 */
@FarmgateTest
class LogisticsBrowserJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	ShipmentManagement shipments;

	@Autowired
	TrackingManagement tracking;

	@Autowired
	StationManagement stations;

	@Autowired
	OrderIntegrations integrations;

	@Autowired
	RegistryManagement registry;

	@Autowired
	UserDetailsService users;

	@Autowired
	org.farmgate.catalog.SkuManagement skus;

	@Autowired
	org.farmgate.catalog.StockManagement stock;

	ChromeDriver browser;

	@BeforeEach
	void openBrowser() throws Exception {
		this.browser = PhoneBrowser.open();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void stationStaffScanAParcelInAndTheOperatorPlansTomorrowsRunAndOpensTheRouteSheet() throws Exception {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		SignedInUser station = (SignedInUser) this.users.loadUserByUsername("station");
		StationView point = this.stations.ownStation(station).orElseThrow();
		ShipmentView parcel = packedAt(merchant, point);

		PhoneBrowser.signIn(this.browser, base(), "station", wait);
		this.browser.get(base() + "/logistics");
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), point.name()));
		this.browser.findElement(By.id("trackingNo")).sendKeys(parcel.trackingNo() + Keys.ENTER);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan-result")));

		assertThat(this.browser.findElement(By.id("scan-result")).getText()).contains(parcel.trackingNo(), "村级服务点已收件");
		assertThat(this.browser.findElement(By.id("scanned-today")).getText()).contains(parcel.trackingNo());
		assertThat(this.browser.findElement(By.id("waiting-parcels")).getText()).contains(parcel.trackingNo());
		assertThat(this.tracking.events(station, parcel.id())).singleElement().satisfies(event -> {
			assertThat(event.state()).isEqualTo(TrackingState.RECEIVED_AT_VILLAGE_POINT);
			assertThat(event.stationId()).isEqualTo(point.id());
		});
		PhoneBrowser.assertNoHorizontalScroll(this.browser, "the scan page");
		PhoneBrowser.screenshot(this.browser, "logistics-scan");

		this.browser.manage().deleteAllCookies();
		PhoneBrowser.signIn(this.browser, base(), "operator", wait);
		String tomorrow = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
		this.browser.get(base() + "/logistics/runs");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("plan-run")));
		assertThat(this.browser.findElement(By.id("day")).getDomProperty("value")).isEqualTo(tomorrow);
		this.browser.executeScript("window.confirm = function () { return true; };");
		this.browser.findElement(By.id("plan-run")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("route-sheet")));

		PhoneBrowser.assertNoHorizontalScroll(this.browser, "the runs page");
		PhoneBrowser.screenshot(this.browser, "logistics-runs");
		String page = this.browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains(point.code() + " " + point.name());
		assertThat(this.browser.findElement(By.cssSelector("p.notice")).getText()).isNotBlank();
		String sheet = this.browser.findElement(By.id("route-sheet")).getDomAttribute("href");
		assertThat(sheet).isEqualTo("/logistics/runs/" + tomorrow + "/sheet.pdf");

		HttpResponse<byte[]> pdf = PhoneBrowser.fetch(this.browser, base(), sheet);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
		PdfReader reader = new PdfReader(pdf.body());
		StringBuilder text = new StringBuilder();
		for (int page1 = 1; page1 <= reader.getNumberOfPages(); page1++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page1));
		}
		assertThat(text).as("the route sheet stops at the point that has the parcel").contains(point.code());
		assertThat(text).contains(tomorrow);
	}

	private ShipmentView packedAt(SignedInUser merchant, StationView point) {
		org.farmgate.DemoStock.received(this.skus, this.stock, merchant, "XF-SC-1500", 5);
		UUID shop = org.farmgate.DemoStock.shop(this.registry, merchant, Platform.DOUYIN).id();
		String number = "bj" + UUID.randomUUID().toString().substring(0, 12);
		OrderView order = this.integrations
			.receive(merchant, shop, UUID.randomUUID().toString(),
					OrderSamples.order(number, "PAID", "XF-SC-1500", 1).replace("张三", "陈浏览"))
			.order();
		String tracking = "YT"
				+ String.format("%013d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000_000L);
		return this.shipments
			.pack(merchant,
					new PackInput(List.of(order.id()), null, point.id(), 2400, null, null, null, null, tracking))
			.shipment();
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
