package org.farmgate.catalog.web;

import java.util.UUID;

import org.farmgate.catalog.ProductInput;
import org.farmgate.catalog.ProductView;
import org.farmgate.catalog.StorageClass;

/**
 * The form of a product (operators also choose the organisation).
 */
record ProductForm(UUID organisationId, String categoryCode, String nameZh, String nameEn, String nameFr,
		String description, UUID originVillageId, Integer shelfLifeDays, StorageClass storage) {

	static ProductForm empty() {
		return new ProductForm(null, "", "", "", "", "", null, null, StorageClass.AMBIENT);
	}

	static ProductForm of(ProductView product) {
		return new ProductForm(product.organisationId(), product.categoryCode(), product.nameZh(), product.nameEn(),
				product.nameFr(), product.description(), product.originVillageId(), product.shelfLifeDays(),
				product.storage());
	}

	ProductInput toInput() {
		return new ProductInput(this.organisationId, this.categoryCode, this.nameZh, this.nameEn, this.nameFr,
				this.description, this.originVillageId, this.shelfLifeDays, this.storage);
	}

}
