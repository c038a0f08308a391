package org.farmgate.logistics;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded road distance matrix: a CSV file (UTF-8, with or without a BOM) with the
 * header {@code from,to,km,minutes} and one row per ordered pair of station codes. The
 * whole file is refused at its first wrong row, naming the row and what is wrong, so that
 * a plan never runs on half a matrix.
 */
final class DistanceMatrix {

	static final List<String> COLUMNS = List.of("from", "to", "km", "minutes");

	private static final int MAX_ROWS = 250_000;

	private DistanceMatrix() {
	}

	/** A pair of stations and the road between them. */
	record Leg(UUID from, UUID to, BigDecimal km, BigDecimal minutes) {
	}

	/**
	 * The legs of the file.
	 * @param stations the county's station ids by code (upper case)
	 */
	static List<Leg> parse(byte[] content, Map<String, UUID> stations) {
		String text = new String(content, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		try (Reader reader = new java.io.StringReader(text);
				CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).get().parse(reader)) {
			List<Leg> legs = new java.util.ArrayList<>();
			Set<String> seen = new HashSet<>();
			boolean header = true;
			for (CSVRecord row : parser) {
				long line = parser.getCurrentLineNumber();
				if (header) {
					header = false;
					List<String> names = row.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
					if (!names.equals(COLUMNS)) {
						throw refused(line, "logistics.matrix.header");
					}
					continue;
				}
				if (row.size() == 1 && row.get(0).isEmpty()) {
					continue;
				}
				if (row.size() != 4) {
					throw refused(line, "logistics.matrix.columns");
				}
				UUID from = stations.get(row.get(0).toUpperCase(Locale.ROOT));
				UUID to = stations.get(row.get(1).toUpperCase(Locale.ROOT));
				if (from == null || to == null) {
					throw refused(line, "logistics.matrix.station");
				}
				BigDecimal km = number(row.get(2));
				BigDecimal minutes = number(row.get(3));
				if (km == null || minutes == null || km.signum() < 0 || minutes.signum() < 0
						|| km.compareTo(BigDecimal.valueOf(100_000)) >= 0
						|| minutes.compareTo(BigDecimal.valueOf(100_000)) >= 0) {
					throw refused(line, "logistics.matrix.number");
				}
				if (!seen.add(from + ">" + to)) {
					throw refused(line, "logistics.matrix.duplicate");
				}
				if (legs.size() >= MAX_ROWS) {
					throw refused(line, "logistics.matrix.too-long");
				}
				legs.add(new Leg(from, to, km, minutes));
			}
			if (header) {
				throw refused(1, "logistics.matrix.header");
			}
			return legs;
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw LogisticsException.because("logistics.matrix.unreadable");
		}
	}

	private static LogisticsException refused(long line, String reason) {
		return LogisticsException.because("logistics.matrix.row", line, reason);
	}

	private static BigDecimal number(String text) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
