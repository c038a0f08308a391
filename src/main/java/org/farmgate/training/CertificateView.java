package org.farmgate.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A certificate as issued: who, which course, how many hours, the score, when. */
public record CertificateView(String code, java.util.UUID traineeId, String traineeName, String courseTitle,
		BigDecimal hours, BigDecimal score, LocalDate sessionDate, Instant issuedAt) {

	/**
	 * The holder's name as the public verification page shows it: the surname and the
	 * last character, the rest hidden (张*丽), enough to match a person in front of you.
	 */
	public String maskedName() {
		String name = this.traineeName;
		if (name == null || name.length() < 2) {
			return "*";
		}
		if (name.length() == 2) {
			return name.charAt(0) + "*";
		}
		return name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1);
	}

}
