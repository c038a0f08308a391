package org.farmgate.income;

import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.HouseholdEntry;
import org.farmgate.registry.HouseholdManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collection point's journey in a real browser (Debian's Chromium, headless, the size
 * of a phone): the merchant finds a member household by the last digits of its phone,
 * records a purchase from it, lands on the farmer's receipt and prints it. Skipped, with
 * a message, where Chromium is not installed.
 */
@FarmgateTest
class IncomeBrowserJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	HouseholdManagement households;

	@Autowired
	ProcurementManagement procurements;

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
	void theMerchantRecordsAPurchaseFromAHouseholdOnAPhoneAndPrintsTheReceipt() throws Exception {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		String base = "http://127.0.0.1:" + this.port;
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		HouseholdEntry household = memberHouseholdFoundByItsPhoneTailAlone(merchant);
		String tail = household.phoneTail();
		Set<UUID> before = purchaseIds(merchant, household.id());

		signInAsMerchant(wait);

		// on a phone the navigation sits behind the menu button; a merchant's 农户增收 is 收购
		this.browser.findElement(By.cssSelector(".nav-toggle-label")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("农户增收"))).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "收购"));
		assertThat(this.browser.getCurrentUrl()).isEqualTo(base + "/income/procurements");
		this.browser.findElement(By.id("record-procurement")).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "登记收购"));
		assertNoHorizontalScroll("the empty procurement form");

		// the last four digits of the phone find the farmer while typing (htmx replaces
		// the
		// choices, no page load)
		WebElement choicesBefore = this.browser.findElement(By.id("household-choices"));
		this.browser.executeScript("window.__samePage = true;");
		this.browser.findElement(By.id("q")).sendKeys(tail);
		wait.until(ExpectedConditions.stalenessOf(choicesBefore));
		By householdRadio = By
			.cssSelector("#household-choices input[name=householdId][value='" + household.id() + "']");
		wait.until(browser -> {
			List<WebElement> radios = browser
				.findElements(By.cssSelector("#household-choices input[name=householdId]"));
			return radios.size() == 1 && household.id().toString().equals(radios.get(0).getDomAttribute("value"));
		});
		assertThat((Boolean) this.browser.executeScript("return window.__samePage === true;"))
			.as("the picker answers without loading the page again")
			.isTrue();
		WebElement choices = this.browser.findElement(By.id("household-choices"));
		assertThat(choices.getText()).contains(household.headName(), household.maskedPhone());
		assertThat(choices.findElement(By.xpath("ancestor::form")).getDomAttribute("id"))
			.as("the replaced choices are still inside the procurement form")
			.isEqualTo("procurement-form");
		assertNoHorizontalScroll("the form with the household found");

		WebElement radio = this.browser.findElement(householdRadio);
		radio.click();
		wait.until(ExpectedConditions.elementToBeSelected(radio));

		String occurredOn = this.browser.findElement(By.id("occurredOn")).getDomProperty("value");
		assertThat(occurredOn).matches("\\d{4}-\\d{2}-\\d{2}");
		String year = occurredOn.substring(0, 4);
		this.browser.findElement(By.id("produce")).sendKeys("青菜");
		this.browser.findElement(By.id("quantity")).sendKeys("52.5");
		new Select(this.browser.findElement(By.id("unit"))).selectByValue("KG");
		this.browser.findElement(By.id("unitPrice")).sendKeys("4.60");
		new Select(this.browser.findElement(By.id("grade"))).selectByValue("FIRST");
		WebElement paid = this.browser.findElement(By.cssSelector("input[name=payment][value=PAID]"));
		paid.click();
		assertThat(paid.isSelected()).isTrue();
		new Select(this.browser.findElement(By.id("paymentMethod"))).selectByValue("WECHAT");
		assertNoHorizontalScroll("the filled procurement form");
		screenshot("income-procurement-form");

		this.browser.findElement(By.id("save-procurement")).click();

		// the receipt, for the farmer
		wait.until(ExpectedConditions.urlMatches("/income/procurements/[0-9a-f-]{36}/receipt$"));
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "农产品收购收据"));
		assertThat(this.browser.findElement(By.cssSelector("main .notice")).getText()).contains("收购已登记");
		assertThat(this.browser.findElement(By.id("receipt-household")).getText()).isEqualTo(household.headName());
		assertThat(this.browser.findElement(By.id("receipt-amount")).getText()).isEqualTo("241.50");
		String receiptNo = this.browser.findElement(By.cssSelector(".receipt-no strong")).getText();
		assertThat(receiptNo).matches("SG-" + year + "-\\d{6}");
		assertThat(this.browser.findElement(By.id("receipt")).getText()).contains(household.maskedPhone(), "青菜", "一级",
				"52.5 千克", "4.60", "已付 · 微信");
		assertNoHorizontalScroll("the receipt");
		screenshot("income-receipt");

		// printed, the receipt is all there is: no navigation, buttons or notices
		Map<String, String> printed = displayOnPrint("header.topbar", ".demo-ribbon", "footer.footer", "p.no-print",
				"main .notice", "#receipt");
		assertThat(printed).containsEntry("header.topbar", "none")
			.containsEntry(".demo-ribbon", "none")
			.containsEntry("footer.footer", "none")
			.containsEntry("p.no-print", "none")
			.containsEntry("main .notice", "none");
		assertThat(printed.get("#receipt")).isNotEqualTo("none");

		// on 80 mm roll paper, as a collection point's receipt printer has it
		PrintOptions roll = new PrintOptions();
		roll.setPageSize(new PageSize(20.0, 8.0));
		roll.setPageMargin(new PageMargin(0.4, 0.4, 0.4, 0.4));
		Pdf pdf = ((PrintsPage) this.browser).print(roll);
		byte[] document = Base64.getDecoder().decode(pdf.getContent());
		String raw = new String(document, StandardCharsets.ISO_8859_1);
		assertThat(raw).startsWith("%PDF-");
		assertThat(pages(raw)).isGreaterThanOrEqualTo(1);
		Matcher mediaBox = Pattern.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*]").matcher(raw);
		assertThat(mediaBox.find()).as("the printed page has a size").isTrue();
		assertThat(Double.parseDouble(mediaBox.group(1))).as("80 mm in points")
			.isCloseTo(226.77, org.assertj.core.data.Offset.offset(2.0));
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.write(target.resolve("income-receipt.pdf"), document);

		// the page's own button prints, and the page goes on working (headless returns)
		this.browser.executeScript("""
				window.__prints = 0;
				var print = window.print;
				window.print = function () { window.__prints++; return print.apply(window, arguments); };""");
		this.browser.findElement(By.id("print-receipt")).click();
		wait.until(browser -> ((Number) ((JavascriptExecutor) browser).executeScript("return window.__prints;"))
			.intValue() == 1);
		assertThat(this.browser.getCurrentUrl()).endsWith("/receipt");
		assertThat(this.browser.findElement(By.id("receipt-amount")).getText()).isEqualTo("241.50");
		this.browser.findElement(By.linkText("返回收购单")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), receiptNo));

		// one purchase, of 241.50, for that household
		List<ProcurementView> added = allPurchases(merchant, household.id()).stream()
			.filter(purchase -> !before.contains(purchase.id()))
			.toList();
		assertThat(added).hasSize(1);
		ProcurementView purchase = added.get(0);
		assertThat(purchase.amount()).isEqualByComparingTo(new BigDecimal("241.50"));
		assertThat(purchase.quantity()).isEqualByComparingTo(new BigDecimal("52.5"));
		assertThat(purchase.unitPrice()).isEqualByComparingTo(new BigDecimal("4.60"));
		assertThat(purchase.receiptNo()).isEqualTo(receiptNo);
		assertThat(purchase.grade()).isEqualTo(Grade.FIRST);
		assertThat(purchase.payment()).isEqualTo(Payment.PAID);
		assertThat(purchase.paymentMethod()).isEqualTo(PaymentMethod.WECHAT);
		assertThat(purchase.recordedBy()).isEqualTo("merchant");
		assertThat(purchase.organisationId()).isEqualTo(merchant.scope().organisationId());
	}

	/**
	 * A member household of the merchant's organisation with a phone whose last four
	 * digits no other member shares, so that typing them finds it alone.
	 */
	private HouseholdEntry memberHouseholdFoundByItsPhoneTailAlone(SignedInUser merchant) {
		List<HouseholdEntry> members = this.households.directory(merchant);
		assertThat(members).as("the demo merchant's member households").isNotEmpty();
		Map<String, Long> tails = members.stream()
			.filter(household -> household.phoneTail() != null)
			.collect(Collectors.groupingBy(HouseholdEntry::phoneTail, Collectors.counting()));
		Set<UUID> recent = Set.copyOf(this.procurements.recentHouseholds(merchant));
		return members.stream()
			.filter(household -> household.phoneTail() != null && tails.get(household.phoneTail()) == 1)
			.filter(household -> !recent.contains(household.id()))
			.findFirst()
			.orElseThrow();
	}

	private Set<UUID> purchaseIds(SignedInUser merchant, UUID householdId) {
		return allPurchases(merchant, householdId).stream().map(ProcurementView::id).collect(Collectors.toSet());
	}

	private List<ProcurementView> allPurchases(SignedInUser merchant, UUID householdId) {
		List<ProcurementView> all = new ArrayList<>();
		for (int page = 0;; page++) {
			List<ProcurementView> found = this.procurements.procurements(merchant, householdId, null, page);
			all.addAll(found.stream().limit(ProcurementManagement.PAGE).toList());
			if (found.size() <= ProcurementManagement.PAGE) {
				return all;
			}
		}
	}

	/** The CSS display of these elements with the print stylesheet applied. */
	private Map<String, String> displayOnPrint(String... selectors) {
		this.browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			return java.util.Arrays.stream(selectors)
				.collect(Collectors.toMap(Function.identity(),
						selector -> this.browser.findElement(By.cssSelector(selector)).getCssValue("display")));
		}
		finally {
			this.browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
	}

	/** The pages of a PDF (its page objects, not the page tree nodes). */
	private static int pages(String pdf) {
		Matcher page = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(pdf);
		int count = 0;
		while (page.find()) {
			count++;
		}
		return count;
	}

	private void assertNoHorizontalScroll(String where) {
		Map<?, ?> sizes = (Map<?, ?>) this.browser
			.executeScript("return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
		long scroll = ((Number) sizes.get("scroll")).longValue();
		long inner = ((Number) sizes.get("inner")).longValue();
		assertThat(scroll).as("no horizontal scroll on " + where)
			.isLessThanOrEqualTo(org.farmgate.PhoneBrowser.WIDTH + 1);
		assertThat(inner).as("a phone-sized window").isEqualTo(org.farmgate.PhoneBrowser.WIDTH);
		assertThat(scroll).as("no horizontal scroll on " + where).isLessThanOrEqualTo(inner + 1);
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
		Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
