package org.farmgate.uploads;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV text as Excel and the marketplaces write it (RFC 4180): cells
 * separated by commas, records by CR LF, LF or CR; a cell in double quotes may hold
 * commas, line breaks and doubled quotes, and only spaces may follow its closing quote; a
 * quote inside an unquoted cell is an ordinary character; empty lines are skipped. Each
 * record comes with the line it begins on, counting line feeds (a CR alone ends a record,
 * not a line), so that a rejected row is reported where the user sees it, also after
 * empty lines and cells that span lines.
 * <p>
 * It reads what Commons CSV's default format reads, in a single pass over the text that
 * copies each cell once; the order imports read millions of cells this way.
 */
public final class CsvRecords {

	private CsvRecords() {
	}

	/** Takes one record: the line it begins on (1-based) and its cells. */
	@FunctionalInterface
	public interface Sink {

		void record(int line, List<String> cells);

	}

	/**
	 * Hands every record of the text to the sink, in order.
	 * @throws IOException when the text is not CSV: a quoted cell never closed, or other
	 * text after a closing quote (the message names the line)
	 */
	public static void read(String text, Sink sink) throws IOException {
		int length = text.length();
		int at = 0;
		int line = 1;
		int width = 8;
		while (at < length) {
			char first = text.charAt(at);
			if (first == '\n') {
				line++;
				at++;
				continue;
			}
			if (first == '\r') {
				at++;
				continue;
			}
			int recordLine = line;
			List<String> cells = new ArrayList<>(width);
			while (true) {
				int end;
				if (at < length && text.charAt(at) == '"') {
					StringBuilder doubled = null;
					int opened = line;
					int from = at + 1;
					int quote;
					while (true) {
						quote = text.indexOf('"', from);
						if (quote < 0) {
							throw new IOException("line " + opened + ": a quoted cell is never closed");
						}
						line += lineFeeds(text, from, quote);
						if (quote + 1 < length && text.charAt(quote + 1) == '"') {
							doubled = ((doubled != null) ? doubled : new StringBuilder()).append(text, from, quote + 1);
							from = quote + 2;
							continue;
						}
						break;
					}
					cells.add((doubled != null) ? doubled.append(text, from, quote).toString()
							: text.substring(from, quote));
					end = quote + 1;
					while (end < length && !endsCell(text.charAt(end))) {
						if (!Character.isWhitespace(text.charAt(end))) {
							throw new IOException("line " + line + ": text after a quoted cell's closing quote");
						}
						end++;
					}
				}
				else {
					end = at;
					while (end < length && !endsCell(text.charAt(end))) {
						end++;
					}
					cells.add(text.substring(at, end));
				}
				if (end >= length) {
					at = end;
					break;
				}
				char separator = text.charAt(end);
				at = end + 1;
				if (separator == ',') {
					if (at >= length) {
						// a comma at the very end still opens a last, empty cell
						cells.add("");
						break;
					}
					continue;
				}
				if (separator == '\n') {
					line++;
				}
				else if (at < length && text.charAt(at) == '\n') {
					at++;
					line++;
				}
				break;
			}
			width = cells.size();
			sink.record(recordLine, cells);
		}
	}

	private static boolean endsCell(char c) {
		return c == ',' || c == '\n' || c == '\r';
	}

	/**
	 * The line feeds in a quoted cell, looked for up to its closing quote only (an
	 * {@code indexOf} would run on to the next line feed, past the end of a file whose
	 * lines end in CR alone, for every quoted cell).
	 */
	private static int lineFeeds(String text, int from, int to) {
		int count = 0;
		for (int at = from; at < to; at++) {
			if (text.charAt(at) == '\n') {
				count++;
			}
		}
		return count;
	}

}
