package org.farmgate.logistics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracking-number shapes as hints: each carrier's sample is suggested first, digit-only
 * numbers list every carrier they may be from, and choosing a carrier whose shape the
 * number does not fit gives a warning, never a refusal.
 */
class CarrierDetectionTests {

	@ParameterizedTest(name = "{0} looks like {1}")
	@CsvSource({ "SF1234567890123, SF", "JD0012345678901, JD", "JDVA12345678901, JD", "JDX000123456789, JD",
			"YT1234567890123, YTO", "YT1234567890123456, YTO", "75123456789012, ZTO", "7712345678901, STO",
			"4312345678901, YUNDA", "462345678901234, YUNDA", "EA123456789CN, EMS", "1123456789012, EMS",
			"JT1234567890123, JT", "DPK123456789012, DEPPON", "1234567890, DEPPON", "123456789012, SF" })
	void eachCarriersSampleIsSuggestedFirst(String trackingNo, Carrier carrier) {
		assertThat(CarrierDetection.candidates(trackingNo)).first().isEqualTo(carrier);
	}

	@Test
	void numbersWithALetterPrefixFitOneCarrierOnly() {
		assertThat(CarrierDetection.candidates("SF1234567890123")).containsExactly(Carrier.SF);
		assertThat(CarrierDetection.candidates("JDVA12345678901")).containsExactly(Carrier.JD);
		assertThat(CarrierDetection.candidates("EA123456789CN")).containsExactly(Carrier.EMS);
	}

	@Test
	void anAmbiguousDigitOnlyNumberListsEveryCarrierItFitsInTheStatedOrder() {
		assertThat(CarrierDetection.candidates("7712345678901")).containsExactly(Carrier.STO, Carrier.ZTO);
		assertThat(CarrierDetection.candidates("5512345678901")).containsExactly(Carrier.STO, Carrier.ZTO);
		assertThat(CarrierDetection.candidates("1012345678901")).containsExactly(Carrier.YUNDA, Carrier.EMS);
		assertThat(CarrierDetection.candidates("751234567890")).containsExactly(Carrier.ZTO, Carrier.SF);
	}

	@Test
	void aNumberOfNoKnownShapeHasNoCandidates() {
		assertThat(CarrierDetection.candidates("ABC123")).isEmpty();
		assertThat(CarrierDetection.candidates("")).isEmpty();
		assertThat(CarrierDetection.candidates(null)).isEmpty();
	}

	@Test
	void choosingSfForAJdNumberGivesTheMismatchWarning() {
		assertThat(CarrierDetection.mismatch(Carrier.SF, "JDVA12345678901")).contains("logistics.carrier.mismatch");
	}

	@Test
	void aNumberThatFitsTheChosenCarrierGivesNoWarning() {
		assertThat(CarrierDetection.mismatch(Carrier.SF, "SF1234567890123")).isEmpty();
		assertThat(CarrierDetection.mismatch(Carrier.ZTO, "7712345678901")).isEmpty();
	}

	@Test
	void aNumberOfNoKnownShapeGivesNoWarning() {
		assertThat(CarrierDetection.mismatch(Carrier.SF, "XYZ-42")).isEmpty();
		assertThat(CarrierDetection.mismatch(Carrier.SF, "")).isEmpty();
	}

	@Test
	void spacesDashesAndLowerCaseAreIgnored() {
		assertThat(CarrierDetection.candidates("sf 1234-5678-90123")).containsExactly(Carrier.SF);
		assertThat(CarrierDetection.candidates(" jdva 1234 5678 901 ")).containsExactly(Carrier.JD);
		assertThat(CarrierDetection.candidates("7712 3456 78901")).containsExactly(Carrier.STO, Carrier.ZTO);
		assertThat(CarrierDetection.normalize("ea-123 456 789-cn")).isEqualTo("EA123456789CN");
		assertThat(CarrierDetection.mismatch(Carrier.SF, "sf 1234 5678 90123")).isEmpty();
	}

}
