package org.farmgate.storefront;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.AdjustmentInput;
import org.farmgate.catalog.AdjustmentReason;
import org.farmgate.catalog.SkuInput;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.catalog.SkuView;
import org.farmgate.catalog.StockManagement;
import org.farmgate.catalog.StockView;
import org.farmgate.orders.OrderFulfilment;
import org.farmgate.orders.OrderManagement;
import org.farmgate.orders.OrderQuery;
import org.farmgate.orders.OrderStatus;
import org.farmgate.orders.OrderView;
import org.farmgate.registry.Platform;
import org.farmgate.storefront.payment.PaymentMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storefront's buying on the real database with the demo county: a cash-on-delivery
 * checkout lands in the organisation's inbox as a LOCAL order with its units reserved,
 * once however often the form is sent; tampered totals and addresses that do not resolve
 * are refused with nothing placed; two buyers of the last unit get one order between
 * them; buyers find their orders by number and phone, and guessing is limited; reviews
 * come after delivery, once a line.
 */
@FarmgateTest
class StorefrontCheckoutTests {

	static final String ADDRESS = "江苏省南京市鼓楼区中山路1号";

	@Autowired
	CartManagement carts;

	@Autowired
	CheckoutManagement checkouts;

	@Autowired
	OrderTracking tracking;

	@Autowired
	ReviewManagement reviews;

	@Autowired
	SkuManagement skus;

	@Autowired
	StockManagement stock;

	@Autowired
	org.farmgate.catalog.ProductManagement products;

	@Autowired
	OrderManagement orders;

	@Autowired
	OrderFulfilment fulfilment;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	private SignedInUser merchant;

	private SkuView sauerkraut;

	@BeforeEach
	void stockUp() {
		this.merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		this.sauerkraut = org.farmgate.DemoStock.received(this.skus, this.stock, this.merchant, "XF-SC-1500", 20);
	}

	private UUID cartWith(UUID sku, int units) {
		return this.carts.add(null, sku, units);
	}

	private CheckoutInput cod(UUID requestId, String seenTotal) {
		return new CheckoutInput("张三", "13812345678", ADDRESS, "请轻放", PaymentMethod.CASH_ON_DELIVERY, requestId,
				seenTotal);
	}

	private int available(UUID sku) {
		return this.stock.stockOf(this.merchant, sku).stream().mapToInt(StockView::available).sum();
	}

	private OrderView inInbox(String orderNo) {
		return this.orders.orders(this.merchant, new OrderQuery(null, orderNo, null, null, false, null, null, null, 0))
			.items()
			.stream()
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aCashOnDeliveryCheckoutLandsInTheInboxAsALocalOrderWithItsUnitsReservedOnce() {
		UUID cart = cartWith(this.sauerkraut.id(), 2);
		int before = available(this.sauerkraut.id());
		Quote quote = this.checkouts.quote(cart, ADDRESS);
		assertThat(quote.deliverable()).isTrue();
		assertThat(quote.destination().provinceCode()).isEqualTo("320000");
		assertThat(quote.shipping()).as("a rate applies to Jiangsu").isPositive();
		UUID request = UUID.randomUUID();
		String seen = quote.total().toPlainString();

		Placed placed = this.checkouts.checkout(cart, cod(request, seen));
		Placed again = this.checkouts.checkout(cart, cod(request, seen));

		assertThat(again.checkoutId()).isEqualTo(placed.checkoutId());
		assertThat(placed.orderNos()).singleElement().satisfies(no -> assertThat(no).matches("LS[0-9]{13}"));
		OrderView order = inInbox(placed.orderNos().get(0));
		assertThat(order.platform()).isEqualTo(Platform.LOCAL);
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.holds()).isEmpty();
		assertThat(order.lines()).singleElement().satisfies(line -> {
			assertThat(line.skuId()).isEqualTo(this.sauerkraut.id());
			assertThat(line.quantity()).isEqualTo(2);
			assertThat(line.reserved()).isTrue();
			assertThat(line.unitPrice()).isEqualByComparingTo(this.sauerkraut.price());
		});
		assertThat(order.paidAmount()).isEqualByComparingTo(quote.total());
		assertThat(available(this.sauerkraut.id())).isEqualTo(before - 2);
		assertThat(this.carts.cart(cart).isEmpty()).as("the cart is emptied").isTrue();
	}

	@Test
	void aTamperedTotalOrAnAddressThatDoesNotResolveIsRefusedAndNothingIsPlaced() {
		UUID cart = cartWith(this.sauerkraut.id(), 1);
		int before = available(this.sauerkraut.id());
		int ordersBefore = this.jdbc.queryForObject("SELECT count(*) FROM storefront_order", Integer.class);

		assertThatThrownBy(() -> this.checkouts.checkout(cart, cod(UUID.randomUUID(), "0.01")))
			.hasMessage("storefront.checkout.total-changed");
		assertThatThrownBy(() -> this.checkouts.checkout(cart, new CheckoutInput("张三", "13812345678", "火星上的某个地方", null,
				PaymentMethod.CASH_ON_DELIVERY, UUID.randomUUID(), null)))
			.hasMessage("storefront.checkout.address-unresolved");
		assertThatThrownBy(() -> this.checkouts.checkout(cart, new CheckoutInput("张三", "12345", ADDRESS, null,
				PaymentMethod.CASH_ON_DELIVERY, UUID.randomUUID(), null)))
			.hasMessage("storefront.checkout.phone");
		assertThatThrownBy(() -> this.carts.add(cart, this.sauerkraut.id(), 100))
			.hasMessage("storefront.cart.quantity");

		assertThat(available(this.sauerkraut.id())).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM storefront_order", Integer.class))
			.isEqualTo(ordersBefore);
		assertThat(this.carts.cart(cart).units()).as("the cart is kept").isEqualTo(1);
	}

