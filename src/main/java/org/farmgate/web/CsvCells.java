package org.farmgate.web;

/**
 * Cells of the CSV files Farmgate writes, safe to open in a spreadsheet: quoted when
 * needed, and text that a spreadsheet would run as a formula ({@code = + - @}, a tab or a
 * carriage return first) prefixed with an apostrophe so that it stays text.
 */
public final class CsvCells {

	private CsvCells() {
	}

	/** One cell, or an empty one for null. */
	public static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/** A row of cells, ended by CRLF as spreadsheets expect. */
	public static String row(Object... values) {
		StringBuilder row = new StringBuilder();
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				row.append(',');
			}
			row.append(cell(values[i]));
		}
		return row.append("\r\n").toString();
	}

}
