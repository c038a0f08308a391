package org.farmgate.registry;

import java.time.LocalDate;

/**
 * The details of a document to add to an admission application.
 */
public record DocumentInput(DocumentKind kind, String number, String issuer, LocalDate validUntil) {
}
