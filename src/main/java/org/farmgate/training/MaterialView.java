package org.farmgate.training;

import java.time.Instant;
import java.util.UUID;

/** A file handed out with a course (slides, a worksheet), without its bytes. */
public record MaterialView(UUID id, String name, String contentType, int sizeBytes, String uploadedBy,
		Instant uploadedAt) {
}
