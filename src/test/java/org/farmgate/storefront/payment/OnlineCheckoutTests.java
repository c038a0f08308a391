package org.farmgate.storefront.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.catalog.SkuView;
import org.farmgate.catalog.StockManagement;
import org.farmgate.catalog.StockView;
import org.farmgate.orders.OrderManagement;
import org.farmgate.orders.OrderQuery;
import org.farmgate.orders.OrderStatus;
import org.farmgate.orders.OrderView;
import org.farmgate.storefront.CartManagement;
import org.farmgate.storefront.CheckoutInput;
import org.farmgate.storefront.CheckoutManagement;
import org.farmgate.storefront.OrderTracking;
import org.farmgate.storefront.Placed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Checkouts paid online through the sandbox gateway's signed notification, and what a
 * review of the storefront found: the order waits unpaid with its units held, moves to
 * PAID when the payment arrives (the units held once) and is cancelled with its units
 * given back when the payment fails; a success after a failure is ignored (the orders
 * were cancelled); checkouts left unpaid for half an hour give their units back; the
 * confirmation page lets its buyer track without the phone; bad path variables and
 * missing parameters are 4xx, never 500.
 */
@FarmgateTest
class OnlineCheckoutTests {

	@Autowired
	CartManagement carts;

	@Autowired
	CheckoutManagement checkouts;

	@Autowired
	PaymentManagement payments;

	@Autowired
	SandboxGateway gateway;

	@Autowired
	SkuManagement skus;

	@Autowired
	StockManagement stock;

	@Autowired
	OrderManagement orders;

	@Autowired
	OrderTracking tracking;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	private SignedInUser merchant;

	private SkuView sauerkraut;

	@BeforeEach
	void stockUp() {
		this.merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		this.sauerkraut = org.farmgate.DemoStock.received(this.skus, this.stock, this.merchant, "XF-SC-1500", 10);
	}

	private int available() {
		return this.stock.stockOf(this.merchant, this.sauerkraut.id()).stream().mapToInt(StockView::available).sum();
	}

	private OrderView order(String number) {
		return this.orders.orders(this.merchant, new OrderQuery(null, number, null, null, false, null, null, null, 0))
			.items()
			.get(0);
	}

	private Placed checkout(PaymentMethod method, String phone) {
		UUID cart = this.carts.add(null, this.sauerkraut.id(), 1);
		return this.checkouts.checkout(cart,
				new CheckoutInput("李四", phone, "江苏省南京市鼓楼区中山路1号", null, method, UUID.randomUUID(), null));
	}

	private void notifyGateway(Placed placed, String result) {
		PaymentView payment = this.payments.paymentOfCheckout(placed.checkoutId()).orElseThrow();
		long timestamp = Instant.now().getEpochSecond();
		String body = "{\"notificationId\":\"n-" + UUID.randomUUID() + "\",\"paymentId\":\"" + payment.id()
				+ "\",\"orderNo\":\"" + payment.orderNo() + "\",\"amountFen\":" + payment.amountFen() + ",\"result\":\""
				+ result + "\",\"timestamp\":" + timestamp + "}";
		assertThat(this.payments.notified(body, this.gateway.sign(Long.toString(timestamp), body)))
			.isEqualTo(NotificationOutcome.APPLIED);
	}

