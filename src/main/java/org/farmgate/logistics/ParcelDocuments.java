package org.farmgate.logistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.BatchManagement;
import org.farmgate.catalog.BatchView;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.orders.ShippableOrder;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The papers of parcels: 100 × 150 mm labels printable in bulk (the recipient's phone
 * masked, as privacy waybills print it; the trace QR of the latest batch of the parcel's
 * first product where there is one), and the platforms' bulk-shipping files of the
 * parcels that left.
 */
@Service
public class ParcelDocuments {

	private final ShipmentManagement shipments;

	private final StationManagement stations;

	private final RegistryManagement registry;

	private final SkuManagement skus;

	private final BatchManagement batches;

	private final org.farmgate.geo.Divisions divisions;

	ParcelDocuments(ShipmentManagement shipments, StationManagement stations, RegistryManagement registry,
			SkuManagement skus, BatchManagement batches, org.farmgate.geo.Divisions divisions) {
		this.divisions = divisions;
		this.shipments = shipments;
		this.stations = stations;
		this.registry = registry;
		this.skus = skus;
		this.batches = batches;
	}

	/**
	 * The labels of the user's parcels among these, one page each, as a PDF.
	 * @param traceBase the public address trace pages are under (…/trace/CODE)
	 */
	@Transactional(readOnly = true)
	public byte[] labels(SignedInUser user, List<UUID> ids, String traceBase) {
		List<ShipmentView> parcels = this.shipments.forLabels(user, ids.stream().distinct().limit(500).toList());
		if (parcels.isEmpty()) {
			throw LogisticsException.notFound();
		}
		Map<UUID, ShippableOrder> orders = this.shipments.ordersOf(user, parcels);
		// a bulk print of 500 parcels of one merchant names a few senders and stations:
		// each is looked up once, the stations of the county in one query
		Map<UUID, StationView> stations = this.stations.stations(user)
			.stream()
			.collect(Collectors.toMap(StationView::id, station -> station));
		Map<UUID, Optional<OrganisationView>> senders = new java.util.HashMap<>();
		Map<UUID, Optional<String>> traces = new java.util.HashMap<>();
		List<ShippingLabels.Label> labels = new ArrayList<>();
		for (ShipmentView parcel : parcels) {
			OrganisationView sender = senders
				.computeIfAbsent(parcel.organisationId(), id -> this.registry.organisation(user, id))
				.orElse(null);
			StationView origin = (parcel.originStationId() != null) ? stations.get(parcel.originStationId()) : null;
			String senderAddress = (origin != null)
					? origin.name() + ((origin.address() != null) ? " " + origin.address() : "") : null;
			String senderPhone = (origin != null) ? origin.contactPhone() : null;
			String numbers = parcel.items()
				.stream()
				.map(item -> orders.get(item.orderId()))
				.filter(Objects::nonNull)
				.map(ShippableOrder::platformOrderNo)
				.distinct()
				.collect(Collectors.joining(", "));
			Optional<String> trace = traces.computeIfAbsent(firstSku(parcel, orders), sku -> traceCode(user, sku));
			labels.add(new ShippingLabels.Label(parcel.trackingNo(), parcel.carrier(), parcel.recipientName(),
					parcel.recipientPhone(), parcel.address(), destination(parcel),
					(sender != null) ? sender.name() : null, senderPhone,
					(senderAddress != null) ? senderAddress : (sender != null) ? sender.address() : null, numbers,
					String.format("%.2f kg", parcel.weightGrams() / 1000.0),
					trace.map(code -> traceBase + "/trace/" + code).orElse(null), trace.orElse(null)));
		}
		return ShippingLabels.pdf(labels);
	}

	/** A bulk-shipping file and its name and type. */
	public record File(String name, String contentType, byte[] content) {
	}

	/**
	 * The bulk-shipping file of a platform: the user's parcels of its shops that left on
	 * the day (order number, carrier, waybill number; one row per order of a parcel).
	 */
	@Transactional(readOnly = true)
	public File confirmations(SignedInUser user, Platform platform, LocalDate day) {
		List<ShipmentView> parcels = this.shipments.leftOn(user, platform, day);
		Map<UUID, ShippableOrder> orders = this.shipments.ordersOf(user, parcels);
		List<ShipConfirmations.Confirmation> rows = new ArrayList<>();
		for (ShipmentView parcel : parcels) {
			parcel.items()
				.stream()
				.map(ShipmentItem::orderId)
				.distinct()
				.map(orders::get)
				.filter(Objects::nonNull)
				.forEach(order -> rows.add(new ShipConfirmations.Confirmation(order.platformOrderNo(), parcel.carrier(),
						parcel.trackingNo())));
		}
		return new File(ShipConfirmations.fileName(platform, day), ShipConfirmations.contentType(platform),
				ShipConfirmations.file(platform, rows));
	}

	/**
	 * Where the parcel goes, as the sorting centres read it: province and county names.
	 */
	private String destination(ShipmentView parcel) {
		if (parcel.destinationCode() == null) {
			return null;
		}
		String county = this.divisions.byCode(parcel.destinationCode())
			.map(org.farmgate.geo.Division::name)
			.orElse(parcel.destinationCode());
		String province = (parcel.provinceCode() != null)
				? this.divisions.byCode(parcel.provinceCode()).map(org.farmgate.geo.Division::name).orElse("") : "";
		return province.equals(county) ? county : (province + " " + county).strip();
	}

	/** The SKU of the parcel's first line (null when none is matched). */
	private static UUID firstSku(ShipmentView parcel, Map<UUID, ShippableOrder> orders) {
		return parcel.items()
			.stream()
			.map(item -> orders.get(item.orderId()))
			.filter(Objects::nonNull)
			.flatMap(order -> order.lines().stream())
			.map(ShippableOrder.Line::skuId)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	/** The trace code of the latest batch of a SKU's product, where the user sees it. */
	private Optional<String> traceCode(SignedInUser user, UUID sku) {
		if (sku == null) {
			return Optional.empty();
		}
		try {
			return this.skus.sku(user, sku)
				.flatMap(found -> this.batches.batchesOf(user, found.productId())
					.stream()
					.filter(batch -> batch.traceCode() != null)
					.max(Comparator.comparing(BatchView::producedOn, Comparator.nullsFirst(Comparator.naturalOrder())))
					.map(BatchView::traceCode));
		}
		catch (RuntimeException ex) {
			// an operator may not read a merchant's batches: the label goes without its
			// QR
			return Optional.empty();
		}
	}

}
