package org.farmgate.training;

import java.util.UUID;

/** A trainee passed a session's assessment and received a certificate. */
public record CertificateIssued(String code, UUID traineeId, UUID sessionId, String countyCode) {
}
