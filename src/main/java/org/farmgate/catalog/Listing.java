package org.farmgate.catalog;

import java.util.UUID;

import org.farmgate.registry.Platform;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A listing (商品映射): one shop sells one of our SKUs under the platform's item id and SKU
 * id, a merchant code and a title.
 */
@Table("catalog_listing")
class Listing {

	@Id
	private final UUID id;

	private final String countyCode;

	private final UUID organisationId;

	private final UUID skuId;

	private final UUID shopId;

	private final Platform platform;

	private String platformItemId;

	private String platformSkuId;

	private String merchantCode;

	private String title;

	@Version
	private Integer version;

	@PersistenceCreator
	Listing(UUID id, String countyCode, UUID organisationId, UUID skuId, UUID shopId, Platform platform,
			String platformItemId, String platformSkuId, String merchantCode, String title, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.organisationId = organisationId;
		this.skuId = skuId;
		this.shopId = shopId;
		this.platform = platform;
		this.platformItemId = platformItemId;
		this.platformSkuId = platformSkuId;
		this.merchantCode = merchantCode;
		this.title = title;
		this.version = version;
	}

	static Listing of(Sku sku, UUID shopId, Platform platform, ListingInput input) {
		return new Listing(UUID.randomUUID(), sku.countyCode(), sku.organisationId(), sku.id(), shopId, platform,
				input.platformItemId().strip(), normalizedSkuId(input.platformSkuId()),
				(input.merchantCode() == null || input.merchantCode().isBlank()) ? sku.merchantCode()
						: input.merchantCode().strip(),
				input.title().strip(), null);
	}

	/** A listing without a platform SKU id (an item with one SKU) is stored with ''. */
	static String normalizedSkuId(String platformSkuId) {
		return (platformSkuId == null) ? "" : platformSkuId.strip();
	}

	/** Whether this listing is for the platform SKU id (blank: the item's only SKU). */
	boolean isFor(String platformSkuId) {
		return this.platformSkuId.equals(normalizedSkuId(platformSkuId));
	}

	UUID id() {
		return this.id;
	}

	UUID skuId() {
		return this.skuId;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	String countyCode() {
		return this.countyCode;
	}

	ListingView toView() {
		return new ListingView(this.id, this.skuId, this.shopId, this.platform, this.platformItemId,
				this.platformSkuId.isEmpty() ? null : this.platformSkuId, this.merchantCode, this.title);
	}

}
