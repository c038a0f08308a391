package org.farmgate.income;

import java.util.List;
import java.util.UUID;

/**
 * Income records as they stand (reversals included), told again by {@link IncomeHistory}
 * for a listener that starts late or rebuilds what it keeps. {@code id} identifies the
 * publication. The village of a household is not told here: the registry tells it.
 */
public record IncomeRestated(UUID id, List<ProcurementRecorded> procurements, List<WageRecorded> wages,
		List<DividendDistributed> dividends) {
}
