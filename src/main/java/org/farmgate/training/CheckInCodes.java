package org.farmgate.training;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The code a session's QR code carries: an HMAC of the session's secret and the current
 * minute, so that the link on the room's screen changes every minute and a photo of it
 * sent to a chat group stops working within minutes (nobody checks in from home). A code
 * is accepted for {@link #VALID} after it was shown.
 */
final class CheckInCodes {

	static final Duration SLOT = Duration.ofMinutes(1);

	/**
	 * How long a code shown on the screen is accepted: a scan, a slow network, a code.
	 */
	static final Duration VALID = Duration.ofMinutes(5);

	private CheckInCodes() {
	}

	static String at(String secret, Instant when) {
		return code(secret, when.getEpochSecond() / SLOT.toSeconds());
	}

	static boolean accepts(String secret, String given, Instant now) {
		if (given == null || given.length() != 20) {
			return false;
		}
		long slot = now.getEpochSecond() / SLOT.toSeconds();
		boolean match = false;
		for (long back = 0; back < VALID.toSeconds() / SLOT.toSeconds(); back++) {
			// every slot compared, in constant time
			match |= MessageDigest.isEqual(code(secret, slot - back).getBytes(StandardCharsets.US_ASCII),
					given.getBytes(StandardCharsets.US_ASCII));
		}
		return match;
	}

	private static String code(String secret, long slot) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
			return HexFormat.of()
				.formatHex(mac.doFinal(Long.toString(slot).getBytes(StandardCharsets.US_ASCII)), 0, 10);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
