package org.farmgate.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.farmgate.orders.channels.ChannelLine;
import org.farmgate.orders.channels.ChannelOrder;
import org.farmgate.registry.PhoneNumber;
import org.farmgate.registry.Platform;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order of one shop, in the unified lifecycle. The aggregate takes what a channel says
 * and keeps only what moves it forward: a status never goes back, an after-sale state is
 * not undone by an older file, a masked or missing value never replaces a real one; every
 * move is kept with its source.
 */
@Table("orders_order")
class Order {

	@Id
	private final UUID id;

	private final String countyCode;

	private final UUID organisationId;

	private final UUID shopId;

	private final Platform platform;

	private final String platformOrderNo;

	private String buyerNickname;

	private String buyerMessage;

	private String sellerMemo;

	private Instant createdAt;

	private Instant paidAt;

	private Instant shippedAt;

	private Instant completedAt;

	private OrderStatus status;

	private AfterSaleStatus afterSale;

	private String holds;

	private BigDecimal goodsAmount;

	private BigDecimal shippingFee;

	private BigDecimal discount;

	private BigDecimal paidAmount;

	private BigDecimal refundedAmount;

	private String recipientName;

	private String recipientPhone;

	private String rawAddress;

	private String provinceCode;

	private String cityCode;

	private String destinationCode;

	private String destinationStatus;

	private final Instant firstSeenAt;

	private Instant updatedAt;

	@MappedCollection(idColumn = "order_id", keyColumn = "line_key")
	private Map<String, OrderLine> lines;

	@MappedCollection(idColumn = "order_id", keyColumn = "position")
	private List<StatusChange> history;

	@Version
	private Integer version;

	@PersistenceCreator
	Order(UUID id, String countyCode, UUID organisationId, UUID shopId, Platform platform, String platformOrderNo,
			String buyerNickname, String buyerMessage, String sellerMemo, Instant createdAt, Instant paidAt,
			Instant shippedAt, Instant completedAt, OrderStatus status, AfterSaleStatus afterSale, String holds,
			BigDecimal goodsAmount, BigDecimal shippingFee, BigDecimal discount, BigDecimal paidAmount,
			BigDecimal refundedAmount, String recipientName, String recipientPhone, String rawAddress,
			String provinceCode, String cityCode, String destinationCode, String destinationStatus, Instant firstSeenAt,
			Instant updatedAt, Map<String, OrderLine> lines, List<StatusChange> history, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.organisationId = organisationId;
		this.shopId = shopId;
		this.platform = platform;
		this.platformOrderNo = platformOrderNo;
		this.buyerNickname = buyerNickname;
		this.buyerMessage = buyerMessage;
		this.sellerMemo = sellerMemo;
		this.createdAt = createdAt;
		this.paidAt = paidAt;
		this.shippedAt = shippedAt;
		this.completedAt = completedAt;
		this.status = status;
		this.afterSale = afterSale;
		this.holds = (holds != null) ? holds : "";
		this.goodsAmount = goodsAmount;
		this.shippingFee = shippingFee;
		this.discount = discount;
		this.paidAmount = paidAmount;
		this.refundedAmount = refundedAmount;
		this.recipientName = recipientName;
		this.recipientPhone = recipientPhone;
		this.rawAddress = rawAddress;
		this.provinceCode = provinceCode;
		this.cityCode = cityCode;
		this.destinationCode = destinationCode;
		this.destinationStatus = destinationStatus;
		this.firstSeenAt = firstSeenAt;
		this.updatedAt = updatedAt;
		this.lines = new LinkedHashMap<>((lines != null) ? lines : Map.of());
		this.history = new ArrayList<>((history != null) ? history : List.of());
		this.version = version;
	}

