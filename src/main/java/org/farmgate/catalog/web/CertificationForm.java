package org.farmgate.catalog.web;

import java.time.LocalDate;

import org.farmgate.catalog.Certification;
import org.farmgate.catalog.CertificationKind;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form that records a certification of a product.
 */
record CertificationForm(CertificationKind kind, String number,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {

	static CertificationForm empty() {
		return new CertificationForm(CertificationKind.GREEN_FOOD, "", null, null);
	}

	Certification toCertification() {
		return new Certification(this.kind, this.number, this.validFrom, this.validUntil);
	}

}
