package org.farmgate.catalog.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.farmgate.catalog.BatchInput;
import org.farmgate.catalog.BatchSupplier;
import org.farmgate.catalog.Unit;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form of a batch: product, dates, quantity, village, and up to a few supplying
 * households with their quantities (rows left empty are ignored).
 */
record BatchForm(UUID productId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate producedOn,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate harvestedOn, BigDecimal quantity, Unit unit,
		UUID villageId, String note, List<UUID> supplierIds, List<BigDecimal> supplierQuantities) {

	static final int SUPPLIER_ROWS = 5;

	static BatchForm empty(UUID productId, LocalDate today) {
		return new BatchForm(productId, today, null, null, Unit.KG, null, "", List.of(), List.of());
	}

	BatchInput toInput() {
		List<BatchSupplier> suppliers = new ArrayList<>();
		List<UUID> ids = (this.supplierIds != null) ? this.supplierIds : List.of();
		List<BigDecimal> quantities = (this.supplierQuantities != null) ? this.supplierQuantities : List.of();
		for (int i = 0; i < ids.size(); i++) {
			BigDecimal quantity = (i < quantities.size()) ? quantities.get(i) : null;
			if (ids.get(i) != null || quantity != null) {
				suppliers.add(new BatchSupplier(ids.get(i), quantity));
			}
		}
		return new BatchInput(this.productId, this.producedOn, this.harvestedOn, this.quantity, this.unit,
				this.villageId, this.note, suppliers);
	}

}
