package org.farmgate.storefront;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.farmgate.catalog.SaleableSku;
import org.farmgate.catalog.SkuManagement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guests' carts, kept in the database under a random id the browser keeps in a cookie, so
 * that a cart survives closing the browser: SKUs of the county and their units (1–99
 * each, 50 lines at most). Prices are never stored: the cart shows today's.
 */
@Service
public class CartManagement {

	static final int MAX_LINES = 50;

	static final int MAX_UNITS = 99;

	private final JdbcClient jdbc;

	private final SkuManagement skus;

	private final Clock clock;

	private final String county;

	CartManagement(JdbcClient jdbc, SkuManagement skus, Clock clock,
			@Value("${farmgate.storefront.county:${farmgate.demo-county.code:520122}}") String county) {
		this.jdbc = jdbc;
		this.skus = skus;
		this.clock = clock;
		this.county = county;
	}

	/** The county whose products the storefront sells. */
	public String county() {
		return this.county;
	}

	/**
	 * Adds units of a SKU to the cart (made when there is none yet); answers the cart's
	 * id.
	 */
	@Transactional
	public UUID add(UUID cartId, UUID skuId, int quantity) {
		if (quantity < 1 || quantity > MAX_UNITS) {
			throw StorefrontException.because("storefront.cart.quantity", MAX_UNITS);
		}
		saleable(skuId).orElseThrow(() -> StorefrontException.because("storefront.cart.not-sold"));
		UUID cart = existing(cartId).orElseGet(this::open);
		this.jdbc.sql("SELECT id FROM storefront_cart WHERE id = ? FOR UPDATE").param(cart).query(UUID.class).single();
		int lines = this.jdbc.sql("SELECT count(*) FROM storefront_cart_line WHERE cart_id = ? AND sku_id <> ?")
			.params(cart, skuId)
			.query(Integer.class)
			.single();
		if (lines >= MAX_LINES) {
			throw StorefrontException.because("storefront.cart.full", MAX_LINES);
		}
		this.jdbc.sql("""
				INSERT INTO storefront_cart_line (cart_id, sku_id, quantity, added_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (cart_id, sku_id) DO UPDATE
				   SET quantity = least(storefront_cart_line.quantity + EXCLUDED.quantity, 99)
				""").params(cart, skuId, quantity, Timestamp.from(this.clock.instant())).update();
		touch(cart);
		return cart;
	}

	/** Sets a line's units (0 removes it). */
	@Transactional
	public void change(UUID cartId, UUID skuId, int quantity) {
		if (quantity < 0 || quantity > MAX_UNITS) {
			throw StorefrontException.because("storefront.cart.quantity", MAX_UNITS);
		}
		UUID cart = existing(cartId).orElseThrow(StorefrontException::notFound);
		if (quantity == 0) {
			this.jdbc.sql("DELETE FROM storefront_cart_line WHERE cart_id = ? AND sku_id = ?")
				.params(cart, skuId)
				.update();
		}
		else {
			this.jdbc.sql("UPDATE storefront_cart_line SET quantity = ? WHERE cart_id = ? AND sku_id = ?")
				.params(quantity, cart, skuId)
				.update();
		}
		touch(cart);
	}

	/** The cart with today's prices (empty when there is none). */
	@Transactional(readOnly = true)
	public CartView cart(UUID cartId) {
		Optional<UUID> cart = existing(cartId);
		if (cart.isEmpty()) {
			return CartView.empty();
		}
		Map<UUID, Integer> units = new java.util.LinkedHashMap<>();
		this.jdbc.sql("SELECT sku_id, quantity FROM storefront_cart_line WHERE cart_id = ? ORDER BY added_at")
			.param(cart.get())
			.query(rs -> {
				units.put(rs.getObject(1, UUID.class), rs.getInt(2));
			});
		Map<UUID, SaleableSku> skus = this.skus.saleable(units.keySet())
			.stream()
			.filter(sku -> sku.countyCode().equals(this.county) && sku.price() != null)
			.collect(Collectors.toMap(SaleableSku::skuId, Function.identity()));
		List<CartView.Line> lines = units.entrySet()
			.stream()
			.filter(entry -> skus.containsKey(entry.getKey()))
			.map(entry -> {
				SaleableSku sku = skus.get(entry.getKey());
				return new CartView.Line(sku.skuId(), sku.productId(), sku.organisationId(), sku.nameZh(), sku.nameEn(),
						sku.nameFr(), sku.specification(), sku.unit(), sku.netWeightGrams(), sku.price(),
						entry.getValue());
			})
			.sorted(Comparator.comparing((CartView.Line line) -> line.organisationId().toString()))
			.toList();
		BigDecimal goods = lines.stream().map(CartView.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new CartView(cart.get(), lines, goods, lines.stream().mapToInt(CartView.Line::quantity).sum(),
				units.size() - lines.size());
	}

	/** How many units the cart holds (for the shop bar). */
	@Transactional(readOnly = true)
	public int units(UUID cartId) {
		if (cartId == null) {
			return 0;
		}
		return this.jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM storefront_cart_line WHERE cart_id = ?")
			.param(cartId)
			.query(Integer.class)
			.single();
	}

	/** Empties the cart (after a checkout). */
	@Transactional
	public void empty(UUID cartId) {
		this.jdbc.sql("DELETE FROM storefront_cart_line WHERE cart_id = ?").param(cartId).update();
	}

	Optional<SaleableSku> saleable(UUID skuId) {
		return this.skus.saleable(List.of(skuId))
			.stream()
			.filter(sku -> sku.countyCode().equals(this.county) && sku.price() != null)
			.findFirst();
	}

	private Optional<UUID> existing(UUID cartId) {
		if (cartId == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT id FROM storefront_cart WHERE id = ?").param(cartId).query(UUID.class).optional();
	}

	private UUID open() {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("INSERT INTO storefront_cart (id, county_code, created_at, updated_at) VALUES (?, ?, ?, ?)")
			.params(id, this.county, now, now)
			.update();
		return id;
	}

	private void touch(UUID cart) {
		this.jdbc.sql("UPDATE storefront_cart SET updated_at = ? WHERE id = ?")
			.params(Timestamp.from(this.clock.instant()), cart)
			.update();
	}

}
