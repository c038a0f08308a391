package org.farmgate.storefront;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.farmgate.geo.Resolution;

/**
 * What a checkout would cost: the cart, where the address resolved to, one parcel per
 * organisation with its weight and shipping fee, and the total.
 */
public record Quote(CartView cart, Resolution destination, boolean deliverable, List<Parcel> parcels,
		BigDecimal shipping, BigDecimal total) {

	/** The part of the cart one organisation ships. */
	public record Parcel(UUID organisationId, String seller, BigDecimal goods, int grams, BigDecimal fee) {
	}

}
