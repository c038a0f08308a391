package org.farmgate.storefront;

import java.time.Duration;
import java.util.Map;

import org.farmgate.FarmgateTest;
import org.farmgate.PhoneBrowser;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.PublicProduct;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer on a phone, not signed in, searches the shop from its bar, opens a product and
 * walks to its village and producer: no page scrolls sideways.
 */
@FarmgateTest
class ShopBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ProductManagement products;

	@Value("${farmgate.demo-county.code}")
	String county;

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
	void aBuyerOnAPhoneSearchesOpensAProductAndItsOriginWithoutScrollingSideways() {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
		PublicProduct cabbage = this.products.searchPublic(this.county, "立碑酸菜", 10)
			.stream()
			.filter(product -> product.nameZh().equals("立碑酸菜") && product.organisationId().equals(libei()))
			.findFirst()
			.orElseThrow();

		this.browser.get(base() + "/shop");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("in-season")));
		assertNoHorizontalScroll("/shop");

		this.browser.findElement(By.id("shop-q")).sendKeys("酸菜", Keys.ENTER);
		wait.until(ExpectedConditions.urlContains("/shop/search"));
		assertNoHorizontalScroll("the search results");
		this.browser.findElement(By.cssSelector("a[href='/shop/products/" + cabbage.id() + "']")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("add-" + cabbage.skus().get(0).id())));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("立碑酸菜");
		assertNoHorizontalScroll("the product page");

		this.browser.findElement(By.cssSelector("#origin a[href^='/shop/villages/']")).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "立碑村"));
		assertNoHorizontalScroll("the village page");

		this.browser.findElement(By.cssSelector("#village-organisations a")).click();
		wait.until(ExpectedConditions.urlContains("/shop/organisations/"));
		assertNoHorizontalScroll("the organisation page");

		this.browser.get(base() + "/shop/categories/" + cabbage.categoryCode() + "?lang=fr");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".shop-cards")));
		assertNoHorizontalScroll("a category page in French");
	}

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	/** The demo merchant's organisation (other tests add products of the same name). */
	private java.util.UUID libei() {
		return ((org.farmgate.accounts.SignedInUser) this.users.loadUserByUsername("merchant")).scope()
			.organisationId();
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private void assertNoHorizontalScroll(String where) {
		Map<?, ?> sizes = (Map<?, ?>) this.browser
			.executeScript("return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
		assertThat(((Number) sizes.get("scroll")).longValue()).as("no horizontal scroll on " + where)
			.isLessThanOrEqualTo(((Number) sizes.get("inner")).longValue() + 1);
	}

}
