package org.farmgate.accounts;

import java.time.Instant;

/**
 * One line of the audit log.
 */
public record AuditEntryView(Instant occurredAt, String actor, String action, String subject, String remoteAddress) {
}
