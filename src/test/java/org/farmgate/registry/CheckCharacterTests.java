package org.farmgate.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check characters of GB 32100 (unified social credit codes) and GB 11643 (resident
 * identity numbers), on published real-world codes and on near misses.
 */
class CheckCharacterTests {

	@ParameterizedTest(name = "{0} is {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			91350100M000100Y43 | true  | the example of the GB 32100 standard
			91110000802100433B | true  | a Beijing company
			91440300708461136T | true  | a Shenzhen company
			9144030071526726XG | true  | a Shenzhen company with X inside
			91310000MA1FL4B24G | true  | a Shanghai company registered after 2015
			91350100m000100y43 | true  | lower case is read as upper case
			91350100M000100Y44 | false | wrong check character
			91350100M000100Y4  | false | 17 characters
			91350100M000100Y433| false | 19 characters
			91350100M00O100Y43 | false | the letter O is not allowed
			91350100M000I00Y43 | false | the letter I is not allowed
			91350100M000100Y4Z | false | Z is never a check character
			""")
	void unifiedSocialCreditCodes(String code, boolean valid, String why) {
		assertThat(CreditCode.isValid(code)).as(why).isEqualTo(valid);
	}

	@ParameterizedTest(name = "{0} is {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			11010519491231002X | true  | the example of the GB 11643 standard, check X
			11010519491231002x | true  | lower-case x
			440524188001010014 | true  | the standard's second example
			110105194912310021 | false | wrong check character
			11010519491331002X | false | month 13
			11010519490230002X | false | 30 February
			1101051949123100   | false | 16 characters
			A1010519491231002X | false | a letter among the digits
			""")
	void residentIdentityNumbers(String number, boolean valid, String why) {
		assertThat(NationalId.isValid(number)).as(why).isEqualTo(valid);
	}

	@ParameterizedTest(name = "{0} is shown as {1}")
	@CsvSource({ "520122198001011234, 5201**********1234", "11010519491231002X, 1101**********002X" })
	void anIdNumberIsShownMasked(String number, String masked) {
		assertThat(NationalId.masked(number)).isEqualTo(masked);
	}

}
