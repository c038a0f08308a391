package org.farmgate.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.farmgate.catalog.ListingManagement;
import org.farmgate.catalog.ListingMatch;
import org.farmgate.catalog.OrderLineKey;
import org.farmgate.catalog.StockManagement;
import org.farmgate.geo.AddressResolver;
import org.farmgate.orders.OrderTaking.Outcome;
import org.farmgate.orders.OrderTaking.Taken;
import org.farmgate.orders.channels.ChannelOrder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Takes orders as channels report them, each order written whole or not at all: one at a
 * time in a transaction of its own (webhooks, the API, and an import chunk that could not
 * be taken whole), or a whole import chunk at once in one transaction (read in bulk,
 * written with COPY, its moves published as one {@link OrdersImported}). What taking does
 * to an order is {@link OrderTaking}'s.
 */
@Component
class OrderIntake {

	/** What a chunk did: orders created, updated, unchanged, and those refused. */
	record ChunkTaken(int created, int updated, int unchanged, List<ChannelOrder> refused) {
	}

	private final OrderRepository orders;

	private final OrderRows rows;

	private final ListingManagement listings;

	private final StockManagement stock;

	private final ObjectProvider<AddressResolver> resolver;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcClient jdbc;

	OrderIntake(OrderRepository orders, OrderRows rows, ListingManagement listings, StockManagement stock,
			ObjectProvider<AddressResolver> resolver, ApplicationEventPublisher events, Clock clock, JdbcClient jdbc) {
		this.orders = orders;
		this.rows = rows;
		this.listings = listings;
		this.stock = stock;
		this.resolver = resolver;
		this.events = events;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** Looks things up as they are now, every time. */
	OrderTaking.Lookups direct() {
		return new OrderTaking.Lookups(key -> this.listings.match(key).map(ListingMatch::skuId),
				address -> this.resolver.getObject().resolve(address), this.stock::lastCountedAt, () -> {
				});
	}

	/**
	 * What an import job remembers across its chunks: the SKU found for each kind of line
	 * (a listing removed while the job runs is seen by the next job), and its stock turn:
	 * a chunk that touches stock holds it until its transaction ends, so that the job's
	 * chunks taken side by side never wait on each other's stock rows.
	 */
	static final class JobMemory {

		private final Map<OrderLineKey, UUID> found = new ConcurrentHashMap<>();

		private final ReentrantLock stockTurn = new ReentrantLock();

	}

	JobMemory jobMemory() {
		return new JobMemory();
	}

	/**
	 * Lookups for one chunk of a job: SKUs found earlier in the job are taken from its
	 * memory; a line that matches nothing, and a SKU's last count, are looked up once per
	 * chunk (a listing the merchant adds, or a count made, while the job runs is seen by
	 * the chunks after it).
	 */
	OrderTaking.Lookups remembering(JobMemory job) {
		Map<OrderLineKey, Optional<UUID>> chunk = new HashMap<>();
		Map<UUID, Optional<Instant>> counts = new HashMap<>();
		return new OrderTaking.Lookups(key -> {
			UUID known = job.found.get(key);
			if (known != null) {
				return Optional.of(known);
			}
			Optional<UUID> match = chunk.computeIfAbsent(key, k -> this.listings.match(k).map(ListingMatch::skuId));
			if (match.isPresent() && job.found.size() < 50_000) {
				job.found.put(key, match.get());
			}
			return match;
		}, address -> this.resolver.getObject().resolve(address),
				sku -> counts.computeIfAbsent(sku, this.stock::lastCountedAt), () -> {
					if (job.stockTurn.isHeldByCurrentThread()) {
						return;
					}
					if (!TransactionSynchronizationManager.isSynchronizationActive()) {
						throw new IllegalStateException("an import touches stock only in a transaction");
					}
					job.stockTurn.lock();
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
						@Override
						public void afterCompletion(int status) {
							job.stockTurn.unlock();
						}
					});
				});
	}

	/**
	 * Takes one order of an import job (a chunk taken order by order) in a transaction of
	 * its own, with the chunk's lookups; its moves are published as an
	 * {@link OrdersImported}, as the chunk's would have been.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	Outcome takeImported(ShopContext shop, ChannelOrder offered, UUID jobId, OrderTaking.Lookups lookups) {
		return takeOne(shop, offered, StatusChange.ChangeSource.IMPORT, "import:" + jobId, lookups,
				taken -> this.events.publishEvent(OrdersImported.of(jobId, shop, taken.eventsAndRetelling())))
			.outcome();
	}

	/**
	 * Takes one order in the caller's transaction (webhooks and the API): one connection
	 * a request, so that calls waiting on each other (one Idempotency-Key) never hold
	 * every connection while the one they wait for needs a second; the order is written
	 * and answered with what the caller writes. Answers the order as it now is.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Order takeInCallersTransaction(ShopContext shop, ChannelOrder offered, StatusChange.ChangeSource source,
			String sourceRef) {
		return takeOne(shop, offered, source, sourceRef, direct(), this::publishEach).order();
	}

	/**
	 * Moves an order on from the county's fulfilment, in the caller's transaction: the
	 * status only forward, shipped stock committed, the move's events published. Answers
	 * whether it moved.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean fulfil(Order order, OrderStatus next, String sourceRef) {
		OrderStatus before = order.status();
		AfterSaleStatus afterBefore = order.afterSale();
		Instant now = this.clock.instant();
		if (!order.fulfil(next, StatusChange.ChangeSource.USER, sourceRef, now)) {
			return false;
		}
		OrderTaking.Rechecked rechecked = new OrderTaking(direct(), this.stock).recheck(order, now);
		this.orders.save(order);
		publishEach(OrderTaking.events(order, before, afterBefore, now));
		toldAgain(List.of(rechecked));
		return true;
	}

	private void publishEach(List<Object> moves) {
		moves.forEach(this.events::publishEvent);
	}

	/**
	 * A webhook's or API call's moves one by one (a payment alerts the merchant), and a
	 * payment told again as a restatement (it alerts nobody).
	 */
	private void publishEach(Taken taken) {
		publishEach(taken.events());
		if (taken.toldAgain() != null) {
			restate(List.of(taken.toldAgain()));
		}
	}

	private Taken takeOne(ShopContext shop, ChannelOrder offered, StatusChange.ChangeSource source, String sourceRef,
			OrderTaking.Lookups lookups, Consumer<Taken> publish) {
		ChannelOrder channel = OrderFit.fitted(offered);
		if (source == StatusChange.ChangeSource.IMPORT) {
			commitWithoutWaitingForTheDisk();
		}
		Order known = this.orders.findByPlatformOrderNo(shop.shopId(), channel.platformOrderNo()).orElse(null);
		Taken taken = new OrderTaking(lookups, this.stock).take(shop, known, channel, source, sourceRef,
				this.clock.instant());
		if (taken.outcome() != Outcome.UNCHANGED) {
			this.orders.save(taken.order());
			if (!taken.eventsAndRetelling().isEmpty()) {
				publish.accept(taken);
			}
		}
		return taken;
	}

	/**
	 * Takes a chunk of an import job's orders in one transaction: the stored ones read at
	 * once, each taken as {@link #takeImported} would, the new and changed ones written
	 * at once. Orders that cannot be fitted are refused and left out; anything else that
	 * goes wrong (an order written meanwhile by a webhook, a value the database refuses)
	 * rolls the whole chunk back, for the caller to take it order by order.
	 * {@code counted} runs last, in the chunk's transaction (the job's progress moves
	 * with the orders it counts); what it throws rolls the chunk back too.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	ChunkTaken takeAll(ShopContext shop, List<ChannelOrder> chunk, UUID jobId, OrderTaking.Lookups lookups,
			Runnable counted) {
		commitWithoutWaitingForTheDisk();
		String sourceRef = "import:" + jobId;
		List<ChannelOrder> fitted = new ArrayList<>(chunk.size());
		List<ChannelOrder> refused = new ArrayList<>();
		for (ChannelOrder order : chunk) {
			try {
				fitted.add(OrderFit.fitted(order));
			}
			catch (OrderException ex) {
				refused.add(order);
			}
		}
		Map<String, Order> working = this.rows.load(shop.shopId(),
				fitted.stream().map(ChannelOrder::platformOrderNo).distinct().toList());
		Set<Order> stored = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		stored.addAll(working.values());
		Set<Order> touched = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		List<Object> moves = new ArrayList<>();
		OrderTaking taking = new OrderTaking(lookups, this.stock);
		Instant now = this.clock.instant();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (ChannelOrder channel : fitted) {
			Taken taken = taking.take(shop, working.get(channel.platformOrderNo()), channel,
					StatusChange.ChangeSource.IMPORT, sourceRef, now);
			switch (taken.outcome()) {
				case CREATED -> created++;
				case UPDATED -> updated++;
				case UNCHANGED -> unchanged++;
			}
			if (taken.outcome() != Outcome.UNCHANGED) {
				working.put(channel.platformOrderNo(), taken.order());
				touched.add(taken.order());
				moves.addAll(taken.eventsAndRetelling());
			}
		}
		List<Order> createdOrders = touched.stream().filter(order -> !stored.contains(order)).toList();
		List<Order> changedOrders = touched.stream().filter(stored::contains).toList();
		this.rows.write(createdOrders, changedOrders);
		if (!moves.isEmpty()) {
			this.events.publishEvent(OrdersImported.of(jobId, shop, moves));
		}
		counted.run();
		return new ChunkTaken(created, updated, unchanged, refused);
	}

	/**
	 * Looks again at a held order after something changed around it (a line mapped, stock
	 * received): matches its lines, reserves its stock; answers whether it moved.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean recheck(UUID orderId) {
		Order order = this.orders.findById(orderId).orElse(null);
		if (order == null) {
			return false;
		}
		OrderTaking.Rechecked rechecked = new OrderTaking(direct(), this.stock).recheck(order, this.clock.instant());
		if (!rechecked.moved()) {
			return false;
		}
		this.orders.save(order);
		toldAgain(List.of(rechecked));
		return true;
	}

	/**
	 * Looks again at many held orders at once (a line was mapped): read in three queries,
	 * matched and kept in stock as {@link #recheck} would, the ones that moved written at
	 * once; answers how many moved. An order changed meanwhile fails the whole call, for
	 * the caller to look at these orders one by one.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	int recheckAll(List<UUID> orderIds) {
		OrderTaking taking = new OrderTaking(remembering(jobMemory()), this.stock);
		Instant now = this.clock.instant();
		List<Order> moved = new ArrayList<>();
		List<OrderTaking.Rechecked> rechecked = new ArrayList<>();
		for (Order order : this.rows.loadByIds(orderIds)) {
			OrderTaking.Rechecked one = taking.recheck(order, now);
			if (one.moved()) {
				moved.add(order);
				rechecked.add(one);
			}
		}
		this.rows.write(List.of(), moved);
		toldAgain(rechecked);
		return moved.size();
	}

	/**
	 * Tells the payments of orders whose lines changed as they now stand, as a
	 * restatement (for the statistics; not a new payment to alert of).
	 */
	private void toldAgain(List<OrderTaking.Rechecked> rechecked) {
		restate(rechecked.stream().map(OrderTaking.Rechecked::toldAgain).filter(java.util.Objects::nonNull).toList());
	}

	/**
	 * Publishes payments told again as one restatement (for the statistics; nobody is
	 * alerted), when there are any.
	 */
	private void restate(List<OrderPaid> paid) {
		if (!paid.isEmpty()) {
			this.events.publishEvent(new OrdersRestated(UUID.randomUUID(), paid, List.of(), List.of()));
		}
	}

	/**
	 * An import's orders need not wait for the disk: if the machine stops, the job runs
	 * again and takes what was lost (taking is idempotent); webhook and API orders are
	 * answered only once they are on disk.
	 */
	private void commitWithoutWaitingForTheDisk() {
		this.jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
	}

}
