package org.farmgate.storefront;

import java.time.Duration;
import java.util.Map;

import org.farmgate.FarmgateTest;
import org.farmgate.PhoneBrowser;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.AdjustmentInput;
import org.farmgate.catalog.AdjustmentReason;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.PublicProduct;
import org.farmgate.catalog.StockManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer's journey on the county's storefront in a real browser the size of a phone:
 * search for 酸菜, open the product, see its origin village and batch, put two SKUs (the
 * large jar and the small bag) in the cart, check out paying on delivery and track the
 * order; meanwhile the merchant, whose inbox is open, sees the order arrive at once.
 * Skipped, with a message, where Chromium is not installed.
 */
@FarmgateTest
class StorefrontBrowserJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	ProductManagement products;

	@Autowired
	StockManagement stock;

	@Autowired
	UserDetailsService users;

	@Value("${farmgate.demo-county.code}")
	String county;

	ChromeDriver buyer;

	ChromeDriver merchant;

	@BeforeEach
	void openBrowsers() throws Exception {
		this.buyer = PhoneBrowser.open();
		this.merchant = PhoneBrowser.open();
	}

	@AfterEach
	void closeBrowsers() {
		if (this.buyer != null) {
			this.buyer.quit();
		}
		if (this.merchant != null) {
			this.merchant.quit();
		}
	}

	@Test
	void aBuyerSearchesBuysTwoSkusPayingOnDeliveryAndTracksTheOrderWhileTheMerchantSeesItArrive() throws Exception {
		WebDriverWait wait = new WebDriverWait(this.buyer, Duration.ofSeconds(60));
		WebDriverWait merchantWait = new WebDriverWait(this.merchant, Duration.ofSeconds(60));
		PublicProduct cabbage = found("立碑酸菜");
		PublicProduct smallBag = found("立碑酸菜（小袋）");
		SignedInUser owner = (SignedInUser) this.users.loadUserByUsername("merchant");
		java.util.stream.Stream.of(cabbage, smallBag)
			.flatMap(product -> product.skus().stream())
			.forEach(sku -> this.stock.adjust(owner,
					new AdjustmentInput(sku.id(), null, null, 5, AdjustmentReason.RECEIVED, null)));

		this.merchant.get(base() + "/login");
		this.merchant.findElement(By.id("username")).sendKeys("merchant");
		this.merchant.findElement(By.id("password")).sendKeys("farmgate");
		this.merchant.findElement(By.cssSelector("main form button[type=submit]")).click();
		merchantWait.until(ExpectedConditions.urlToBe(base() + "/"));
		this.merchant.get(base() + "/orders");
		merchantWait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-alerts")));
		Thread.sleep(1000); // let the inbox open its event stream

		this.buyer.get(base() + "/shop");
		this.buyer.findElement(By.id("shop-q")).sendKeys("酸菜", Keys.ENTER);
		wait.until(ExpectedConditions.urlContains("/shop/search"));
		this.buyer.findElement(By.cssSelector("a[href='/shop/products/" + cabbage.id() + "']")).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "立碑酸菜"));
		assertThat(this.buyer.findElement(By.id("origin")).getText()).contains("立碑村");
		assertThat(this.buyer.findElement(By.id("trace-code")).getText()).as("the latest batch's trace code")
			.isNotBlank();

		this.buyer.findElement(By.id("add-" + cabbage.skus().get(0).id())).click();
		wait.until(ExpectedConditions.urlContains("/shop/cart"));
		this.buyer.findElement(By.id("shop-q")).sendKeys("酸菜", Keys.ENTER);
		wait.until(ExpectedConditions.urlContains("/shop/search"));
		this.buyer.findElement(By.cssSelector("a[href='/shop/products/" + smallBag.id() + "']")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("add-" + smallBag.skus().get(0).id()))).click();
		wait.until(ExpectedConditions.urlContains("/shop/cart"));
		assertThat(this.buyer.findElements(By.cssSelector("#cart-lines > li"))).hasSize(2);
		assertThat(this.buyer.findElement(By.id("cart-link")).getText()).contains("2");
		assertNoHorizontalScroll("the cart");

		this.buyer.findElement(By.id("to-checkout")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checkout-form")));
		this.buyer.findElement(By.id("recipientName")).sendKeys("赵买家");
		this.buyer.findElement(By.id("phone")).sendKeys("13712345678");
		this.buyer.findElement(By.id("address")).sendKeys("江苏省南京市鼓楼区中山路1号");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("destination"), "鼓楼区"));
		assertThat(this.buyer.findElement(By.id("total")).getText()).contains("合计");
		assertThat(this.buyer.findElement(By.id("pay-CASH_ON_DELIVERY")).isSelected()).as("paid on delivery").isTrue();
		assertNoHorizontalScroll("the checkout");
		this.buyer.findElement(By.id("place-order")).click();

		wait.until(ExpectedConditions.urlContains("/shop/checkouts/"));
		String number = this.buyer.findElement(By.cssSelector("#order-numbers li")).getText();
		assertThat(number).matches("LS[0-9]{13}");
		assertThat(this.buyer.findElement(By.id("payment-method")).getText()).isEqualTo("货到付款");

		merchantWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-alerts"), number));

		this.buyer.get(base() + "/shop/track");
		this.buyer.findElement(By.id("orderNo")).sendKeys(number);
		this.buyer.findElement(By.id("track-phone")).sendKeys("13712345678");
		this.buyer.findElement(By.id("track-submit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tracked-order")));
		assertThat(this.buyer.findElement(By.id("order-status")).getText()).isEqualTo("待发货");
		assertThat(this.buyer.findElement(By.id("tracked-order")).getText()).contains("立碑酸菜");
		assertNoHorizontalScroll("the tracking page");

		this.merchant.get(base() + "/orders?q=" + number);
		merchantWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), number));
	}

	private PublicProduct found(String name) {
		return this.products.searchPublic(this.county, name, 10)
			.stream()
			.filter(product -> product.nameZh().equals(name))
			// the demo merchant's own (other tests add products of the same name)
			.filter(product -> product.organisationId()
				.equals(((SignedInUser) this.users.loadUserByUsername("merchant")).scope().organisationId()))
			.findFirst()
			.orElseThrow();
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private void assertNoHorizontalScroll(String where) {
		Map<?, ?> sizes = (Map<?, ?>) this.buyer
			.executeScript("return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
		assertThat(((Number) sizes.get("scroll")).longValue()).as("no horizontal scroll on " + where)
			.isLessThanOrEqualTo(((Number) sizes.get("inner")).longValue() + 1);
	}

}
