package org.farmgate.logistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.farmgate.registry.Platform;
import org.farmgate.web.CsvCells;

/**
 * The files a seller uploads to a marketplace's seller centre to mark orders shipped in
 * bulk, one order a row with its carrier and tracking number, in the layout of each
 * marketplace's bulk-shipping template:
 * <ul>
 * <li>Taobao, Tmall: CSV in GBK, {@code 订单编号,物流公司,运单号};</li>
 * <li>JD: XLSX, {@code 订单号,物流公司,运单号};</li>
 * <li>Pinduoduo: CSV in UTF-8 with a byte order mark, {@code 订单号,快递公司,快递单号};</li>
 * <li>Douyin: XLSX, {@code 订单编号,物流公司,物流单号};</li>
 * <li>the county's storefront, Suning and others: CSV in UTF-8 with a byte order mark,
 * {@code order_no,carrier,tracking_no} with the carrier's code.</li>
 * </ul>
 * The carrier is named as {@link Carrier#nameFor(Platform)} gives it. Nothing in the
 * files runs as a spreadsheet formula: CSV cells go through {@link CsvCells}, XLSX cells
 * are all string cells, so that long order numbers also stay text.
 */
public final class ShipConfirmations {

	/** The content type of XLSX files. */
	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final Charset GBK = Charset.forName("GBK");

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private ShipConfirmations() {
	}

	/**
	 * One shipped order: its number on the marketplace, its carrier and tracking number.
	 */
	public record Confirmation(String platformOrderNo, Carrier carrier, String trackingNo) {

		public Confirmation {
			Objects.requireNonNull(platformOrderNo, "platformOrderNo");
			Objects.requireNonNull(carrier, "carrier");
			Objects.requireNonNull(trackingNo, "trackingNo");
		}

	}

	/** The file of the rows in the platform's layout. */
	public static byte[] file(Platform platform, List<Confirmation> rows) {
		Layout layout = Layout.of(platform);
		if (layout.xlsx) {
			return xlsx(platform, layout.header, rows);
		}
		StringBuilder csv = new StringBuilder(CsvCells.row((Object[]) layout.header));
		for (Confirmation row : rows) {
			csv.append(CsvCells.row(row.platformOrderNo(), row.carrier().nameFor(platform), row.trackingNo()));
		}
		byte[] text = csv.toString().getBytes(layout.charset);
		if (!layout.bom) {
			return text;
		}
		byte[] withBom = new byte[BOM.length + text.length];
		System.arraycopy(BOM, 0, withBom, 0, BOM.length);
		System.arraycopy(text, 0, withBom, BOM.length, text.length);
		return withBom;
	}

	/**
	 * The name to download the file as, e.g. {@code shipping-taobao-20250601.csv} (ASCII,
	 * so that it survives every browser and seller centre).
	 */
	public static String fileName(Platform platform, LocalDate day) {
		return "shipping-" + platform.name().toLowerCase(Locale.ROOT) + "-"
				+ day.format(DateTimeFormatter.BASIC_ISO_DATE) + (Layout.of(platform).xlsx ? ".xlsx" : ".csv");
	}

	/** The content type of the platform's file, with the charset of a CSV file. */
	public static String contentType(Platform platform) {
		Layout layout = Layout.of(platform);
		return layout.xlsx ? XLSX : "text/csv; charset=" + layout.charset.name();
	}

	private static byte[] xlsx(Platform platform, String[] header, List<Confirmation> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Sheet1");
			// the text format "@": what the seller types in later stays text as well
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			write(sheet.createRow(0), text, header);
			int r = 1;
			for (Confirmation row : rows) {
				write(sheet.createRow(r++), text, row.platformOrderNo(), row.carrier().nameFor(platform),
						row.trackingNo());
			}
			for (int column = 0; column < header.length; column++) {
				sheet.setDefaultColumnStyle(column, text);
				sheet.setColumnWidth(column, 24 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** String cells: shown as they are, never evaluated, never turned into numbers. */
	private static void write(Row row, CellStyle style, String... values) {
		for (int i = 0; i < values.length; i++) {
			Cell cell = row.createCell(i, CellType.STRING);
			cell.setCellStyle(style);
			cell.setCellValue(values[i]);
		}
	}

	private enum Layout {

		TAOBAO(false, GBK, false, "订单编号", "物流公司", "运单号"),

		JD(true, null, false, "订单号", "物流公司", "运单号"),

		PINDUODUO(false, StandardCharsets.UTF_8, true, "订单号", "快递公司", "快递单号"),

		DOUYIN(true, null, false, "订单编号", "物流公司", "物流单号"),

		PLAIN(false, StandardCharsets.UTF_8, true, "order_no", "carrier", "tracking_no");

		private final boolean xlsx;

		private final Charset charset;

		private final boolean bom;

		private final String[] header;

		Layout(boolean xlsx, Charset charset, boolean bom, String... header) {
			this.xlsx = xlsx;
			this.charset = charset;
			this.bom = bom;
			this.header = header;
		}

		static Layout of(Platform platform) {
			return switch (platform) {
				case TAOBAO, TMALL -> TAOBAO;
				case JD -> JD;
				case PINDUODUO -> PINDUODUO;
				case DOUYIN -> DOUYIN;
				case SUNING, LOCAL, OTHER -> PLAIN;
			};
		}

	}

}
