package org.farmgate.orders;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.CatalogException;
import org.farmgate.catalog.ListingInput;
import org.farmgate.catalog.ListingManagement;
import org.farmgate.orders.channels.ChannelOrder;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;

import org.farmgate.web.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders of the user's scope (a merchant's organisation, an operator's county): the
 * inbox query with its filters and paging, one order, and taking an order from an
 * integration.
 */
@Service
public class OrderManagement {

	private static final int RECHECK_BATCH = 2_000;

	/** The last page the inbox pages to (20 orders a page: 2 million orders). */
	static final int MAX_PAGE = 100_000;

	private final OrderRepository orders;

	private final OrderIntake intake;

	private final RegistryManagement registry;

	private final JdbcClient jdbc;

	private final ListingManagement listings;

	OrderManagement(OrderRepository orders, OrderIntake intake, RegistryManagement registry, JdbcClient jdbc,
			ListingManagement listings) {
		this.listings = listings;
		this.orders = orders;
		this.intake = intake;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	/** One page of the orders the user sees, newest first, and how many match in all. */
	@Transactional(readOnly = true)
	public PageOf<OrderView> orders(SignedInUser user, OrderQuery query) {
		requireReader(user);
		StringBuilder where = new StringBuilder();
		List<Object> params = new ArrayList<>();
		if (user.role() == Role.MERCHANT) {
			where.append("organisation_id = ?");
			params.add(user.scope().organisationId());
		}
		else {
			where.append("county_code = ?");
			params.add(user.scope().countyCode());
		}
		if (query.shopId() != null) {
			where.append(" AND shop_id = ?");
			params.add(query.shopId());
		}
		if (query.platformOrderNo() != null && !query.platformOrderNo().isBlank()) {
			where.append(" AND platform_order_no = ?");
			params.add(query.platformOrderNo().strip());
		}
		if (query.status() != null) {
			where.append(" AND status = ?");
			params.add(query.status().name());
		}
		if (query.afterSale() != null) {
			where.append(" AND after_sale = ?");
			params.add(query.afterSale().name());
		}
		if (query.heldOnly()) {
			where.append(" AND holds <> ''");
		}
		if (query.from() != null) {
			where.append(" AND created_at >= ?");
			params.add(Timestamp.from(query.from().atStartOfDay(OrderTimes.CHINA).toInstant()));
		}
		if (query.to() != null) {
			where.append(" AND created_at < ?");
			params.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(OrderTimes.CHINA).toInstant()));
		}
		String search = (query.search() != null) ? query.search().strip() : "";
		if (user.role() == Role.ANALYST && !search.isEmpty()) {
			// an analyst finds orders by number only, never by who receives them
			where.append(" AND platform_order_no = ?");
			params.add(search);
			search = "";
		}
		if (!search.isEmpty()) {
			if (search.matches("\\d{4}")) {
				// the last four digits of the recipient's phone, or the end of an order
				// number
				where.append(" AND (right(recipient_phone, 4) = ? OR platform_order_no LIKE ?)");
				params.add(search);
				params.add("%" + search);
			}
			else {
				where.append(" AND (platform_order_no = ? OR recipient_name = ?)");
				params.add(search);
				params.add(search);
			}
		}
		int total = this.jdbc.sql("SELECT count(*) FROM orders_order WHERE " + where)
			.params(params)
			.query(Integer.class)
			.single();
		int page = Math.max(0, Math.min(query.page(), MAX_PAGE));
		List<Object> paged = new ArrayList<>(params);
		paged.add(OrderQuery.PAGE_SIZE);
		paged.add(page * OrderQuery.PAGE_SIZE);
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM orders_order WHERE " + where
					+ " ORDER BY created_at DESC NULLS LAST, platform_order_no DESC LIMIT ? OFFSET ?")
			.params(paged)
			.query(UUID.class)
			.list();
		Map<UUID, Order> found = this.orders.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Order::id, Function.identity()));
		List<OrderView> items = ids.stream().map(found::get).map(order -> view(user, order)).toList();
		return new PageOf<>(items, page, Math.max(1, (total + OrderQuery.PAGE_SIZE - 1) / OrderQuery.PAGE_SIZE), total);
	}

	@Transactional(readOnly = true)
	public Optional<OrderView> order(SignedInUser user, UUID id) {
		requireReader(user);
		return this.orders.findById(id).filter(order -> sees(user, order)).map(order -> view(user, order));
	}

	/**
	 * Looks again at held orders the user chose (after stock came in, or a listing was
	 * added): answers how many moved.
	 */
	public int recheck(SignedInUser user, List<UUID> orderIds) {
		OrderRoles.requireWriter(user, "does not process orders");
		UUID[] chosen = orderIds.stream().distinct().limit(OrderQuery.PAGE_SIZE * 5L).toArray(UUID[]::new);
		List<UUID> visible = (user.role() == Role.MERCHANT)
				? this.jdbc.sql("SELECT id FROM orders_order WHERE id = ANY(?) AND organisation_id = ?")
					.params(chosen, user.scope().organisationId())
					.query(UUID.class)
					.list()
				: this.jdbc.sql("SELECT id FROM orders_order WHERE id = ANY(?) AND county_code = ?")
					.params(chosen, user.scope().countyCode())
					.query(UUID.class)
					.list();
		return recheckInBatches(visible);
	}

	/**
	 * Maps an unmatched line of a held order to one of the organisation's SKUs, once: a
	 * listing is created in the order's shop (by the line's item id, or its title when
	 * the export has none, with its merchant code), and every order of the shop waiting
	 * on an unmatched line is looked at again, so that the holds it cleared are released.
	 * @return how many waiting orders moved
	 */
	public int mapLine(SignedInUser user, UUID orderId, String lineKey, UUID skuId) {
		OrderRoles.requireWriter(user, "does not map order lines");
		Order order = this.orders.findById(orderId)
			.filter(found -> sees(user, found))
			.orElseThrow(OrderException::notFound);
		OrderLine line = order.lines().get(lineKey);
		if (line == null) {
			throw OrderException.notFound();
		}
		if (line.skuId() != null) {
			throw OrderException.because("orders.map.already");
		}
		String itemId = (line.itemId() != null && !line.itemId().isBlank()) ? line.itemId()
				: "title-" + Integer.toHexString(String.valueOf(line.title()).hashCode());
		String title = (line.title() != null && !line.title().isBlank()) ? line.title() : itemId;
		try {
			this.listings.list(user, new ListingInput(skuId, order.shopId(), itemId, line.platformSkuId(),
					(line.merchantCode() != null && line.merchantCode().length() <= 64) ? line.merchantCode() : null,
					(title.length() > 200) ? title.substring(0, 200) : title));
		}
		catch (CatalogException ex) {
			throw OrderException.because(ex.messageKey(), ex.arguments());
		}
		List<UUID> waiting = this.jdbc
			.sql("SELECT id FROM orders_order WHERE shop_id = ? AND holds LIKE '%UNMATCHED_LINE%' ORDER BY created_at")
			.param(order.shopId())
			.query(UUID.class)
			.list();
		return recheckInBatches(waiting);
	}

	/**
	 * Looks again at held orders 2,000 at a time (after a big import thousands may wait
	 * on one line), one by one only where a batch met a change made meanwhile; answers
	 * how many moved.
	 */
	private int recheckInBatches(List<UUID> orderIds) {
		int moved = 0;
		for (int from = 0; from < orderIds.size(); from += RECHECK_BATCH) {
			List<UUID> batch = orderIds.subList(from, Math.min(orderIds.size(), from + RECHECK_BATCH));
			try {
				moved += OrderConflicts.retried(() -> this.intake.recheckAll(batch));
			}
			catch (RuntimeException ex) {
				for (UUID id : batch) {
					if (this.intake.recheck(id)) {
						moved++;
					}
				}
			}
		}
		return moved;
	}

	/**
	 * An order as the user may see it: analysts (statistics, not fulfilment) see where it
	 * goes but not to whom: the recipient's name, address, phone and the buyer's words
	 * are left out.
	 */
	private static OrderView view(SignedInUser user, Order order) {
		OrderView view = order.toView();
		if (user.role() != Role.ANALYST) {
			return view;
		}
		return new OrderView(view.id(), view.shopId(), view.organisationId(), view.platform(), view.platformOrderNo(),
				null, null, null, view.createdAt(), view.paidAt(), view.shippedAt(), view.completedAt(), view.status(),
				view.afterSale(), view.holds(), view.goodsAmount(), view.shippingFee(), view.discount(),
				view.paidAmount(), view.refundedAmount(), null, null, null, view.destination(), view.lines(),
				view.history());
	}

	private static boolean sees(SignedInUser user, Order order) {
		if (user.role() == Role.MERCHANT) {
			return order.organisationId().equals(user.scope().organisationId());
		}
		return order.countyCode().equals(user.scope().countyCode());
	}

	private static void requireReader(SignedInUser user) {
		switch (user.role()) {
			case ADMIN, OPERATOR, ANALYST, MERCHANT -> {
			}
			default -> throw new AccessDeniedException("role " + user.role() + " does not read orders");
		}
	}

}
