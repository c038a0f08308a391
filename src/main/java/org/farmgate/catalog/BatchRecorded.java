package org.farmgate.catalog;

import java.util.UUID;

/**
 * A batch (lot) was recorded with its trace code and the households that supplied it.
 */
public record BatchRecorded(UUID batchId, UUID productId, UUID organisationId, String countyCode, String traceCode,
		int suppliers) {
}
