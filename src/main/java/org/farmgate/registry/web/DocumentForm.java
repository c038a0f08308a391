package org.farmgate.registry.web;

import java.time.LocalDate;

import org.farmgate.registry.DocumentInput;
import org.farmgate.registry.DocumentKind;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form that adds a document's details to an admission application.
 */
record DocumentForm(DocumentKind kind, String number, String issuer,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil) {

	static DocumentForm empty() {
		return new DocumentForm(DocumentKind.BUSINESS_LICENCE, "", "", null);
	}

	DocumentInput toInput() {
		return new DocumentInput(this.kind, this.number, this.issuer, this.validUntil);
	}

}
