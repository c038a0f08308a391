package org.farmgate.statistics;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Taobao village (DOMAIN.md): at least 10 M yuan of sales in a year, and at least 100
 * active shops or active shops making at least 10 % of its households.
 */
class TaobaoVillageTests {

	private static final UUID VILLAGE = UUID.randomUUID();

	private static final BigDecimal TEN_MILLION = new BigDecimal("10000000.00");

	@Test
	void exactlyTenMillionAndExactlyTenPercentQualify() {
		TaobaoVillage village = TaobaoVillage.assess(VILLAGE, TEN_MILLION, 40, 30, 300);
		assertThat(village.qualifies()).isTrue();
		assertThat(village.salesMissing()).isZero();
		assertThat(village.activeShopsMissing()).isZero();
	}

	@Test
	void aCentShortOfTenMillionDoesNotQualifyAndSaysWhatIsMissing() {
		TaobaoVillage village = TaobaoVillage.assess(VILLAGE, new BigDecimal("9999999.99"), 40, 30, 300);
		assertThat(village.qualifies()).isFalse();
		assertThat(village.salesMissing()).isEqualByComparingTo("0.01");
		assertThat(village.activeShopsMissing()).isZero();
	}

	@Test
	void oneActiveShopShortOfTenPercentDoesNotQualify() {
		TaobaoVillage village = TaobaoVillage.assess(VILLAGE, TEN_MILLION, 40, 29, 300);
		assertThat(village.qualifies()).isFalse();
		assertThat(village.activeShopsMissing()).isEqualTo(1);
	}

	@Test
	void tenPercentOfHouseholdsIsRoundedUp() {
		// 10 % of 301 households is 30.1: 30 active shops are not enough
		assertThat(TaobaoVillage.assess(VILLAGE, TEN_MILLION, 40, 30, 301).qualifies()).isFalse();
		assertThat(TaobaoVillage.assess(VILLAGE, TEN_MILLION, 40, 31, 301).qualifies()).isTrue();
		// 7 households: one active shop is 14 %
		assertThat(TaobaoVillage.assess(VILLAGE, TEN_MILLION, 1, 1, 7).qualifies()).isTrue();
		assertThat(TaobaoVillage.assess(VILLAGE, TEN_MILLION, 1, 0, 7).activeShopsMissing()).isEqualTo(1);
	}

	@Test
	void aHundredActiveShopsQualifyHoweverManyHouseholds() {
		assertThat(TaobaoVillage.assess(VILLAGE, TEN_MILLION, 120, 100, 5000).qualifies()).isTrue();
		TaobaoVillage short1 = TaobaoVillage.assess(VILLAGE, TEN_MILLION, 120, 99, 5000);
		assertThat(short1.qualifies()).isFalse();
		assertThat(short1.activeShopsMissing()).isEqualTo(1);
	}

	@Test
	void aVillageWithoutRecordedHouseholdsNeedsAHundredActiveShops() {
		assertThat(TaobaoVillage.assess(VILLAGE, TEN_MILLION, 99, 99, 0).qualifies()).isFalse();
		assertThat(TaobaoVillage.assess(VILLAGE, TEN_MILLION, 99, 99, 0).activeShopsMissing()).isEqualTo(1);
		assertThat(TaobaoVillage.assess(VILLAGE, TEN_MILLION, 100, 100, 0).qualifies()).isTrue();
	}

	@Test
	void manyShopsWithoutSalesDoNotQualify() {
		TaobaoVillage village = TaobaoVillage.assess(VILLAGE, BigDecimal.ZERO, 300, 200, 100);
		assertThat(village.qualifies()).isFalse();
		assertThat(village.salesMissing()).isEqualByComparingTo(TEN_MILLION);
		assertThat(village.activeShopsMissing()).isZero();
	}

}
