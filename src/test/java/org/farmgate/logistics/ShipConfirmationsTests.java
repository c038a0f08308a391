package org.farmgate.logistics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.farmgate.logistics.ShipConfirmations.Confirmation;
import org.farmgate.registry.Platform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk-shipping files read back as the seller centres read them: the right encoding,
 * header and carrier names, and nothing in them that a spreadsheet would run or turn into
 * a number.
 */
class ShipConfirmationsTests {

	private static final String ORDER = "3817261546271829304";

	private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"查看\")";

	private static final List<Confirmation> ROWS = List.of(new Confirmation(ORDER, Carrier.ZTO, "75123456789012"),
			new Confirmation("2407011234567", Carrier.SF, FORMULA));

	@Test
	void taobaoGetsAGbkCsvWithItsHeaderAndChineseCarrierNames() throws IOException {
		byte[] file = ShipConfirmations.file(Platform.TAOBAO, ROWS);
		// GBK, no byte order mark: the header's first bytes are 订 in GBK
		assertThat(file).startsWith("订单编号".getBytes(Charset.forName("GBK")));
		List<List<String>> rows = csv(file, Charset.forName("GBK"));
		assertThat(rows.get(0)).containsExactly("订单编号", "物流公司", "运单号");
		assertThat(rows.get(1)).containsExactly(ORDER, "中通快递", "75123456789012");
		assertThat(ShipConfirmations.contentType(Platform.TAOBAO)).isEqualTo("text/csv; charset=GBK");
		assertThat(ShipConfirmations.file(Platform.TMALL, ROWS)).isEqualTo(file);
	}

	@Test
	void pinduoduoGetsAUtf8CsvWithAByteOrderMark() throws IOException {
		byte[] file = ShipConfirmations.file(Platform.PINDUODUO, ROWS);
		assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<List<String>> rows = csv(Arrays.copyOfRange(file, 3, file.length), StandardCharsets.UTF_8);
		assertThat(rows.get(0)).containsExactly("订单号", "快递公司", "快递单号");
		assertThat(rows.get(1)).containsExactly(ORDER, "中通快递", "75123456789012");
		assertThat(ShipConfirmations.contentType(Platform.PINDUODUO)).isEqualTo("text/csv; charset=UTF-8");
	}

	@Test
	void ourOwnStorefrontSuningAndOthersGetAUtf8CsvWithCarrierCodes() throws IOException {
		for (Platform platform : List.of(Platform.LOCAL, Platform.SUNING, Platform.OTHER)) {
			byte[] file = ShipConfirmations.file(platform, ROWS);
			List<List<String>> rows = csv(Arrays.copyOfRange(file, 3, file.length), StandardCharsets.UTF_8);
			assertThat(rows.get(0)).containsExactly("order_no", "carrier", "tracking_no");
			assertThat(rows.get(1)).containsExactly(ORDER, "zhongtong", "75123456789012");
			assertThat(Carrier.fromCode(rows.get(2).get(1))).contains(Carrier.SF);
		}
	}

	@Test
	void jdGetsAnXlsxWithItsHeader() throws IOException {
		byte[] file = ShipConfirmations.file(Platform.JD, ROWS);
		List<List<String>> rows = xlsx(file);
		assertThat(rows.get(0)).containsExactly("订单号", "物流公司", "运单号");
		assertThat(rows.get(1)).containsExactly(ORDER, "中通快递", "75123456789012");
		assertThat(ShipConfirmations.contentType(Platform.JD)).isEqualTo(ShipConfirmations.XLSX);
	}

	@Test
	void douyinGetsAnXlsxWithItsHeader() throws IOException {
		List<List<String>> rows = xlsx(ShipConfirmations.file(Platform.DOUYIN, ROWS));
		assertThat(rows.get(0)).containsExactly("订单编号", "物流公司", "物流单号");
		assertThat(rows.get(2)).containsExactly("2407011234567", "顺丰速运", FORMULA);
	}

	@Test
	void aFormulaInACsvComesOutAsTextPrefixedWithAnApostrophe() throws IOException {
		List<List<String>> taobao = csv(ShipConfirmations.file(Platform.TAOBAO, ROWS), Charset.forName("GBK"));
		assertThat(taobao.get(2).get(2)).isEqualTo("'" + FORMULA);
		byte[] local = ShipConfirmations.file(Platform.LOCAL, ROWS);
		assertThat(csv(Arrays.copyOfRange(local, 3, local.length), StandardCharsets.UTF_8).get(2).get(2))
			.isEqualTo("'" + FORMULA);
	}

	@Test
	void aFormulaAndALongOrderNumberInAnXlsxAreStringCells() throws IOException {
		for (Platform platform : List.of(Platform.JD, Platform.DOUYIN)) {
			try (XSSFWorkbook workbook = new XSSFWorkbook(
					new ByteArrayInputStream(ShipConfirmations.file(platform, ROWS)))) {
				Sheet sheet = workbook.getSheetAt(0);
				Cell order = sheet.getRow(1).getCell(0);
				assertThat(order.getCellType()).isEqualTo(CellType.STRING);
				assertThat(order.getStringCellValue()).isEqualTo(ORDER);
				Cell formula = sheet.getRow(2).getCell(2);
				assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
				assertThat(formula.getStringCellValue()).isEqualTo(FORMULA);
			}
		}
	}

	@Test
	void theFileIsNamedByPlatformAndDayWithItsExtension() {
		LocalDate day = LocalDate.of(2025, 6, 1);
		assertThat(ShipConfirmations.fileName(Platform.TAOBAO, day)).isEqualTo("shipping-taobao-20250601.csv");
		assertThat(ShipConfirmations.fileName(Platform.JD, day)).isEqualTo("shipping-jd-20250601.xlsx");
		assertThat(ShipConfirmations.fileName(Platform.DOUYIN, day)).endsWith(".xlsx");
		assertThat(ShipConfirmations.fileName(Platform.PINDUODUO, day)).endsWith(".csv");
	}

	private static List<List<String>> csv(byte[] file, Charset charset) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(new String(file, charset)), CSVFormat.DEFAULT)) {
			for (CSVRecord record : parser) {
				rows.add(record.toList());
			}
		}
		return rows;
	}

	private static List<List<String>> xlsx(byte[] file) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			for (Row row : workbook.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (Cell cell : row) {
					cells.add(cell.getStringCellValue());
				}
				rows.add(cells);
			}
		}
		return rows;
	}

}
