package org.farmgate.storefront;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.farmgate.catalog.InsufficientStockException;
import org.farmgate.catalog.SaleableSku;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.geo.AddressResolver;
import org.farmgate.geo.Resolution;
import org.farmgate.geo.ResolutionStatus;
import org.farmgate.logistics.CostEstimate;
import org.farmgate.logistics.RateManagement;
import org.farmgate.orders.LocalOrder;
import org.farmgate.orders.LocalOrders;
import org.farmgate.orders.OrderException;
import org.farmgate.orders.OrderView;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopOwner;
import org.farmgate.storefront.payment.PaymentManagement;
import org.farmgate.storefront.payment.PaymentMethod;
import org.farmgate.storefront.payment.Started;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkout: the cart priced again from the catalog (never from the form), the address
 * resolved (refused when it does not resolve or could be several places, saying so), one
 * LOCAL order per organisation in its storefront shop with every unit reserved — all in
 * one transaction, so that a unit another buyer took meanwhile refuses the whole checkout
 * and nothing is half-placed — the shipping fee from the county's cheapest rate to the
 * province, and the payment started through its provider. The same form sent twice places
 * once.
 */
@Service
public class CheckoutManagement {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/**
	 * What a parcel weighs beyond its goods (box and padding), and per unit without a net
	 * weight.
	 */
	static final int PACKING_GRAMS = 200;

	static final int UNKNOWN_UNIT_GRAMS = 500;

	/** The heaviest parcel priced (1 t: far beyond any parcel a buyer orders). */
	static final int MAX_PARCEL_GRAMS = 1_000_000;

	private static final Set<ResolutionStatus> DELIVERABLE = EnumSet.of(ResolutionStatus.OK, ResolutionStatus.CITY_ONLY,
			ResolutionStatus.NO_COUNTY, ResolutionStatus.NOT_GB);

	private final CartManagement carts;

	private final SkuManagement skus;

	private final RegistryManagement registry;

	private final RateManagement rates;

	private final LocalOrders orders;

	private final PaymentManagement payments;

	private final ObjectProvider<AddressResolver> resolver;

	private final JdbcClient jdbc;

	private final Clock clock;