	private static <T> T eventually(Supplier<T> value, java.util.function.Predicate<T> done) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		T last = value.get();
		while (!done.test(last) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			last = value.get();
		}
		return last;
	}

	@Test
	void aSuccessAfterAFailedOnlinePaymentLeavesThePaymentFailedAndTheOrderCancelled() throws Exception {
		Placed placed = checkout(PaymentMethod.ONLINE, "13912345678");
		String number = placed.orderNos().get(0);
		notifyGateway(placed, "FAILED");
		eventually(() -> order(number), found -> found.status() == OrderStatus.CANCELLED);
		PaymentView payment = this.payments.paymentOfCheckout(placed.checkoutId()).orElseThrow();
		long timestamp = Instant.now().getEpochSecond();
		String body = "{\"notificationId\":\"n-" + UUID.randomUUID() + "\",\"paymentId\":\"" + payment.id()
				+ "\",\"orderNo\":\"" + payment.orderNo() + "\",\"amountFen\":" + payment.amountFen()
				+ ",\"result\":\"PAID\",\"timestamp\":" + timestamp + "}";

		assertThat(this.payments.notified(body, this.gateway.sign(Long.toString(timestamp), body)))
			.isEqualTo(NotificationOutcome.IGNORED);
		assertThat(this.payments.paymentOfCheckout(placed.checkoutId()).orElseThrow().status())
			.isEqualTo(PaymentStatus.FAILED);
		assertThat(order(number).status()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void badPathVariablesAndMissingParametersAreNotServerErrors() throws Exception {
		String[][] cases = { { "GET", "/shop/checkouts/not-a-uuid" }, { "POST", "/shop/cart/lines/not-a-uuid" },
				{ "GET", "/shop/pay/sandbox/not-a-uuid" }, { "POST", "/shop/pay/sandbox/not-a-uuid" },
				{ "POST", "/shop/reviews" }, { "POST", "/shop/reviews?orderNo=X&lineKey=1&rating=abc" },
				{ "POST", "/shop/checkout?requestId=nope&payment=ONLINE" }, { "GET", "/shop/products/not-a-uuid" },
				{ "POST", "/shop/track" }, { "GET", "/shop/checkout/quote" } };
		StringBuilder report = new StringBuilder();
		for (String[] c : cases) {
			int status = ("GET".equals(c[0]) ? this.mvc.perform(get(c[1])) : this.mvc.perform(post(c[1]).with(csrf())))
				.andReturn()
				.getResponse()
				.getStatus();
			report.append(c[0]).append(' ').append(c[1]).append(" -> ").append(status).append('\n');
		}
		assertThat(report.toString()).doesNotContain("-> 500");
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void anOnlineCheckoutLeftUnpaidForHalfAnHourIsCancelledAndItsUnitsComeBack() throws Exception {
		int before = available();
		Placed placed = checkout(PaymentMethod.ONLINE, "13912345678");
		String number = placed.orderNos().get(0);
		assertThat(available()).isEqualTo(before - 1);
		this.jdbc
			.sql("UPDATE storefront_payment SET created_at = created_at - interval '31 minutes' WHERE checkout_id = ?")
			.param(placed.checkoutId())
			.update();

		this.payments.expireAbandoned();

		assertThat(eventually(() -> order(number), found -> found.status() == OrderStatus.CANCELLED).status())
			.isEqualTo(OrderStatus.CANCELLED);
		assertThat(eventually(this::available, units -> units == before)).isEqualTo(before);
	}

	@Test
	void theBuyerTracksFromTheConfirmationPageEvenAfterOthersGuessedTheOrderNumber() throws Exception {
		Placed placed = checkout(PaymentMethod.CASH_ON_DELIVERY, "13712345678");
		String number = placed.orderNos().get(0);
		for (int i = 0; i < 5; i++) {
			this.tracking.find("203.0.113." + i, number, "1380000000" + i);
		}
		org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
		this.mvc.perform(get("/shop/checkouts/" + placed.checkoutId()).session(session));
		String page = this.mvc.perform(get("/shop/track").param("orderNo", number).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(number).contains("立碑酸菜");
	}

	@Test
	void anOrderPaidOnlineWaitsUnpaidWithItsUnitsHeldAndMovesToPaidWhenThePaymentArrives() throws Exception {
		int before = available();

		Placed placed = checkout(PaymentMethod.ONLINE, "13912345678");

		assertThat(placed.payment().redirectUrl()).startsWith("/shop/pay/sandbox/");
		String number = placed.orderNos().get(0);
		assertThat(order(number).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(available()).as("the unit is held for the buyer while paying").isEqualTo(before - 1);

		notifyGateway(placed, "PAID");

		OrderView paid = eventually(() -> order(number), found -> found.status() == OrderStatus.PAID);
		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
		assertThat(paid.lines()).singleElement().satisfies(line -> assertThat(line.reserved()).isTrue());
		assertThat(available()).as("held once, not twice").isEqualTo(before - 1);
	}

	@Test
	void anOrderWhosePaymentFailsIsCancelledAndItsUnitsComeBack() throws Exception {
		int before = available();
		Placed placed = checkout(PaymentMethod.ONLINE, "13912345678");
		String number = placed.orderNos().get(0);

		notifyGateway(placed, "FAILED");

		OrderView cancelled = eventually(() -> order(number), found -> found.status() == OrderStatus.CANCELLED);
		assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(eventually(this::available, units -> units == before)).isEqualTo(before);
	}

}
