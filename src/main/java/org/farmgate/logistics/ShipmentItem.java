package org.farmgate.logistics;

import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/** So many units of one line of one order in a parcel. */
@Table("logistics_shipment_item")
public record ShipmentItem(UUID orderId, String lineKey, int quantity) {
}
