package org.farmgate.statistics.report;

/**
 * Where a report's production stands: queued, running, done (its files ready) or failed
 * (with a message).
 */
public enum ReportStatus {

	QUEUED, RUNNING, DONE, FAILED;

	/** Whether the production ended, well or not. */
	public boolean finished() {
		return this == DONE || this == FAILED;
	}

}
