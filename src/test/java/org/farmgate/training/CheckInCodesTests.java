package org.farmgate.training;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code on a session's screen changes every minute and is accepted for five: a photo
 * of the QR code sent to a chat group stops working soon after.
 */
class CheckInCodesTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private static final Instant SHOWN = Instant.parse("2026-11-30T01:00:10Z");

	@Test
	void aCodeIsAcceptedWhenShownAndForFiveMinutesAfter() {
		String code = CheckInCodes.at(SECRET, SHOWN);

		assertThat(CheckInCodes.accepts(SECRET, code, SHOWN)).isTrue();
		assertThat(CheckInCodes.accepts(SECRET, code, SHOWN.plus(Duration.ofMinutes(4)))).isTrue();
		assertThat(CheckInCodes.accepts(SECRET, code, SHOWN.plus(Duration.ofMinutes(6)))).isFalse();
	}

	@Test
	void theCodeChangesEveryMinuteAndDependsOnTheSessionsSecret() {
		String code = CheckInCodes.at(SECRET, SHOWN);

		assertThat(CheckInCodes.at(SECRET, SHOWN.plus(Duration.ofMinutes(1)))).isNotEqualTo(code);
		assertThat(CheckInCodes.at(SECRET, SHOWN.plusSeconds(20))).isEqualTo(code);
		assertThat(CheckInCodes.at("another session's secret 0000000", SHOWN)).isNotEqualTo(code);
		assertThat(CheckInCodes.accepts("another session's secret 0000000", code, SHOWN)).isFalse();
	}

	@Test
	void aCodeFromTheFutureOrOfAnotherLengthIsRefused() {
		String later = CheckInCodes.at(SECRET, SHOWN.plus(Duration.ofMinutes(2)));

		assertThat(CheckInCodes.accepts(SECRET, later, SHOWN)).isFalse();
		assertThat(CheckInCodes.accepts(SECRET, null, SHOWN)).isFalse();
		assertThat(CheckInCodes.accepts(SECRET, CheckInCodes.at(SECRET, SHOWN) + "0", SHOWN)).isFalse();
	}

}
