package org.farmgate.orders.channels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a format reads: orders by number in file order, and the rows it rejects
 * with their line and reason, so that a bad row never stops the good ones.
 */
final class ReadRows {

	final Map<String, ChannelOrder> orders = new LinkedHashMap<>();

	final List<RejectedRow> rejected = new ArrayList<>();

	int rowsRead;

	/**
	 * Reads every row of the table with the given reader; a row it cannot read (a missing
	 * order number, a bad amount or date, an unknown status) is rejected with its reason.
	 */
	void each(ExportTable table, RowReader reader) {
		for (ExportTable.Row row : table.rows()) {
			this.rowsRead++;
			try {
				reader.read(row);
			}
			catch (RowProblem problem) {
				this.rejected.add(new RejectedRow(table.fileName(), row.line(), problem.reason, problem.detail));
			}
			catch (IllegalArgumentException | ArithmeticException ex) {
				this.rejected.add(new RejectedRow(table.fileName(), row.line(), "orders.row.unreadable", null));
			}
		}
	}

	ChannelRead result(org.farmgate.registry.Platform platform) {
		return new ChannelRead(platform, List.copyOf(this.orders.values()), List.copyOf(this.rejected), this.rowsRead);
	}

	/** Reads one row. */
	interface RowReader {

		void read(ExportTable.Row row);

	}

	/** Why a row was rejected: a message key and a detail (a column name or value). */
	static final class RowProblem extends RuntimeException {

		final String reason;

		final String detail;

		RowProblem(String reason, String detail) {
			super(reason, null, false, false);
			this.reason = reason;
			this.detail = detail;
		}

	}

	static String required(String value, String column) {
		if (value == null || value.isBlank()) {
			throw new RowProblem("orders.row.missing", column);
		}
		return value;
	}

	static <T> T known(T value, String text) {
		if (value == null) {
			throw new RowProblem("orders.row.status", text);
		}
		return value;
	}

}
