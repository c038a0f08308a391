package org.farmgate.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product's public page: the product with its SKUs, whether each SKU can be bought
 * (never the count), its photos with their sizes, the certifications valid today, and the
 * trace code of its latest batch (may be absent).
 */
public record PublicProductDetail(PublicProduct product, Map<UUID, Availability> availability, List<PublicPhoto> photos,
		List<Certification> certifications, String latestTraceCode) {

	public UUID id() {
		return this.product.id();
	}

	public UUID organisationId() {
		return this.product.organisationId();
	}

	public UUID originVillageId() {
		return this.product.originVillageId();
	}

	/** A SKU's availability; a SKU with no stock anywhere is out. */
	public Availability availabilityOf(UUID skuId) {
		return this.availability.getOrDefault(skuId, Availability.OUT);
	}

}