	CheckoutManagement(CartManagement carts, SkuManagement skus, RegistryManagement registry, RateManagement rates,
			LocalOrders orders, PaymentManagement payments, ObjectProvider<AddressResolver> resolver, JdbcClient jdbc,
			Clock clock) {
		this.carts = carts;
		this.skus = skus;
		this.registry = registry;
		this.rates = rates;
		this.orders = orders;
		this.payments = payments;
		this.resolver = resolver;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * What the cart would cost sent to this address (the checkout page asks as one
	 * types).
	 */
	@Transactional(readOnly = true)
	public Quote quote(UUID cartId, String address) {
		CartView cart = this.carts.cart(cartId);
		Resolution destination = (address == null || address.isBlank()) ? null
				: this.resolver.getObject().resolve(address.strip());
		boolean deliverable = destination != null && DELIVERABLE.contains(destination.status());
		Map<UUID, List<CartView.Line>> bySeller = new LinkedHashMap<>();
		cart.lines()
			.forEach(line -> bySeller.computeIfAbsent(line.organisationId(), key -> new ArrayList<>()).add(line));
		List<Quote.Parcel> parcels = new ArrayList<>();
		BigDecimal shipping = BigDecimal.ZERO;
		for (Map.Entry<UUID, List<CartView.Line>> seller : bySeller.entrySet()) {
			BigDecimal goods = seller.getValue()
				.stream()
				.map(CartView.Line::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			long weight = PACKING_GRAMS + seller.getValue()
				.stream()
				.mapToLong(line -> (long) line.quantity()
						* ((line.netWeightGrams() != null) ? line.netWeightGrams() : UNKNOWN_UNIT_GRAMS))
				.sum();
			// a parcel heavier than any carrier takes is priced at the heaviest the rates
			// know
			int grams = (int) Math.min(weight, MAX_PARCEL_GRAMS);
			BigDecimal fee = deliverable ? this.rates.cheapest(this.carts.county(), destination.provinceCode(), grams)
				.map(CostEstimate::fen)
				.map(fen -> BigDecimal.valueOf(fen).movePointLeft(2))
				.orElse(null) : null;
			if (fee != null) {
				shipping = shipping.add(fee);
			}
			parcels.add(new Quote.Parcel(seller.getKey(), this.registry.publicName(seller.getKey()).orElse(""), goods,
					grams, fee));
		}
		boolean priced = deliverable && parcels.stream().allMatch(parcel -> parcel.fee() != null);
		return new Quote(cart, destination, priced, List.copyOf(parcels), shipping, cart.goods().add(shipping));
	}

	/**
	 * Places the cart's orders and starts the payment; refused, with what to fix, when
	 * something is wrong (nothing is reserved or charged then).
	 */
	@Transactional
	public Placed checkout(UUID cartId, CheckoutInput input) {
		String name = required(input.recipientName(), 40, "storefront.checkout.name");
		String phone = (input.phone() == null) ? "" : input.phone().replaceAll("[\\s-]", "");
		if (!phone.matches("1[3-9][0-9]{9}")) {
			throw StorefrontException.because("storefront.checkout.phone");
		}
		String address = required(input.address(), 200, "storefront.checkout.address");
		String message = (input.message() == null || input.message().isBlank()) ? null : input.message().strip();
		if (message != null && message.length() > 200) {
			throw StorefrontException.because("storefront.checkout.message");
		}
		if (input.payment() == null) {
			throw StorefrontException.because("storefront.checkout.payment");
		}
		if (input.requestId() == null) {
			throw StorefrontException.because("storefront.checkout.request");
		}
		// the same form sent twice: the second waits for the first and answers it
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('storefront-checkout:' || ?, 0))")
			.param(input.requestId().toString())
			.query()
			.singleValue();
		java.util.Optional<UUID> earlier = this.jdbc.sql("SELECT id FROM storefront_checkout WHERE request_id = ?")
			.param(input.requestId())
			.query(UUID.class)
			.optional();
		if (earlier.isPresent()) {
			return placed(earlier.get()).orElseThrow();
		}
		if (cartId != null) {
			// the same cart sent from two tabs at once: the second waits, then finds it
			// empty
			this.jdbc.sql("SELECT id FROM storefront_cart WHERE id = ? FOR UPDATE")
				.param(cartId)
				.query(UUID.class)
				.optional();
		}
		Quote quote = quote(cartId, address);
		if (quote.cart().isEmpty()) {
			throw StorefrontException.because("storefront.checkout.empty");
		}
		if (quote.destination() == null || quote.destination().status() == ResolutionStatus.UNRESOLVED) {
			throw StorefrontException.because("storefront.checkout.address-unresolved");
		}
		if (quote.destination().status() == ResolutionStatus.AMBIGUOUS) {
			throw StorefrontException.because("storefront.checkout.address-ambiguous",
					String.join("、", quote.destination().matched()));
		}
		if (!quote.deliverable()) {
			throw StorefrontException.because("storefront.checkout.address-vague");
		}
		BigDecimal total = quote.total().setScale(2, RoundingMode.HALF_UP);
		if (input.seenTotal() != null && !input.seenTotal().isBlank()) {
			BigDecimal seen;
			try {
				seen = new BigDecimal(input.seenTotal().strip());
			}
			catch (NumberFormatException ex) {
				throw StorefrontException.because("storefront.checkout.total-changed", total.toPlainString());
			}
			if (seen.compareTo(total) != 0) {
				throw StorefrontException.because("storefront.checkout.total-changed", total.toPlainString());
			}
		}
		UUID checkoutId = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO storefront_checkout (id, county_code, request_id, payment_method, goods_fen, shipping_fen,
				       recipient_name, phone_digest, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(checkoutId, this.carts.county(), input.requestId(), input.payment().name(),
					fen(quote.cart().goods()), fen(quote.shipping()), name, digest(checkoutId.toString(), phone), now)
			.update();
		Map<UUID, SaleableSku> skus = new LinkedHashMap<>();
		this.skus.saleable(quote.cart().lines().stream().map(CartView.Line::skuId).toList())
			.forEach(sku -> skus.put(sku.skuId(), sku));
		List<String> numbers = new ArrayList<>();
		for (Quote.Parcel parcel : quote.parcels()) {
			ShopOwner shop = this.registry.localShopOf(parcel.organisationId())
				.orElseThrow(() -> StorefrontException.because("storefront.checkout.not-sold", parcel.seller()));
			String orderNo = nextOrderNo();
			List<LocalOrder.Line> lines = new ArrayList<>();
			int key = 1;
			for (CartView.Line line : quote.cart().lines()) {
				if (line.organisationId().equals(parcel.organisationId())) {
					lines.add(new LocalOrder.Line(String.valueOf(key++), line.skuId(),
							skus.get(line.skuId()).merchantCode(), title(line), line.quantity(), line.unitPrice()));
				}
			}
			OrderView order;
			try {
				order = this.orders.place(shop.shopId(), new LocalOrder(orderNo, message, name, phone, address,
						parcel.fee(), input.payment() == PaymentMethod.CASH_ON_DELIVERY, lines));
			}
			catch (InsufficientStockException ex) {
				throw StorefrontException.because("storefront.checkout.out-of-stock", parcel.seller());
			}
			catch (OrderException ex) {
				throw StorefrontException.because("storefront.checkout.not-sold", parcel.seller());
			}
			this.jdbc.sql("""
					INSERT INTO storefront_order (order_no, checkout_id, organisation_id, shop_id, order_id, goods_fen,
					       shipping_fen, phone_digest, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(orderNo, checkoutId, parcel.organisationId(), shop.shopId(), order.id(), fen(parcel.goods()),
						fen(parcel.fee()), digest(orderNo, phone), now)
				.update();
			numbers.add(orderNo);
		}
		Started payment = this.payments.start(input.payment(), numbers.get(0), checkoutId, fen(total),
				String.join(", ", numbers), "/shop/checkouts/" + checkoutId);
		this.carts.empty(quote.cart().id());
		return new Placed(checkoutId, List.copyOf(numbers), total, input.payment(), payment);
	}

	/** A checkout as its confirmation page shows it (the id is the buyer's secret). */
	@Transactional(readOnly = true)
	public java.util.Optional<Placed> placed(UUID checkoutId) {
		return this.jdbc.sql("""
				SELECT payment_method, goods_fen + shipping_fen FROM storefront_checkout WHERE id = ?
				""").param(checkoutId).query((rs, row) -> {
			PaymentMethod method = PaymentMethod.valueOf(rs.getString(1));
			BigDecimal total = BigDecimal.valueOf(rs.getLong(2)).movePointLeft(2);
			List<String> numbers = this.jdbc
				.sql("SELECT order_no FROM storefront_order WHERE checkout_id = ? ORDER BY order_no")
				.param(checkoutId)
				.query(String.class)
				.list();
			return new Placed(checkoutId, numbers, total, method, null);
		}).optional();
	}

	private String nextOrderNo() {
		LocalDate day = LocalDate.now(this.clock.withZone(CHINA));
		int next = this.jdbc.sql("""
				INSERT INTO storefront_order_serial (day, last_no) VALUES (?, 1)
				ON CONFLICT (day) DO UPDATE SET last_no = storefront_order_serial.last_no + 1
				RETURNING last_no
				""").param(day).query(Integer.class).single();
		return "LS" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%05d", next);
	}

	private static String title(CartView.Line line) {
		String title = line.nameZh() + ((line.specification() != null) ? " " + line.specification() : "");
		return (title.length() > 200) ? title.substring(0, 200) : title;
	}

	private static String required(String text, int max, String key) {
		if (text == null || text.isBlank() || text.strip().length() > max) {
			throw StorefrontException.because(key);
		}
		return text.strip();
	}

	static long fen(BigDecimal yuan) {
		return (yuan == null) ? 0 : yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	/**
	 * What is kept to find an order by its phone without keeping the phone again: a
	 * SHA-256 of the order's number (or the checkout's id) and the number.
	 */
	static String digest(String salt, String phone) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest((salt + ":" + phone).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
