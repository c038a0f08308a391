package org.farmgate.logistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.farmgate.web.CsvCells;

/**
 * Rate tables as CSV files, read from an upload and written for download. UTF-8, with or
 * without a byte order mark, a header line
 * {@code carrier,province,first_kg,first_yuan,step_kg,step_yuan} (columns in any order,
 * more columns ignored), then one rate a line: the carrier as {@link Carrier#fromCode}
 * reads it, the province as a 6-digit code ending in 0000 or {@code *}, weights in kg
 * with up to 3 decimals and prices in yuan with up to 2.
 * <p>
 * Reading never stops at a bad row: the good rows land, every bad one is reported with
 * its physical line in the file (the header is line 1) and a message key.
 */
public final class RateTableCsv {

	/** The columns of the header, in the order written. */
	public static final List<String> COLUMNS = List.of("carrier", "province", "first_kg", "first_yuan", "step_kg",
			"step_yuan");

	/** The most rates a file may hold (9 carriers × 34 provinces fit many times over). */
	public static final int MAX_ROWS = 2000;

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** The largest weight accepted, in kg. */
	private static final BigDecimal MAX_KG = BigDecimal.valueOf(1000);

	/** The largest price accepted, in yuan. */
	private static final BigDecimal MAX_YUAN = BigDecimal.valueOf(100000);

	private RateTableCsv() {
	}

	/** The rates read from a file, and the problems of its rows. */
	public record Result(List<Rate> rates, List<RowProblem> problems) {

		public Result {
			rates = List.copyOf(rates);
			problems = List.copyOf(problems);
		}

	}

	/**
	 * A row that did not land, or a problem of the whole file: its physical line (the
	 * header is line 1), the message key of the reason and the value at fault (the text
	 * of the cell, empty when missing).
	 */
	public record RowProblem(int line, String reason, String value) {

		public RowProblem(int line, String reason) {
			this(line, reason, "");
		}

	}

	/** Reads a file from a stream (not closed). */
	public static Result parse(InputStream in) throws IOException {
		return parse(in.readAllBytes());
	}

	/** Reads a file. */
	public static Result parse(byte[] bytes) {
		List<Rate> rates = new ArrayList<>();
		List<RowProblem> problems = new ArrayList<>();
		String text;
		try {
			text = decode(bytes);
		}
		catch (BadEncoding ex) {
			problems.add(new RowProblem(ex.line, "logistics.rates.file.encoding"));
			return new Result(rates, problems);
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		int[] lineStarts = lineStarts(text);
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
		Map<String, Integer> columns = null;
		Set<String> keys = new HashSet<>();
		int rows = 0;
		// the line after the last record read, where a malformed one would begin
		int next = 1;
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						break;
					}
					record = records.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					// an unclosed quote or the like: what was read before it stands
					problems.add(new RowProblem(next, "logistics.rates.file.malformed"));
					break;
				}
				next = (int) parser.getCurrentLineNumber() + 1;
				int line = lineOf(lineStarts, recordStart(text, record.getCharacterPosition()));
				if (columns == null) {
					columns = header(record, line, problems);
					if (columns == null) {
						return new Result(rates, problems);
					}
					continue;
				}
				if (isBlank(record)) {
					continue;
				}
				if (++rows > MAX_ROWS) {
					problems.add(new RowProblem(line, "logistics.rates.file.too-many-rows", String.valueOf(MAX_ROWS)));
					break;
				}
				Rate rate = row(record, columns, line, problems);
				if (rate != null) {
					String key = rate.carrier() + " " + rate.provinceCode();
					if (!keys.add(key)) {
						problems.add(new RowProblem(line, "logistics.rates.row.duplicate", key));
					}
					else {
						rates.add(rate);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (columns == null) {
			problems.add(new RowProblem(1, "logistics.rates.header", String.join(",", COLUMNS)));
		}
		return new Result(rates, problems);
	}

	/**
	 * The rates as a file that {@link #parse(byte[])} reads back: UTF-8 with a byte order
	 * mark (so that spreadsheets read it as UTF-8), the header, one rate a line (carrier
	 * by its enum name), CRLF line ends.
	 */
	public static byte[] write(List<Rate> rates) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(CsvCells.row(COLUMNS.toArray()));
		for (Rate rate : rates) {
			csv.append(CsvCells.row(rate.carrier().name(), rate.provinceCode(), kg(rate.firstWeightGrams()),
					yuan(rate.firstFen()), kg(rate.stepGrams()), yuan(rate.stepFen())));
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String kg(int grams) {
		BigDecimal kg = BigDecimal.valueOf(grams).movePointLeft(3).stripTrailingZeros();
		return (kg.scale() < 0) ? kg.setScale(0).toPlainString() : kg.toPlainString();
	}

	private static String yuan(long fen) {
		return BigDecimal.valueOf(fen).movePointLeft(2).toPlainString();
	}

	private static Map<String, Integer> header(CSVRecord record, int line, List<RowProblem> problems) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < record.size(); i++) {
			String name = record.get(i).strip().toLowerCase(Locale.ROOT);
			if (COLUMNS.contains(name)) {
				columns.putIfAbsent(name, i);
			}
		}
		if (columns.size() < COLUMNS.size()) {
			List<String> missing = COLUMNS.stream().filter((name) -> !columns.containsKey(name)).toList();
			problems.add(new RowProblem(line, "logistics.rates.header", String.join(",", missing)));
			return null;
		}
		return columns;
	}

