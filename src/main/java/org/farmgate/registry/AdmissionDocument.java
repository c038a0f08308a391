package org.farmgate.registry;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A document an admission application rests on, by its details: kind, number, issuing
 * authority, validity; with who added it and when. The number of a legal representative's
 * identity document is personal data: views show it masked.
 */
@Table("registry_admission_document")
public record AdmissionDocument(DocumentKind kind, String number, String issuer, LocalDate validUntil, String addedBy,
		Instant addedAt) {

	/** The document as views show it: an identity document's number masked. */
	AdmissionDocument shown() {
		if (this.kind != DocumentKind.LEGAL_REPRESENTATIVE_ID) {
			return this;
		}
		return new AdmissionDocument(this.kind, NationalId.masked(this.number), this.issuer, this.validUntil,
				this.addedBy, this.addedAt);
	}

	/** Whether the document has expired on the given day. */
	public boolean expiredOn(LocalDate day) {
		return this.validUntil != null && this.validUntil.isBefore(day);
	}

}