	/**
	 * The order's own columns, in the order of {@link OrderRows#ORDER_COLUMNS}, then the
	 * given version (the one read, or 0 for an order not stored yet).
	 */
	Object[] columns(int version) {
		return new Object[] { this.id, this.countyCode, this.organisationId, this.shopId, this.platform,
				this.platformOrderNo, this.buyerNickname, this.buyerMessage, this.sellerMemo, this.createdAt,
				this.paidAt, this.shippedAt, this.completedAt, this.status, this.afterSale, this.holds,
				this.goodsAmount, this.shippingFee, this.discount, this.paidAmount, this.refundedAmount,
				this.recipientName, this.recipientPhone, this.rawAddress, this.provinceCode, this.cityCode,
				this.destinationCode, this.destinationStatus, this.firstSeenAt, this.updatedAt, version };
	}

	/** Puts in the lines and history read apart from the order (bulk reading). */
	void loaded(Map<String, OrderLine> lines, List<StatusChange> history) {
		this.lines = new LinkedHashMap<>(lines);
		this.history = new ArrayList<>(history);
	}

	/** The status history, oldest first (a read-only view, not a copy). */
	List<StatusChange> history() {
		return java.util.Collections.unmodifiableList(this.history);
	}

	/** The version stored (null for an order not stored yet). */
	Integer version() {
		return this.version;
	}

	/** A new order, as a channel first reports it. */
	static Order receive(String countyCode, UUID organisationId, UUID shopId, ChannelOrder channel,
			StatusChange.ChangeSource source, String sourceRef, Instant now) {
		Order order = new Order(timeOrderedId(now), countyCode, organisationId, shopId, channel.platform(),
				channel.platformOrderNo(), null, null, null, null, null, null, null, channel.status(),
				channel.afterSale(), "", null, null, null, null, null, null, null, null, null, null, null, null, now,
				now, Map.of(), List.of(), null);
		order.history.add(new StatusChange(null, channel.status(), channel.afterSale(), now, source, sourceRef));
		order.takeDetails(channel);
		return order;
	}

