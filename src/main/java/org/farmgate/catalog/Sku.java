package org.farmgate.catalog;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A SKU (规格): one way a product is sold — its specification, unit and quantity, net
 * weight, price, barcode and the organisation's merchant code (商家编码).
 */
@Table("catalog_sku")
class Sku {

	@Id
	private final UUID id;

	private final UUID productId;

	private final String countyCode;

	private final UUID organisationId;

	private String specification;

	private Unit unit;

	private BigDecimal quantity;

	private Integer netWeightGrams;

	private BigDecimal price;

	private String barcode;

	private String merchantCode;

	@Version
	private Integer version;

	@PersistenceCreator
	Sku(UUID id, UUID productId, String countyCode, UUID organisationId, String specification, Unit unit,
			BigDecimal quantity, Integer netWeightGrams, BigDecimal price, String barcode, String merchantCode,
			Integer version) {
		this.id = id;
		this.productId = productId;
		this.countyCode = countyCode;
		this.organisationId = organisationId;
		this.specification = specification;
		this.unit = unit;
		this.quantity = quantity;
		this.netWeightGrams = netWeightGrams;
		this.price = price;
		this.barcode = barcode;
		this.merchantCode = merchantCode;
		this.version = version;
	}

	static Sku of(UUID productId, String countyCode, UUID organisationId, SkuInput input) {
		Sku sku = new Sku(UUID.randomUUID(), productId, countyCode, organisationId, null, null, null, null, null, null,
				null, null);
		sku.change(input);
		return sku;
	}

	/** Takes checked input; a weight unit's net weight follows from the quantity. */
	void change(SkuInput input) {
		this.specification = input.specification().strip();
		this.unit = input.unit();
		this.quantity = Unit.plain(input.quantity());
		this.netWeightGrams = input.unit().isWeight()
				? input.unit().grams(input.quantity()).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact()
				: input.netWeightGrams();
		this.price = input.price();
		this.barcode = blankToNull(input.barcode());
		this.merchantCode = blankToNull(input.merchantCode());
	}

	UUID id() {
		return this.id;
	}

	UUID productId() {
		return this.productId;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	String countyCode() {
		return this.countyCode;
	}

	String merchantCode() {
		return this.merchantCode;
	}

	SkuView toView() {
		return new SkuView(this.id, this.productId, this.organisationId, this.specification, this.unit,
				Unit.plain(this.quantity), this.netWeightGrams, this.price, this.barcode, this.merchantCode);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
