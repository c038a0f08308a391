package org.farmgate.geo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.farmgate.uploads.CsvRecords;
import org.farmgate.uploads.UploadedText;

/**
 * A CSV file of villages read into a preview: every row with its line number and what is
 * wrong with it, before anything is saved. Columns (English or Chinese headers, in any
 * order): township/乡镇, village/村, stat_code/统计代码, households/户数, population/人口,
 * latitude/纬度, longitude/经度. UTF-8 (with or without BOM) or GB18030, as Excel saves it in
 * China.
 */
public final class VillageImport {

	static final int MAX_ROWS = 20_000;

	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("township", "township"),
			Map.entry("乡镇", "township"), Map.entry("village", "village"), Map.entry("村", "village"),
			Map.entry("村名", "village"), Map.entry("stat_code", "stat_code"), Map.entry("统计代码", "stat_code"),
			Map.entry("households", "households"), Map.entry("户数", "households"), Map.entry("population", "population"),
			Map.entry("人口", "population"), Map.entry("latitude", "latitude"), Map.entry("纬度", "latitude"),
			Map.entry("longitude", "longitude"), Map.entry("经度", "longitude"));

	private VillageImport() {
	}

	/**
	 * A row of the file and what importing it would do.
	 */
	public record Row(int line, String township, String village, PlaceInput input, Action action,
			List<String> problems) {

		public boolean good() {
			return this.action != Action.REFUSED;
		}

	}

	/**
	 * What a row would do.
	 */
	public enum Action {

		CREATE, UPDATE, REFUSED

	}

	/**
	 * The preview of a file: its rows, or a problem with the whole file.
	 */
	public record Preview(UUID id, String countyCode, String fileName, List<Row> rows, String fileProblem) {

		public long good() {
			return this.rows.stream().filter(Row::good).count();
		}

		public long refused() {
			return this.rows.size() - good();
		}

	}

	static Preview read(String countyCode, String fileName, byte[] content, Existing existing) {
		UUID id = UUID.randomUUID();
		List<Record> records = new ArrayList<>();
		try {
			// each record with the line it starts on, also when a quoted field spans
			// several
			CsvRecords.read(UploadedText.of(content).text(), (line, cells) -> records.add(new Record(line, cells)));
		}
		catch (IOException ex) {
			// an unclosed quote, text after a closing quote
			return new Preview(id, countyCode, fileName, List.of(), "geo.import.error.unreadable");
		}
		// the column of each field: the last header that names it (a column without a
		// header, as Excel leaves after the last one, is not read)
		Map<String, Integer> columns = new java.util.HashMap<>();
		List<String> headers = records.isEmpty() ? List.of() : records.get(0).cells();
		for (int i = 0; i < headers.size(); i++) {
			String column = COLUMNS.get(headers.get(i).strip().toLowerCase(Locale.ROOT));
			if (column != null) {
				columns.put(column, i);
			}
		}
		if (!columns.containsKey("township") || !columns.containsKey("village")) {
			return new Preview(id, countyCode, fileName, List.of(), "geo.import.error.columns");
		}
		if (records.size() - 1 > MAX_ROWS) {
			return new Preview(id, countyCode, fileName, List.of(), "geo.import.error.too-many");
		}
		List<Row> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Record record : records.subList(1, records.size())) {
			String township = record.value(columns.get("township"));
			String village = record.value(columns.get("village"));
			PlaceInput input = new PlaceInput(village, record.value(columns.get("stat_code")),
					record.value(columns.get("households")), record.value(columns.get("population")),
					record.value(columns.get("latitude")), record.value(columns.get("longitude")));
			List<String> problems = new ArrayList<>(input.problems(countyCode));
			if (township == null || township.isBlank()) {
				problems.add(0, "geo.import.error.township-required");
			}
			else if (township.strip().length() > PlaceInput.MAX_NAME
					|| township.chars().anyMatch(Character::isISOControl)) {
				problems.add(0, "geo.error.name-format");
			}
			if (problems.isEmpty() && !seen.add(township.strip() + "\u0000" + input.trimmedName())) {
				problems.add("geo.import.error.duplicate");
			}
			Action action = !problems.isEmpty() ? Action.REFUSED
					: existing.has(township.strip(), input.trimmedName()) ? Action.UPDATE : Action.CREATE;
			rows.add(new Row(record.line(), township, village, input, action, List.copyOf(problems)));
		}
		return new Preview(id, countyCode, fileName, List.copyOf(rows),
				rows.isEmpty() ? "geo.import.error.empty" : null);
	}

	/** One record of the file: the line it starts on and its cells. */
	private record Record(int line, List<String> cells) {

		/** The trimmed cell in a column; null when there is no such column or cell. */
		String value(Integer column) {
			return (column == null || column >= this.cells.size()) ? null : this.cells.get(column).trim();
		}

	}

	/**
	 * Which villages exist already (an imported row then updates them).
	 */
	@FunctionalInterface
	interface Existing {

		boolean has(String township, String village);

	}

}
