package org.farmgate.statistics;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A village measured against the Taobao-village thresholds (DOMAIN.md): at least 10 M
 * yuan of online sales in a year, and at least 100 active shops or active shops making at
 * least 10 % of its households; with what it lacks of each.
 */
public record TaobaoVillage(UUID village, BigDecimal sales, int shops, int activeShops, int households,
		boolean qualifies, BigDecimal salesMissing, int activeShopsMissing) {

	static final BigDecimal SALES = new BigDecimal("10000000");

	static final int SHOPS = 100;

	static TaobaoVillage assess(UUID village, BigDecimal sales, int shops, int activeShops, int households) {
		BigDecimal salesMissing = SALES.subtract(sales).max(BigDecimal.ZERO);
		// 10 % of households, rounded up: 7 households need 1 active shop
		int byHouseholds = (households > 0) ? (households + 9) / 10 : SHOPS;
		int shopsNeeded = Math.min(SHOPS, byHouseholds);
		int shopsMissing = Math.max(0, shopsNeeded - activeShops);
		return new TaobaoVillage(village, sales, shops, activeShops, households,
				salesMissing.signum() == 0 && shopsMissing == 0, salesMissing, shopsMissing);
	}

}
