package org.farmgate.storefront;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.catalog.SkuView;
import org.farmgate.catalog.StockManagement;
import org.farmgate.orders.OrderFulfilment;
import org.farmgate.orders.OrderManagement;
import org.farmgate.orders.OrderQuery;
import org.farmgate.storefront.payment.PaymentMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The buyer's pages of the storefront, anonymous, through MockMvc: the cart kept by its
 * cookie, quantities out of range and forms without their CSRF token refused, the live
 * address check, a checkout with an address that does not resolve shown again with the
 * reason and nothing placed, tracking refused after too many guesses, and a review's HTML
 * shown as text once approved.
 */
@FarmgateTest
class StorefrontOrderPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SkuManagement skus;

	@Autowired
	StockManagement stock;

	@Autowired
	CheckoutManagement checkouts;

	@Autowired
	CartManagement carts;

	@Autowired
	ReviewManagement reviews;

	@Autowired
	OrderManagement orders;

	@Autowired
	OrderFulfilment fulfilment;

	@Autowired
	UserDetailsService users;

	private SkuView sauerkraut;

	@BeforeEach
	void stockUp() {
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		this.sauerkraut = org.farmgate.DemoStock.received(this.skus, this.stock, merchant, "XF-SC-1500", 10);
	}

	private Cookie addToCart(int units) throws Exception {
		MvcResult added = this.mvc
			.perform(post("/shop/cart/lines").param("skuId", this.sauerkraut.id().toString())
				.param("quantity", String.valueOf(units))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String header = added.getResponse().getHeader("Set-Cookie");
		assertThat(header).contains("fg_cart=").contains("HttpOnly").contains("SameSite=Lax");
		return new Cookie("fg_cart", header.replaceFirst("fg_cart=([^;]+);.*", "$1"));
	}

	@Test
	void theCartIsKeptByItsCookieAndRefusesOutOfRangeQuantitiesAndFormsWithoutCsrf() throws Exception {
		Cookie cart = addToCart(2);

		String page = this.mvc.perform(get("/shop/cart").cookie(cart))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("立碑酸菜").contains("value=\"2\"");
		this.mvc
			.perform(post("/shop/cart/lines").cookie(cart)
				.param("skuId", this.sauerkraut.id().toString())
				.param("quantity", "1000")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getFlashMap().get("problem")).isEqualTo("storefront.cart.quantity"));
		this.mvc
			.perform(post("/shop/cart/lines").cookie(cart)
				.param("skuId", this.sauerkraut.id().toString())
				.param("quantity", "1"))
			.andExpect(status().isForbidden());
		assertThat(this.carts.cart(UUID.fromString(cart.getValue())).units()).isEqualTo(2);
	}

	@Test
	void theAddressIsCheckedAsItIsTypedAndACheckoutToAnUnknownPlaceIsShownAgainWithNothingPlaced() throws Exception {
		Cookie cart = addToCart(1);

		String quote = this.mvc.perform(get("/shop/checkout/quote").cookie(cart).param("address", "江苏省南京市鼓楼区中山路1号"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(quote).contains("id=\"destination\"").contains("鼓楼区").contains("name=\"seenTotal\"");
		String refused = this.mvc
			.perform(post("/shop/checkout").cookie(cart)
				.param("recipientName", "<b>张三</b>")
				.param("phone", "13812345678")
				.param("address", "火星上的某个地方")
				.param("payment", "CASH_ON_DELIVERY")
				.param("requestId", UUID.randomUUID().toString())
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("这个地址找不到对应的省市县").doesNotContain("<b>张三</b>").contains("&lt;b&gt;张三");
		assertThat(this.carts.cart(UUID.fromString(cart.getValue())).units()).as("the cart is kept").isEqualTo(1);
		this.mvc
			.perform(post("/shop/checkout").cookie(cart)
				.param("recipientName", "张三")
				.param("phone", "13812345678")
				.param("address", "江苏省南京市鼓楼区中山路1号")
				.param("payment", "BITCOIN")
				.param("requestId", UUID.randomUUID().toString())
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("请选择付款方式"));
	}

	@Test
	void aCheckoutThroughThePageLeadsToItsConfirmationAndTheOrderIsTrackedInTheSameSession() throws Exception {
		Cookie cart = addToCart(1);
		MockHttpSession session = new MockHttpSession();

		MvcResult placed = this.mvc
			.perform(post("/shop/checkout").cookie(cart)
				.session(session)
				.param("recipientName", "张三")
				.param("phone", "13812345678")
				.param("address", "江苏省南京市鼓楼区中山路1号")
				.param("payment", PaymentMethod.BANK_TRANSFER.name())
				.param("requestId", UUID.randomUUID().toString())
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String confirmation = placed.getResponse().getRedirectedUrl();
		assertThat(confirmation).startsWith("/shop/checkouts/");
		String page = this.mvc.perform(get(confirmation).session(session).flashAttrs(placed.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String number = page.replaceFirst("(?s).*(LS[0-9]{13}).*", "$1");
		assertThat(number).matches("LS[0-9]{13}");
		assertThat(page).contains("id=\"payment-instructions\"").contains(number);
		this.mvc.perform(get("/shop/track").session(session).param("orderNo", number))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("id=\"tracked-order\"")
				.contains("待付款"));
		this.mvc.perform(get("/shop/track").param("orderNo", number))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.as("another browser must prove the phone first")
				.doesNotContain("id=\"tracked-order\""));
		this.mvc.perform(get("/shop/checkouts/" + UUID.randomUUID())).andExpect(status().isNotFound());
	}

	@Test
	void trackingIsRefusedAfterTooManyGuessesFromOneClient() throws Exception {
		String client = "10.9." + (int) (Math.random() * 200) + "." + (int) (Math.random() * 200);
		for (int i = 0; i < OrderTracking.PER_CLIENT; i++) {
			String guess = String.format("LS%013d", (long) (Math.random() * 1e12));
			this.mvc.perform(post("/shop/track").with(csrf()).with(request -> {
				request.setRemoteAddr(client);
				return request;
			}).param("orderNo", guess).param("phone", "13800000000")).andExpect(status().isOk());
		}
		this.mvc.perform(post("/shop/track").with(csrf()).with(request -> {
			request.setRemoteAddr(client);
			return request;
		}).param("orderNo", "LS2026113000001").param("phone", "13800000000"))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("查询太频繁了"));
	}

	@Test
	void aReviewsHtmlIsShownAsTextOnTheProductPageOnceApproved() throws Exception {
		UUID cart = this.carts.add(null, this.sauerkraut.id(), 1);
		Placed placed = this.checkouts.checkout(cart, new CheckoutInput("王五", "13612345678", "江苏省南京市鼓楼区中山路1号", null,
				PaymentMethod.CASH_ON_DELIVERY, UUID.randomUUID(), null));
		String number = placed.orderNos().get(0);
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		UUID orderId = this.orders
			.orders(merchant, new OrderQuery(null, number, null, null, false, null, null, null, 0))
			.items()
			.get(0)
			.id();
		this.fulfilment.shipped(orderId, true, "test");
		this.fulfilment.delivered(orderId, "test");
		UUID review = this.reviews.review(number, "1", 5, "<img src=x onerror=alert(1)>很好");
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		this.mvc.perform(get("/storefront/reviews").with(user(operator)))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains("&lt;img src=x onerror=alert(1)&gt;很好"));
		this.mvc.perform(get("/storefront/reviews").with(user(merchant))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/storefront/reviews/" + review).param("approve", "true").with(user(operator)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		String page = this.mvc.perform(get("/shop/products/" + this.sauerkraut.productId()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;很好").doesNotContain("<img src=x");
	}

	@Test
	void anOperatorConfirmsABankTransferAndItsOrderMovesToBeShippedOnce() throws Exception {
		UUID cart = this.carts.add(null, this.sauerkraut.id(), 1);
		Placed placed = this.checkouts.checkout(cart, new CheckoutInput("钱七", "13512345678", "江苏省南京市鼓楼区中山路1号", null,
				PaymentMethod.BANK_TRANSFER, UUID.randomUUID(), null));
		String number = placed.orderNos().get(0);
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		java.util.function.Supplier<org.farmgate.orders.OrderStatus> status = () -> this.orders
			.orders(merchant, new OrderQuery(null, number, null, null, false, null, null, null, 0))
			.items()
			.get(0)
			.status();
		assertThat(status.get()).isEqualTo(org.farmgate.orders.OrderStatus.PENDING_PAYMENT);
		String list = this.mvc.perform(get("/storefront/transfers").with(user(operator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(number);
		String payment = list.replaceFirst(
				"(?s).*action=\"/storefront/transfers/([0-9a-f-]{36})\"[^>]*data-confirm=\"[^\"]*" + number + ".*",
				"$1");
		this.mvc.perform(get("/storefront/transfers").with(user(merchant))).andExpect(status().isForbidden());
		this.mvc.perform(post("/storefront/transfers/" + payment).with(user(operator)))
			.andExpect(status().isForbidden());

		this.mvc.perform(post("/storefront/transfers/" + payment).with(user(operator)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getFlashMap().get("notice"))
				.isEqualTo("storefront.transfers.received"));
		this.mvc.perform(post("/storefront/transfers/" + payment).with(user(operator)).with(csrf()))
			.andExpect(result -> assertThat(result.getFlashMap().get("problem"))
				.isEqualTo("storefront.payment.error.not-awaiting"));

		java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
		while (status.get() != org.farmgate.orders.OrderStatus.PAID && java.time.Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		assertThat(status.get()).isEqualTo(org.farmgate.orders.OrderStatus.PAID);
	}

}
