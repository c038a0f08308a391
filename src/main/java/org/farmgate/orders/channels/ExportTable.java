package org.farmgate.orders.channels;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.farmgate.uploads.CsvRecords;
import org.farmgate.uploads.UploadedText;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The table of one export file, CSV (UTF-8 with or without BOM, else GB18030) or XLSX
 * (first sheet, streamed): the header row is the first row that holds one of the
 * platforms' key headers (some exports put a title above it); headers are made comparable
 * ({@link Cells#header}); each row keeps its line number. Columns are found by name, so
 * extra or reordered columns do not matter.
 */
final class ExportTable {

	/** The headers that mark the header row: the order number of some platform. */
	static final Set<String> KEY_HEADERS = Set.of("订单编号", "主订单编号", "订单号");

	private static final int HEADER_SEARCH_ROWS = 20;

	private final String fileName;

	private final Map<String, Integer> columns;

	private final List<Row> rows;

	/** One data row: its line number and cells. */
	record Row(int line, List<String> cells) {
	}

	private ExportTable(String fileName, List<String> headers, List<Row> rows) {
		this.fileName = fileName;
		this.columns = new HashMap<>();
		for (int i = 0; i < headers.size(); i++) {
			this.columns.putIfAbsent(headers.get(i), i);
		}
		this.rows = rows;
	}

	String fileName() {
		return this.fileName;
	}

	Set<String> headers() {
		return this.columns.keySet();
	}

	boolean has(String... headers) {
		for (String header : headers) {
			if (!this.columns.containsKey(header)) {
				return false;
			}
		}
		return true;
	}

	List<Row> rows() {
		return this.rows;
	}

	/** The cell under the first of the headers the file has (aliases), or null. */
	String cell(Row row, String... headers) {
		for (String header : headers) {
			Integer column = this.columns.get(header);
			if (column != null) {
				return (column < row.cells().size()) ? row.cells().get(column) : "";
			}
		}
		return null;
	}

	/**
	 * Reads a file; empty when it has no header row a platform would write.
	 * @throws IOException when it is neither readable CSV nor XLSX
	 */
	static ExportTable read(String fileName, byte[] content) throws IOException {
		boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3
				&& content[3] == 4;
		List<Row> all = zip ? xlsx(content) : csv(content);
		for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, all.size()); i++) {
			List<String> headers = all.get(i).cells().stream().map(Cells::header).toList();
			if (headers.stream().anyMatch(KEY_HEADERS::contains)) {
				return new ExportTable(fileName, headers, new ArrayList<>(all.subList(i + 1, all.size())));
			}
		}
		return new ExportTable(fileName, List.of(), List.of());
	}

	private static List<Row> csv(byte[] content) throws IOException {
		List<Row> rows = new ArrayList<>();
		try {
			CsvRecords.read(UploadedText.of(content).text(), (line, cells) -> rows.add(new Row(line, cells)));
		}
		catch (IOException ex) {
			throw new IOException("not a readable CSV file", ex);
		}
		return rows;
	}

	/**
	 * The first sheet of an XLSX file, streamed (SAX) so that a large export never sits
	 * in memory as a workbook; formulas are never evaluated (the file's cached text is
	 * read), dates come out as {@code yyyy-MM-dd HH:mm:ss}.
	 */
	private static List<Row> xlsx(byte[] content) throws IOException {
		List<Row> rows = new ArrayList<>();
		try (OPCPackage pack = OPCPackage.open(new ByteArrayInputStream(content))) {
			XSSFReader reader = new XSSFReader(pack);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pack);
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				return rows;
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
						new SheetRows(rows), new IsoDates(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (IOException | RuntimeException | OpenXML4JException | SAXException | ParserConfigurationException ex) {
			throw new IOException("not a readable XLSX file", ex);
		}
		return rows;
	}

	/** Collects the rows of a streamed sheet, each cell at its column. */
	private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final List<Row> rows;

		private List<String> cells;

		SheetRows(List<Row> rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			if (this.cells.stream().anyMatch(cell -> !cell.isBlank())) {
				this.rows.add(new Row(rowNum + 1, this.cells));
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = new CellReference(reference).getCol();
			while (this.cells.size() < column) {
				this.cells.add("");
			}
			this.cells.add((value != null) ? value : "");
		}

	}

	/**
	 * Formats date cells as {@code yyyy-MM-dd HH:mm:ss} whatever their display format.
	 */
	private static final class IsoDates extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, use1904).toString().replace('T', ' ');
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

	}

}
