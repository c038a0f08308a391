package org.farmgate.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import job as its page and the API show it: status, progress, the report, and the
 * rejected rows with their line numbers and reasons.
 */
public record ImportJobView(UUID id, UUID shopId, String status, List<String> files, int ordersTotal, int ordersDone,
		int rowsRead, int ordersCreated, int ordersUpdated, int ordersUnchanged, List<Rejected> rejected,
		String message, Instant createdAt, Instant finishedAt) {

	/** The share of orders done, 0 to 100. */
	public int percent() {
		if ("DONE".equals(this.status)) {
			return 100;
		}
		return (this.ordersTotal == 0) ? 0 : (int) (100L * this.ordersDone / this.ordersTotal);
	}

	public boolean finished() {
		return "DONE".equals(this.status) || "FAILED".equals(this.status);
	}

	/**
	 * A rejected row: the file, its line number, why (a message key), and a detail (a
	 * column name or the value that was not understood).
	 */
	public record Rejected(String file, int line, String reason, String detail) {
	}

}
