package org.farmgate;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.AdjustmentInput;
import org.farmgate.catalog.AdjustmentReason;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.catalog.SkuView;
import org.farmgate.catalog.StockManagement;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;

/**
 * Test fixtures on the demo county's shared data: tests that sell a demo SKU first
 * receive units of it, so that what other tests sold never holds their orders as
 * oversold.
 */
public final class DemoStock {

	private DemoStock() {
	}

	/** The merchant's SKU of this merchant code, with these units received. */
	public static SkuView received(SkuManagement skus, StockManagement stock, SignedInUser merchant,
			String merchantCode, int units) {
		SkuView sku = skus.merchantCodeOf(merchant.scope().organisationId(), merchantCode).orElseThrow();
		stock.adjust(merchant, new AdjustmentInput(sku.id(), null, null, units, AdjustmentReason.RECEIVED, null));
		return sku;
	}

	/** One of the merchant's shops on a platform. */
	public static ShopView shop(RegistryManagement registry, SignedInUser merchant, Platform platform) {
		return registry.shopsOf(merchant, merchant.scope().organisationId())
			.stream()
			.filter(found -> found.platform() == platform)
			.findFirst()
			.orElseThrow();
	}

}