	private static Rate row(CSVRecord record, Map<String, Integer> columns, int line, List<RowProblem> problems) {
		int before = problems.size();
		String carrierText = cell(record, columns, "carrier");
		Optional<Carrier> carrier = Carrier.fromCode(carrierText);
		if (carrier.isEmpty()) {
			problems.add(new RowProblem(line, "logistics.rates.row.carrier", carrierText));
		}
		String province = cell(record, columns, "province");
		if (!Rate.isProvinceCode(province)) {
			problems.add(new RowProblem(line, "logistics.rates.row.province", province));
		}
		Integer firstGrams = grams(cell(record, columns, "first_kg"), line, "logistics.rates.row.first-kg", problems);
		Long firstFen = fen(cell(record, columns, "first_yuan"), line, "logistics.rates.row.first-yuan", problems);
		Integer stepGrams = grams(cell(record, columns, "step_kg"), line, "logistics.rates.row.step-kg", problems);
		Long stepFen = fen(cell(record, columns, "step_yuan"), line, "logistics.rates.row.step-yuan", problems);
		if (problems.size() > before) {
			return null;
		}
		return new Rate(carrier.get(), province, firstGrams, firstFen, stepGrams, stepFen);
	}

	private static String cell(CSVRecord record, Map<String, Integer> columns, String name) {
		int index = columns.get(name);
		return (index < record.size()) ? record.get(index).strip() : "";
	}

	/** Positive kilograms with up to 3 decimals, as grams. */
	private static Integer grams(String text, int line, String key, List<RowProblem> problems) {
		BigDecimal kg = decimal(text, 3);
		if (kg == null || kg.signum() <= 0 || kg.compareTo(MAX_KG) > 0) {
			problems.add(new RowProblem(line, key, text));
			return null;
		}
		return kg.multiply(THOUSAND).intValueExact();
	}

	/** Yuan (0 or more) with up to 2 decimals, as fen. */
	private static Long fen(String text, int line, String key, List<RowProblem> problems) {
		BigDecimal yuan = decimal(text, 2);
		if (yuan == null || yuan.signum() < 0 || yuan.compareTo(MAX_YUAN) > 0) {
			problems.add(new RowProblem(line, key, text));
			return null;
		}
		return yuan.multiply(HUNDRED).longValueExact();
	}

	/** A plain decimal number with at most the given decimals, or null. */
	private static BigDecimal decimal(String text, int maxScale) {
		if (text == null || !text.matches("[+-]?(\\d{1,9}(\\.\\d*)?|\\.\\d+)")) {
			return null;
		}
		BigDecimal number = new BigDecimal(text);
		if (number.stripTrailingZeros().scale() > maxScale) {
			return null;
		}
		return number;
	}

	private static boolean isBlank(CSVRecord record) {
		for (String value : record) {
			if (!value.isBlank()) {
				return false;
			}
		}
		return true;
	}

	/** The offsets at which the lines of the text begin. */
	private static int[] lineStarts(String text) {
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
				starts.add(i + 1);
			}
		}
		return starts.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Where a record begins, given the position Commons CSV gives it: that is where the
	 * record before it ended, before the empty lines it skipped.
	 */
	private static long recordStart(String text, long position) {
		int at = (int) position;
		while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
			at++;
		}
		return at;
	}

	/** The 1-based line of a character offset. */
	private static int lineOf(int[] lineStarts, long position) {
		int index = Arrays.binarySearch(lineStarts, (int) position);
		return (index >= 0) ? index + 1 : -index - 1;
	}

	/** UTF-8 text, or the line of the first byte that is not UTF-8. */
	private static String decode(byte[] bytes) throws BadEncoding {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int line = 1;
			for (int i = 0; i < in.position(); i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			throw new BadEncoding(line);
		}
		decoder.flush(out);
		return out.flip().toString();
	}

	private static final class BadEncoding extends Exception {

		private final int line;

		BadEncoding(int line) {
			super(null, null, false, false);
			this.line = line;
		}

	}

}
