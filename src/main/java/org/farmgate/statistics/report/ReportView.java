package org.farmgate.statistics.report;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A requested report as its list shows it: what it covers, where its production stands,
 * and the message-bundle key of why it failed.
 */
public record ReportView(UUID id, String area, UUID organisationId, YearMonth month, UUID requestedBy,
		Instant requestedAt, ReportStatus status, int progress, Instant finishedAt, String message) {

	public boolean finished() {
		return this.status.finished();
	}

	/** When it was asked for, in China's time. */
	public java.time.LocalDateTime requestedInChina() {
		return java.time.LocalDateTime.ofInstant(this.requestedAt, org.farmgate.orders.OrderTimes.CHINA);
	}

	public boolean done() {
		return this.status == ReportStatus.DONE;
	}

}
