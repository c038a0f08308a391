package org.farmgate.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.farmgate.uploads.CsvRecords;
import org.farmgate.uploads.UploadedText;

/**
 * The rows of an uploaded registry file, CSV (UTF-8 or GB18030) or XLSX (first sheet):
 * each row's cells by header, with its line number. A formula cell is never evaluated: it
 * is kept as {@link #FORMULA} and refused as such.
 */
final class RegistryFile {

	/** What a formula cell reads as: a value no column accepts. */
	static final String FORMULA = "\u0000formula";

	static final int MAX_ROWS = 20_000;

	private RegistryFile() {
	}

	/**
	 * A row of the file: its line (or spreadsheet row) number and its cells by lower-case
	 * header.
	 */
	record Line(int number, Map<String, String> cells) {
	}

	static List<Line> read(String fileName, byte[] content) throws IOException {
		boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3
				&& content[3] == 4;
		return zip ? readXlsx(content) : readCsv(UploadedText.of(content));
	}

	private static List<Line> readXlsx(byte[] content) throws IOException {
		List<Line> lines = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(sheet.getFirstRowNum());
			if (header == null) {
				return lines;
			}
			List<String> names = new ArrayList<>();
			for (int c = 0; c < header.getLastCellNum(); c++) {
				names.add(text(header.getCell(c)).strip().toLowerCase(java.util.Locale.ROOT));
			}
			for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				boolean any = false;
				for (int c = 0; c < names.size(); c++) {
					String value = text(row.getCell(c));
					cells.put(names.get(c), value);
					any |= !value.isBlank();
				}
				if (any) {
					if (lines.size() == MAX_ROWS) {
						throw new IllegalStateException("too many rows");
					}
					lines.add(new Line(r + 1, cells));
				}
			}
		}
		catch (RuntimeException ex) {
			if ("too many rows".equals(ex.getMessage())) {
				throw ex;
			}
			throw new IOException("not a readable XLSX file", ex);
		}
		return lines;
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType();
		return switch (type) {
			case FORMULA -> FORMULA;
			case NUMERIC ->
				DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
						: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			case STRING -> cell.getStringCellValue();
			default -> "";
		};
	}

	/**
	 * The rows under the first, the header row: cells trimmed, by lower-case header (a
	 * header written twice takes its last cell; a column without a header, as Excel
	 * leaves after the last one, is not read).
	 */
	private static List<Line> readCsv(UploadedText file) throws IOException {
		List<Line> lines = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try {
			CsvRecords.read(file.text(), (number, cells) -> {
				if (names.isEmpty()) {
					cells.forEach(name -> names.add(name.strip().toLowerCase(java.util.Locale.ROOT)));
					return;
				}
				if (lines.size() == MAX_ROWS) {
					throw new IllegalStateException("too many rows");
				}
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < names.size(); i++) {
					if (!names.get(i).isEmpty()) {
						row.put(names.get(i), (i < cells.size()) ? cells.get(i).trim() : "");
					}
				}
				lines.add(new Line(number, row));
			});
		}
		catch (IOException ex) {
			throw new IOException("not a readable CSV file", ex);
		}
		return lines;
	}

	/**
	 * Whether text would run as a formula if a spreadsheet opened it: {@code =…},
	 * {@code @…}, or a sign followed by something that is not a number.
	 */
	static boolean looksLikeFormula(String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		if (FORMULA.equals(value)) {
			return true;
		}
		char first = value.charAt(0);
		if (first == '=' || first == '@') {
			return true;
		}
		return (first == '+' || first == '-') && value.length() > 1 && !Character.isDigit(value.charAt(1))
				&& value.charAt(1) != ' ';
	}

}
