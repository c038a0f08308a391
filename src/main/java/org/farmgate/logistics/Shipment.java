package org.farmgate.logistics;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.farmgate.registry.Platform;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A parcel: lines of one or more paid orders of one shop going to one recipient, with its
 * weight and size, carrier and waybill number, the estimated cost, and where it stands.
 * Its status moves forward only ({@link ShipmentStatus#canMoveTo}); tracking events move
 * its last known state, an older event never replacing a newer one.
 */
@Table("logistics_shipment")
class Shipment {

	@Id
	private final UUID id;

	private final String countyCode;

	private final UUID organisationId;

	private final UUID shopId;

	private final Platform platform;

	private final UUID originStationId;

	private final String recipientName;

	private final String recipientPhone;

	private final String address;

	private final String provinceCode;

	private final String destinationCode;

	private final int weightGrams;

	private final Integer lengthCm;

	private final Integer widthCm;

	private final Integer heightCm;

	private final Carrier carrier;

	private final String trackingNo;

	private final Long costFen;

	private ShipmentStatus status;

	private TrackingState trackingState;

	private Instant lastEventAt;

	private final Instant createdAt;

	private final String createdBy;

	private Instant shippedAt;

	private Instant deliveredAt;

	@MappedCollection(idColumn = "shipment_id")
	private final Set<ShipmentItem> items;

	@Version
	private Integer version;

	@PersistenceCreator
	Shipment(UUID id, String countyCode, UUID organisationId, UUID shopId, Platform platform, UUID originStationId,
			String recipientName, String recipientPhone, String address, String provinceCode, String destinationCode,
			int weightGrams, Integer lengthCm, Integer widthCm, Integer heightCm, Carrier carrier, String trackingNo,
			Long costFen, ShipmentStatus status, TrackingState trackingState, Instant lastEventAt, Instant createdAt,
			String createdBy, Instant shippedAt, Instant deliveredAt, Set<ShipmentItem> items, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.organisationId = organisationId;
		this.shopId = shopId;
		this.platform = platform;
		this.originStationId = originStationId;
		this.recipientName = recipientName;
		this.recipientPhone = recipientPhone;
		this.address = address;
		this.provinceCode = provinceCode;
		this.destinationCode = destinationCode;
		this.weightGrams = weightGrams;
		this.lengthCm = lengthCm;
		this.widthCm = widthCm;
		this.heightCm = heightCm;
		this.carrier = carrier;
		this.trackingNo = trackingNo;
		this.costFen = costFen;
		this.status = status;
		this.trackingState = trackingState;
		this.lastEventAt = lastEventAt;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.shippedAt = shippedAt;
		this.deliveredAt = deliveredAt;
		this.items = new HashSet<>((items != null) ? items : Set.of());
		this.version = version;
	}

	/** A parcel packed for the given recipient (taken from its orders). */
	static Shipment pack(ShipmentRules.Recipient to, ShipmentRules.Parcel parcel, List<ShipmentItem> items,
			Long costFen, String by, Instant now) {
		return new Shipment(UUID.randomUUID(), to.countyCode(), to.organisationId(), to.shopId(), to.platform(),
				parcel.originStationId(), to.name(), to.phone(), to.address(), to.provinceCode(), to.destinationCode(),
				parcel.weightGrams(), parcel.lengthCm(), parcel.widthCm(), parcel.heightCm(), parcel.carrier(),
				parcel.trackingNo(), costFen, ShipmentStatus.PACKED, null, null, now, by, null, null, Set.copyOf(items),
				null);
	}

	/** Handed over: PACKED → SHIPPED. */
	void ship(Instant now) {
		move(ShipmentStatus.SHIPPED);
		this.shippedAt = now;
	}

	/** Not sent after all: PACKED → CANCELLED, freeing its lines for another parcel. */
	void cancel() {
		move(ShipmentStatus.CANCELLED);
	}

	/**
	 * Takes a tracking event: the state is the latest event's (an older event arriving
	 * late changes nothing); a delivery or a return ends a shipped parcel.
	 * @return whether this event delivered the parcel
	 */
	boolean track(TrackingState state, Instant at) {
		if (this.lastEventAt != null && at.isBefore(this.lastEventAt)) {
			return false;
		}
		this.trackingState = state;
		this.lastEventAt = at;
		if (state == TrackingState.DELIVERED && this.status == ShipmentStatus.SHIPPED) {
			this.status = ShipmentStatus.DELIVERED;
			this.deliveredAt = at;
			return true;
		}
		if (state == TrackingState.RETURNED && this.status == ShipmentStatus.SHIPPED) {
			this.status = ShipmentStatus.RETURNED;
		}
		return false;
	}

	private void move(ShipmentStatus next) {
		if (!this.status.canMoveTo(next)) {
			throw LogisticsException.because("logistics.shipment.cannot-move", this.status, next);
		}
		this.status = next;
	}

	UUID id() {
		return this.id;
	}

	String countyCode() {
		return this.countyCode;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	UUID originStationId() {
		return this.originStationId;
	}

	ShipmentStatus status() {
		return this.status;
	}

	Set<ShipmentItem> items() {
		return Set.copyOf(this.items);
	}

	ShipmentView toView(boolean fullPhone) {
		return new ShipmentView(this.id, this.countyCode, this.organisationId, this.shopId, this.platform,
				this.originStationId, this.recipientName,
				fullPhone ? this.recipientPhone : org.farmgate.registry.PhoneNumber.masked(this.recipientPhone),
				this.address, this.provinceCode, this.destinationCode, this.weightGrams, this.lengthCm, this.widthCm,
				this.heightCm, this.carrier, this.trackingNo, this.costFen, this.status, this.trackingState,
				this.lastEventAt, this.createdAt, this.shippedAt, this.deliveredAt,
				this.items.stream()
					.sorted(java.util.Comparator.comparing(ShipmentItem::orderId).thenComparing(ShipmentItem::lineKey))
					.toList());
	}

}
