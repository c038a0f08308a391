package org.farmgate.registry;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One move of an organisation's admission status: from, to, why, who and when.
 */
@Table("registry_admission_event")
public record AdmissionEvent(AdmissionStatus fromStatus, AdmissionStatus toStatus, String reason, String actor,
		Instant occurredAt) {
}
