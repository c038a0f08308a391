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

	/** Orders one of whose rows was rejected: the whole order is left out. */
	final java.util.Set<String> brokenOrders = new java.util.HashSet<>();

	/**
	 * Reads every row of the table with the given reader; a row it cannot read (a missing
	 * order number, a bad amount or date, an unknown status) is rejected with its reason.
	 */
	void each(ExportTable table, String[] orderNumberHeaders, RowReader reader) {
		for (ExportTable.Row row : table.rows()) {
			this.rowsRead++;
			RejectedRow rejection = null;
			try {
				reader.read(row);
			}
			catch (RowProblem problem) {
				rejection = new RejectedRow(table.fileName(), row.line(), problem.reason, problem.detail);
			}
			catch (IllegalArgumentException | ArithmeticException ex) {
				rejection = new RejectedRow(table.fileName(), row.line(), "orders.row.unreadable", null);
			}
			if (rejection != null) {
				this.rejected.add(rejection);
				String number = Cells.id(table.cell(row, orderNumberHeaders));
				if (number != null && !number.isEmpty()) {
					// an order is taken whole or not at all: a bad row leaves its order
					// out
					this.brokenOrders.add(number);
				}
			}
		}
	}

	ChannelRead result(org.farmgate.registry.Platform platform) {
		List<ChannelOrder> whole = new ArrayList<>();
		for (ChannelOrder order : this.orders.values()) {
			if (this.brokenOrders.contains(order.platformOrderNo())) {
				this.rejected
					.add(new RejectedRow(null, order.line(), "orders.row.order-left-out", order.platformOrderNo()));
			}
			else {
				whole.add(order);
			}
		}
		return new ChannelRead(platform, List.copyOf(whole), List.copyOf(this.rejected), this.rowsRead);
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
