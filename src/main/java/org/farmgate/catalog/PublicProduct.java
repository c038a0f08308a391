package org.farmgate.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A product as the public catalog API shows it: names, category, keeping, certifications,
 * photos and its SKUs with their prices (no merchant codes, no stock figures).
 */
public record PublicProduct(UUID id, UUID organisationId, String categoryCode, String nameZh, String nameEn,
		String nameFr, String description, UUID originVillageId, Integer shelfLifeDays, StorageClass storage,
		List<Certification> certifications, List<String> photos, List<Offer> skus) {

	/**
	 * One SKU on offer: specification, unit and quantity, net weight, price, barcode.
	 */
	public record Offer(UUID id, String specification, Unit unit, BigDecimal quantity, Integer netWeightGrams,
			BigDecimal price, String barcode) {
	}

}