	@Test
	void twoBuyersOfTheLastUnitGetOneOrderBetweenThemAndTheOtherIsToldItIsGone() throws Exception {
		// a product and SKU of their own, so that no other test meets this last unit
		org.farmgate.catalog.ProductView tasting = this.products.add(this.merchant,
				new org.farmgate.catalog.ProductInput(this.merchant.scope().organisationId(), "PICKLED.SOUR_CABBAGE",
						"试吃酸菜 " + UUID.randomUUID().toString().substring(0, 6), null, null, null, null, null, null));
		SkuView other = this.skus.add(this.merchant, tasting.id(),
				new SkuInput("试吃装 " + UUID.randomUUID().toString().substring(0, 6), org.farmgate.catalog.Unit.PORTION,
						java.math.BigDecimal.ONE, 300, new java.math.BigDecimal("9.90"), null, null));
		this.stock.adjust(this.merchant,
				new AdjustmentInput(other.id(), null, null, 1, AdjustmentReason.RECEIVED, "the last one"));
		assertThat(available(other.id())).isEqualTo(1);
		UUID first = cartWith(other.id(), 1);
		UUID second = cartWith(other.id(), 1);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Optional<Placed>>> answers = new ArrayList<>();
		for (UUID cart : List.of(first, second)) {
			Callable<Optional<Placed>> buy = () -> {
				start.await();
				try {
					return Optional.of(this.checkouts.checkout(cart, cod(UUID.randomUUID(), null)));
				}
				catch (StorefrontException ex) {
					assertThat(ex.messageKey()).isEqualTo("storefront.checkout.out-of-stock");
					return Optional.empty();
				}
			};
			answers.add(pool.submit(buy));
		}
		start.countDown();
		List<Optional<Placed>> results = new ArrayList<>();
		for (Future<Optional<Placed>> answer : answers) {
			results.add(answer.get());
		}
		pool.shutdown();

		assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
		assertThat(available(other.id())).isZero();
		Placed placed = results.stream().flatMap(Optional::stream).findFirst().orElseThrow();
		assertThat(inInbox(placed.orderNos().get(0)).lines()).singleElement()
			.satisfies(line -> assertThat(line.reserved()).isTrue());
	}

	@Test
	void aBuyerFindsTheOrderByNumberAndPhoneAndGuessingIsLimited() {
		Placed placed = this.checkouts.checkout(cartWith(this.sauerkraut.id(), 1), cod(UUID.randomUUID(), null));
		String number = placed.orderNos().get(0);
		String client = "test-" + UUID.randomUUID();

		Optional<TrackedOrder> found = this.tracking.find(client, number, "138 1234 5678");
		Optional<TrackedOrder> wrongPhone = this.tracking.find(client, number, "13900000000");

		assertThat(found).hasValueSatisfying(order -> {
			assertThat(order.status()).isEqualTo(OrderStatus.PAID);
			assertThat(order.lines()).hasSize(1);
		});
		assertThat(wrongPhone).isEmpty();
		for (int i = 0; i < OrderTracking.PER_CLIENT - 2; i++) {
			this.tracking.find(client, String.format("LS%013d", i), "13800000000");
		}
		assertThatThrownBy(() -> this.tracking.find(client, number, "13812345678"))
			.hasMessage("storefront.track.too-many");
		for (int i = 0; i < OrderTracking.FAILED_PER_ORDER; i++) {
			try {
				this.tracking.find("other-" + i + "-" + UUID.randomUUID(), number, "13900000000");
			}
			catch (StorefrontException ex) {
				// counted anyway
			}
		}
		assertThatThrownBy(() -> this.tracking.find("fresh-" + UUID.randomUUID(), number, "13812345678"))
			.as("five wrong phones for one order lock it for an hour, from any client")
			.hasMessage("storefront.track.too-many");
	}

	@Test
	void aLineIsReviewedOnceAfterDeliveryAndNothingIsPublicBeforeAnOperatorApprovesIt() {
		Placed placed = this.checkouts.checkout(cartWith(this.sauerkraut.id(), 1), cod(UUID.randomUUID(), null));
		String number = placed.orderNos().get(0);
		UUID orderId = inInbox(number).id();

		assertThatThrownBy(() -> this.reviews.review(number, "1", 5, "好"))
			.hasMessage("storefront.review.not-delivered");
		this.fulfilment.shipped(orderId, true, "test");
		this.fulfilment.delivered(orderId, "test");
		UUID review = this.reviews.review(number, "1", 4, "<script>alert(1)</script> 好吃");

		assertThatThrownBy(() -> this.reviews.review(number, "1", 5, "again")).hasMessage("storefront.review.already");
		assertThatThrownBy(() -> this.reviews.review(number, "1", 9, "x")).hasMessage("storefront.review.rating");
		UUID product = this.sauerkraut.productId();
		assertThat(this.reviews.approved(product)).extracting(ReviewView::id).doesNotContain(review);
		SignedInUser operator = (SignedInUser) this.users.loadUserByUsername("operator");
		assertThat(this.reviews.pending(operator)).extracting(ReviewView::id).contains(review);
		this.reviews.moderate(operator, review, true);
		assertThat(this.reviews.approved(product)).filteredOn(found -> found.id().equals(review))
			.singleElement()
			.satisfies(found -> {
				assertThat(found.buyer()).isEqualTo("张*");
				assertThat(found.text()).as("kept as typed, escaped when shown").startsWith("<script>");
			});
	}

}
