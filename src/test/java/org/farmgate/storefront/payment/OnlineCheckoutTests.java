package org.farmgate.storefront.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.AdjustmentInput;
import org.farmgate.catalog.AdjustmentReason;
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
import org.farmgate.storefront.Placed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checkout paid online, through the sandbox gateway's signed notification: the order
 * waits in the inbox unpaid with its units held for the buyer, moves to PAID when the
 * payment arrives (the units still held once), and is cancelled with its units given back
 * when the payment fails.
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
	UserDetailsService users;

	private SignedInUser merchant;

	private SkuView sauerkraut;

	@BeforeEach
	void stockUp() {
		this.merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		this.sauerkraut = this.skus.merchantCodeOf(this.merchant.scope().organisationId(), "XF-SC-1500").orElseThrow();
		this.stock.adjust(this.merchant,
				new AdjustmentInput(this.sauerkraut.id(), null, null, 10, AdjustmentReason.RECEIVED, null));
	}

	private int available() {
		return this.stock.stockOf(this.merchant, this.sauerkraut.id()).stream().mapToInt(StockView::available).sum();
	}

	private OrderView order(String number) {
		return this.orders.orders(this.merchant, new OrderQuery(null, number, null, null, false, null, null, null, 0))
			.items()
			.get(0);
	}

	private Placed checkout() {
		UUID cart = this.carts.add(null, this.sauerkraut.id(), 1);
		return this.checkouts.checkout(cart, new CheckoutInput("李四", "13912345678", "江苏省南京市鼓楼区中山路1号", null,
				PaymentMethod.ONLINE, UUID.randomUUID(), null));
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
	void anOrderPaidOnlineWaitsUnpaidWithItsUnitsHeldAndMovesToPaidWhenThePaymentArrives() throws Exception {
		int before = available();

		Placed placed = checkout();

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
		Placed placed = checkout();
		String number = placed.orderNos().get(0);

		notifyGateway(placed, "FAILED");

		OrderView cancelled = eventually(() -> order(number), found -> found.status() == OrderStatus.CANCELLED);
		assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(eventually(this::available, units -> units == before)).isEqualTo(before);
	}

}
