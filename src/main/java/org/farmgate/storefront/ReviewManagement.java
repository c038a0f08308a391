package org.farmgate.storefront;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.orders.OrderFulfilment;
import org.farmgate.orders.ShippableOrder;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buyers' reviews: one per line of a delivered storefront order (the buyer proved the
 * order by its number and phone first), 1–5 stars and up to 500 characters of text kept
 * as typed and always shown escaped; nothing is public before an operator approves it.
 */
@Service
public class ReviewManagement {

	private final JdbcClient jdbc;

	private final OrderFulfilment fulfilment;

	private final SkuManagement skus;

	private final Clock clock;

	ReviewManagement(JdbcClient jdbc, OrderFulfilment fulfilment, SkuManagement skus, Clock clock) {
		this.jdbc = jdbc;
		this.fulfilment = fulfilment;
		this.skus = skus;
		this.clock = clock;
	}

	/**
	 * A review of a line of an order the buyer found (by number and phone) in this
	 * browser session.
	 */
	@Transactional
	public UUID review(String orderNo, String lineKey, int rating, String text) {
		if (rating < 1 || rating > 5) {
			throw StorefrontException.because("storefront.review.rating");
		}
		String words = (text == null || text.isBlank()) ? null : text.strip();
		if (words != null && words.length() > 500) {
			throw StorefrontException.because("storefront.review.too-long");
		}
		Map<String, Object> order = this.jdbc
			.sql("SELECT o.order_id, c.recipient_name, c.county_code FROM storefront_order o"
					+ " JOIN storefront_checkout c ON c.id = o.checkout_id WHERE o.order_no = ?")
			.param(orderNo)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(StorefrontException::notFound);
		ShippableOrder placed = this.fulfilment.order((UUID) order.get("order_id"))
			.orElseThrow(StorefrontException::notFound);
		if (placed.status() != org.farmgate.orders.OrderStatus.DELIVERED
				&& placed.status() != org.farmgate.orders.OrderStatus.COMPLETED) {
			throw StorefrontException.because("storefront.review.not-delivered");
		}
		ShippableOrder.Line line = placed.lines()
			.stream()
			.filter(found -> found.lineKey().equals(lineKey))
			.findFirst()
			.orElseThrow(StorefrontException::notFound);
		UUID product = this.skus.saleable(List.of(line.skuId()))
			.stream()
			.findFirst()
			.orElseThrow(StorefrontException::notFound)
			.productId();
		UUID id = UUID.randomUUID();
		int inserted = this.jdbc
			.sql("""
					INSERT INTO storefront_review (id, order_no, line_key, product_id, county_code, rating, text, buyer, status,
					       created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) ON CONFLICT ON CONSTRAINT storefront_review_line_uq DO NOTHING
					""")
			.params(id, orderNo, lineKey, product, order.get("county_code"), rating, words,
					masked((String) order.get("recipient_name")), Timestamp.from(this.clock.instant()))
			.update();
		if (inserted == 0) {
			throw StorefrontException.because("storefront.review.already");
		}
		return id;
	}

	/** The approved reviews of a product, newest first (at most 20). */
	@Transactional(readOnly = true)
	public List<ReviewView> approved(UUID productId) {
		return this.jdbc.sql(SELECT + "WHERE product_id = ? AND status = 'APPROVED' ORDER BY created_at DESC LIMIT 20")
			.param(productId)
			.query(ReviewManagement::view)
			.list();
	}

	/** The reviews waiting for moderation in the operator's county, oldest first. */
	@Transactional(readOnly = true)
	public List<ReviewView> pending(SignedInUser user) {
		requireModerator(user);
		return this.jdbc.sql(SELECT + "WHERE county_code = ? AND status = 'PENDING' ORDER BY created_at LIMIT 200")
			.param(user.scope().countyCode())
			.query(ReviewManagement::view)
			.list();
	}

	/** Approves or rejects a pending review. */
	@Transactional
	public void moderate(SignedInUser user, UUID reviewId, boolean approve) {
		requireModerator(user);
		int changed = this.jdbc.sql("""
				UPDATE storefront_review SET status = ?, moderated_by = ?, moderated_at = ?
				 WHERE id = ? AND county_code = ? AND status = 'PENDING'
				""")
			.params(approve ? "APPROVED" : "REJECTED", user.getUsername(), Timestamp.from(this.clock.instant()),
					reviewId, user.scope().countyCode())
			.update();
		if (changed == 0) {
			throw StorefrontException.notFound();
		}
	}

	private static void requireModerator(SignedInUser user) {
		if (user.role() != Role.OPERATOR && user.role() != Role.ADMIN) {
			throw new AccessDeniedException("role " + user.role() + " does not moderate reviews");
		}
	}

	/** A buyer's name as reviews show it: the family name and a star (张*). */
	static String masked(String name) {
		if (name == null || name.isBlank()) {
			return "*";
		}
		String stripped = name.strip();
		return stripped.substring(0, stripped.offsetByCodePoints(0, 1)) + "*";
	}

	private static final String SELECT = """
			SELECT id, product_id, order_no, rating, text, buyer, status, created_at FROM storefront_review
			""";

	private static ReviewView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ReviewView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
	}

}
