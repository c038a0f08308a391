package org.farmgate.logistics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a parcel costs: the first weight at the first price, every started step beyond at
 * the step price, the volumetric weight when it is the greater, a province's own rate
 * before the carrier's {@code *} rate.
 */
class RateTableTests {

	private final RateTable table = new RateTable(List.of(new Rate(Carrier.ZTO, "520000", 1000, 300, 1000, 100),
			new Rate(Carrier.ZTO, "*", 1000, 550, 1000, 350), new Rate(Carrier.SF, "*", 1000, 1600, 1000, 600),
			new Rate(Carrier.YTO, "540000", 1000, 1200, 500, 500)));

	@Test
	void aParcelUpToTheFirstWeightCostsTheFirstPrice() {
		assertThat(this.table.estimate(Carrier.ZTO, "520000", 800, null, null, null))
			.contains(new CostEstimate(Carrier.ZTO, 300, 800, false));
		assertThat(this.table.estimate(Carrier.ZTO, "520000", 1000, null, null, null)).get()
			.extracting(CostEstimate::fen)
			.isEqualTo(300L);
	}

	@Test
	void oneGramOverTheFirstWeightChargesOneStep() {
		assertThat(this.table.estimate(Carrier.ZTO, "520000", 1001, null, null, null)).get()
			.extracting(CostEstimate::fen)
			.isEqualTo(400L);
		assertThat(this.table.estimate(Carrier.ZTO, "520000", 3000, null, null, null)).get()
			.extracting(CostEstimate::fen)
			.isEqualTo(500L);
		assertThat(this.table.estimate(Carrier.YTO, "540000", 1600, null, null, null)).get()
			.extracting(CostEstimate::fen)
			.isEqualTo(1200L + 2 * 500L);
	}

	@Test
	void theVolumetricWeightWinsForABigLightBox() {
		// 60 × 40 × 40 cm = 96,000 cm³ / 6000 = 16 kg, for a 2 kg parcel of dried
		// mushrooms
		CostEstimate estimate = this.table.estimate(Carrier.ZTO, "520000", 2000, 60, 40, 40).orElseThrow();
		assertThat(estimate.volumetric()).isTrue();
		assertThat(estimate.chargeableGrams()).isEqualTo(16000);
		assertThat(estimate.fen()).isEqualTo(300 + 15 * 100);
	}

	@Test
	void theActualWeightWinsForASmallHeavyBoxAndWhenADimensionIsMissing() {
		// 10 × 10 × 10 cm = 167 g volumetric
		assertThat(this.table.estimate(Carrier.ZTO, "520000", 1500, 10, 10, 10))
			.contains(new CostEstimate(Carrier.ZTO, 400, 1500, false));
		assertThat(this.table.estimate(Carrier.ZTO, "520000", 1500, 60, 40, null))
			.contains(new CostEstimate(Carrier.ZTO, 400, 1500, false));
	}

	@Test
	void theVolumetricWeightIsRoundedUpToTheGram() {
		// 7 × 1 × 1 cm = 7/6 g
		assertThat(RateTable.volumetricGrams(7, 1, 1)).isEqualTo(2);
		assertThat(RateTable.volumetricGrams(60, 40, 40)).isEqualTo(16000);
		assertThat(RateTable.volumetricGrams(0, 40, 40)).isZero();
	}

	@Test
	void theProvincesOwnRateWinsOverTheStarRate() {
		assertThat(this.table.estimate(Carrier.ZTO, "520000", 500, null, null, null)).get()
			.extracting(CostEstimate::fen)
			.isEqualTo(300L);
		assertThat(this.table.estimate(Carrier.ZTO, "440000", 500, null, null, null)).get()
			.extracting(CostEstimate::fen)
			.isEqualTo(550L);
	}

	@Test
	void aCarrierWithNoRateForTheProvinceAndNoStarRateHasNoEstimate() {
		assertThat(this.table.estimate(Carrier.YTO, "520000", 500, null, null, null)).isEmpty();
		assertThat(this.table.estimate(Carrier.JT, "520000", 500, null, null, null)).isEmpty();
	}

	@Test
	void theCheapestListsEveryCarrierWithARateCheapestFirst() {
		assertThat(this.table.cheapest("520000", 1500, null, null, null)).containsExactly(
				new CostEstimate(Carrier.ZTO, 400, 1500, false), new CostEstimate(Carrier.SF, 2200, 1500, false));
		assertThat(this.table.cheapest("540000", 500, null, null, null)).extracting(CostEstimate::carrier)
			.containsExactly(Carrier.ZTO, Carrier.YTO, Carrier.SF);
	}

	@Test
	void twoRatesOfOneCarrierForOneProvinceAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RateTable(
				List.of(new Rate(Carrier.SF, "*", 1000, 1, 1000, 1), new Rate(Carrier.SF, "*", 1000, 2, 1000, 2))));
	}

	@Test
	void aRateNeedsAProvinceCodeOrStarPositiveWeightsAndNoNegativePrice() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Rate(Carrier.SF, "520100", 1000, 1, 1000, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Rate(Carrier.SF, "*", 0, 1, 1000, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Rate(Carrier.SF, "*", 1000, -1, 1000, 1));
	}

	@Test
	void theDemoRatesCoverEveryCarrierAndProvinceAndCostMoreFurtherAway() {
		RateTable demo = RateTable.demo();
		for (Carrier carrier : Carrier.values()) {
			long guizhou = demo.estimate(carrier, "520000", 1000, null, null, null).orElseThrow().fen();
			long sichuan = demo.estimate(carrier, "510000", 1000, null, null, null).orElseThrow().fen();
			long zhejiang = demo.estimate(carrier, "330000", 1000, null, null, null).orElseThrow().fen();
			long tibet = demo.estimate(carrier, "540000", 1000, null, null, null).orElseThrow().fen();
			assertThat(guizhou).as(carrier.name()).isLessThan(sichuan);
			assertThat(sichuan).as(carrier.name()).isLessThan(zhejiang);
			assertThat(zhejiang).as(carrier.name()).isLessThan(tibet);
		}
		assertThat(demo.cheapest("650000", 2500, null, null, null)).hasSize(Carrier.values().length);
	}

}
