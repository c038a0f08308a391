package org.farmgate.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the public traceability page shows of a batch: the product, its category and
 * certifications, the organisation, the origin village, the dates and quantity, and the
 * villages of the supplying farmers (never who they are).
 */
public record TraceView(String traceCode, UUID productId, String productName, String categoryCode,
		String organisationName, String villageName, LocalDate producedOn, LocalDate harvestedOn, BigDecimal quantity,
		Unit unit, List<Certification> certifications, int supplierCount, List<String> supplierVillages,
		List<UUID> photoIds) {
}