	/**
	 * A random id that starts with the time it was made (the layout of UUID version 7):
	 * orders made together sit together in the indexes of their id, so that writing
	 * thousands at once touches few pages.
	 */
	static UUID timeOrderedId(Instant now) {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		long high = (now.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	/**
	 * Takes what a later report says. Answers the status move made (or null): the status
	 * moves only forward, the after-sale state only away from NONE or towards a settled
	 * state; details fill gaps and never give way to masked or missing values.
	 * @return whether anything changed
	 */
	boolean update(ChannelOrder channel, StatusChange.ChangeSource source, String sourceRef, Instant now) {
		boolean changed = false;
		OrderStatus before = this.status;
		if (this.status.canMoveTo(channel.status())) {
			this.status = channel.status();
			changed = true;
		}
		boolean behind = channel.status().behind(before);
		if (this.afterSale.canMoveTo(channel.afterSale())) {
			this.afterSale = channel.afterSale();
			changed = true;
		}
		if (changed) {
			this.history.add(new StatusChange(before, this.status, this.afterSale, now, source, sourceRef));
		}
		changed |= takeDetails(channel, behind);
		if (changed) {
			this.updatedAt = now;
		}
		return changed;
	}

	/**
	 * Moves the order on from the county's own fulfilment (a parcel left, a parcel was
	 * delivered): only forward, like every other move, and kept with its source.
	 * @return whether the status moved
	 */
	boolean fulfil(OrderStatus next, StatusChange.ChangeSource source, String sourceRef, Instant now) {
		if (!this.status.canMoveTo(next)) {
			return false;
		}
		OrderStatus before = this.status;
		this.status = next;
		if (next.paid() && this.paidAt == null) {
			this.paidAt = now;
		}
		if (next.shipped() && this.shippedAt == null) {
			this.shippedAt = now;
		}
		this.history.add(new StatusChange(before, next, this.afterSale, now, source, sourceRef));
		this.updatedAt = now;
		return true;
	}

	private boolean takeDetails(ChannelOrder channel) {
		return takeDetails(channel, false);
	}

	/**
	 * Fills gaps with what the report says; a report that is behind the order (an older
	 * file) does not lock or unlock it.
	 */
	private boolean takeDetails(ChannelOrder channel, boolean behind) {
		Object[] before = details();
		this.buyerNickname = keep(this.buyerNickname, channel.buyerNickname());
		this.buyerMessage = keep(this.buyerMessage, channel.buyerMessage());
		this.sellerMemo = keep(this.sellerMemo, channel.sellerMemo());
		this.createdAt = keep(this.createdAt, channel.createdAt());
		this.paidAt = keep(this.paidAt, channel.paidAt());
		this.shippedAt = keep(this.shippedAt, channel.shippedAt());
		this.completedAt = keep(this.completedAt, channel.completedAt());
		this.goodsAmount = keepAmount(this.goodsAmount, channel.goodsAmount());
		this.shippingFee = keepAmount(this.shippingFee, channel.shippingFee());
		this.discount = keepAmount(this.discount, channel.discount());
		this.paidAmount = keepAmount(this.paidAmount, channel.paidAmount());
		this.refundedAmount = keepAmount(this.refundedAmount, channel.refundedAmount());
		this.recipientName = keep(this.recipientName, channel.recipientName());
		this.recipientPhone = keep(this.recipientPhone, channel.recipientPhone());
		this.rawAddress = keepAddress(this.rawAddress, channel.rawAddress());
		boolean realLines = false;
		for (ChannelLine line : channel.lines()) {
			realLines |= !line.fromOrderReport();
		}
		OrderLine stand = this.lines.get(ChannelLine.FROM_ORDER_REPORT);
		if (realLines && stand != null && !stand.reserved()) {
			// the item report has come: its lines replace the one the order report gave
			this.lines.remove(ChannelLine.FROM_ORDER_REPORT);
		}
		boolean hasRealLines = this.lines.size() > (this.lines.containsKey(ChannelLine.FROM_ORDER_REPORT) ? 1 : 0);
		for (ChannelLine line : channel.lines()) {
			if (line.fromOrderReport() && hasRealLines) {
				continue;
			}
			OrderLine known = this.lines.get(line.lineKey());
			if (known == null) {
				this.lines.put(line.lineKey(), new OrderLine(line.itemId(), line.skuId(), line.merchantCode(),
						line.title(), null, line.quantity(), line.unitPrice(), line.amount(), false));
			}
		}
		boolean locked = channel.locked();
		if (!behind && locked != holds().contains(HoldReason.PLATFORM_LOCKED)) {
			hold(HoldReason.PLATFORM_LOCKED, locked);
		}
		return !Arrays.equals(before, details());
	}

	private Object[] details() {
		return new Object[] { this.buyerNickname, this.buyerMessage, this.sellerMemo, this.createdAt, this.paidAt,
				this.shippedAt, this.completedAt, this.goodsAmount, this.shippingFee, this.discount, this.paidAmount,
				this.refundedAmount, this.recipientName, this.recipientPhone, this.rawAddress, this.lines.size(),
				this.holds };
	}

	/** Sets where the order goes, as the address resolver read its address. */
	void destination(String province, String city, String county, String status) {
		this.provinceCode = province;
		this.cityCode = city;
		this.destinationCode = county;
		this.destinationStatus = status;
	}

	/** Puts a hold reason on, or takes it off. */
	void hold(HoldReason reason, boolean on) {
		if (!on && this.holds.isEmpty()) {
			return;
		}
		Set<HoldReason> reasons = holds();
		if (on) {
			reasons.add(reason);
		}
		else {
			reasons.remove(reason);
		}
		String[] names = new String[reasons.size()];
		int at = 0;
		for (HoldReason held : reasons) {
			names[at++] = held.name();
		}
		java.util.Arrays.sort(names);
		this.holds = String.join(",", names);
	}

	Set<HoldReason> holds() {
		Set<HoldReason> reasons = EnumSet.noneOf(HoldReason.class);
		if (!this.holds.isEmpty()) {
			for (String name : this.holds.split(",")) {
				reasons.add(HoldReason.valueOf(name));
			}
		}
		return reasons;
	}

	/**
	 * What matching and keeping stock may change (the holds and the lines), to compare
	 * before and after.
	 */
	Object linesAndHolds() {
		return List.of(this.holds, Map.copyOf(this.lines));
	}

	/** Notes that the order changed at {@code now} (a line matched, stock reserved). */
	void changed(Instant now) {
		this.updatedAt = now;
	}

	void replaceLine(String lineKey, OrderLine line) {
		this.lines.put(lineKey, line);
	}

	/**
	 * The lines by line key, in the order they came (a read-only view, not a copy: a line
	 * replaced while the view is walked shows there; {@link #linesAndHolds} is the
	 * snapshot to compare).
	 */
	Map<String, OrderLine> lines() {
		return java.util.Collections.unmodifiableMap(this.lines);
	}

	UUID id() {
		return this.id;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	UUID shopId() {
		return this.shopId;
	}

	String countyCode() {
		return this.countyCode;
	}

	Platform platform() {
		return this.platform;
	}

	String platformOrderNo() {
		return this.platformOrderNo;
	}

	OrderStatus status() {
		return this.status;
	}

	AfterSaleStatus afterSale() {
		return this.afterSale;
	}

	String recipientName() {
		return this.recipientName;
	}

	String recipientPhone() {
		return this.recipientPhone;
	}

	String provinceCode() {
		return this.provinceCode;
	}

	String cityCode() {
		return this.cityCode;
	}

	/**
	 * When the sale counts: the platform's payment time, else its order time (some
	 * exports give no payment time), else {@code otherwise}.
	 */
	Instant soldAt(Instant otherwise) {
		return (this.paidAt != null) ? this.paidAt : (this.createdAt != null) ? this.createdAt : otherwise;
	}

	String destinationStatus() {
		return this.destinationStatus;
	}

	String rawAddress() {
		return this.rawAddress;
	}

	boolean destinationKnown() {
		return this.destinationStatus != null;
	}

	/**
	 * Whether the address resolved as far as its place goes (ResolutionStatus#complete).
	 */
	boolean destinationResolved() {
		return this.destinationStatus != null
				&& org.farmgate.geo.ResolutionStatus.valueOf(this.destinationStatus).complete();
	}

	/**
	 * When the goods left, or as near as the reports say (shipped, else paid, else
	 * ordered).
	 */
	Instant leftAt() {
		return (this.shippedAt != null) ? this.shippedAt : (this.paidAt != null) ? this.paidAt : this.createdAt;
	}

	Instant paidAt() {
		return this.paidAt;
	}

	BigDecimal refundedAmount() {
		return this.refundedAmount;
	}

	BigDecimal paidAmount() {
		return this.paidAmount;
	}

	String destinationCode() {
		return this.destinationCode;
	}

	OrderView toView() {
		return new OrderView(this.id, this.shopId, this.organisationId, this.platform, this.platformOrderNo,
				this.buyerNickname, this.buyerMessage, this.sellerMemo, this.createdAt, this.paidAt, this.shippedAt,
				this.completedAt, this.status, this.afterSale, List.copyOf(holds()), this.goodsAmount, this.shippingFee,
				this.discount, this.paidAmount, this.refundedAmount, this.recipientName,
				PhoneNumber.masked(this.recipientPhone), this.rawAddress,
				new OrderView.Destination(this.provinceCode, this.cityCode, this.destinationCode,
						this.destinationStatus),
				this.lines.entrySet()
					.stream()
					.map(entry -> new OrderView.Line(entry.getKey(), entry.getValue().itemId(),
							entry.getValue().platformSkuId(), entry.getValue().merchantCode(), entry.getValue().title(),
							entry.getValue().skuId(), entry.getValue().quantity(), entry.getValue().unitPrice(),
							entry.getValue().amount(), entry.getValue().reserved()))
					.toList(),
				List.copyOf(this.history));
	}

	private static <T> T keep(T current, T offered) {
		return (offered != null) ? offered : current;
	}

	/**
	 * An address replaces the one on record only when it is not masked and says at least
	 * as much (a masked export cuts the street off).
	 */
	private static String keepAddress(String current, String offered) {
		if (offered == null || offered.contains("*")) {
			return current;
		}
		return (current == null || offered.length() >= current.length()) ? offered : current;
	}

	private static BigDecimal keepAmount(BigDecimal current, BigDecimal offered) {
		if (offered == null) {
			return current;
		}
		return (current != null && current.compareTo(offered) == 0) ? current : offered;
	}

}
