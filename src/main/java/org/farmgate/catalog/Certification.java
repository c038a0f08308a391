package org.farmgate.catalog;

import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A certification a product holds: kind, certificate number and validity.
 */
@Table("catalog_certification")
public record Certification(CertificationKind kind, String number, LocalDate validFrom, LocalDate validUntil) {

	/** Whether the certificate is valid on the given day. */
	public boolean validOn(LocalDate day) {
		return (this.validFrom == null || !this.validFrom.isAfter(day))
				&& (this.validUntil == null || !this.validUntil.isBefore(day));
	}

}
