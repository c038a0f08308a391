package org.farmgate.logistics;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.farmgate.web.PdfFonts;

/**
 * The printable route sheet of a day's plan of the county's vans: an A4 portrait PDF with
 * the plan's summary, then each van on pages of its own (its stops in a table to sign at
 * every stop, the header row repeated on each page), then the loads that could not be
 * planned.
 * <p>
 * As on {@link ShippingLabels}, Chinese text is set in the Adobe font STSong-Light
 * (nothing to embed) and every run of printable ASCII (plates, station codes, times, kg,
 * English words; with the Latin-1 signs) in Helvetica, so that readers can search and
 * copy it.
 */
final class RouteSheets {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter PLANNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final float MARGIN = 36;

	/** The stops' columns in points: together the page's width inside the margins. */
	private static final float[] STOP_COLUMNS = { 30, 175, 44, 44, 52, 52, 52, 74 };

	private static final float[] UNPLANNED_COLUMNS = { 263, 70, 60, 130 };

	/** The inner padding of a table cell. */
	private static final float PADDING = 3;

	private static final Color HEADER_GREY = new Color(0xE8, 0xE8, 0xE8);

	private static final String ELLIPSIS = "…";

	private RouteSheets() {
	}

	/**
	 * The route sheet of the plan. {@code stationAddress} gives the address printed under
	 * a station's name, or null for none.
	 */
	static byte[] pdf(RunView run, String countyName, Function<UUID, String> stationAddress) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Fonts fonts = new Fonts();
			Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
			PdfWriter.getInstance(document, out);
			document.addTitle(countyName + " route sheet " + run.day());
			document.open();
			summary(document, run, countyName, fonts);
			if (run.routes().isEmpty()) {
				document.add(paragraph(fonts, "当天没有需要运输的货物 Nothing to carry that day", 13, true, 12, 8));
			}
			for (int i = 0; i < run.routes().size(); i++) {
				if (i > 0) {
					document.newPage();
					document.add(paragraph(fonts, countyName + " 物流车辆线路单 Route sheet " + run.day(), 9, false, 0, 0));
				}
				vehicle(document, run.routes().get(i), stationAddress, fonts);
			}
			if (!run.unplanned().isEmpty()) {
				if (!run.routes().isEmpty()) {
					document.newPage();
				}
				unplanned(document, run, fonts);
			}
			document.close();
			return out.toByteArray();
		}
		catch (IOException | DocumentException ex) {
			throw new IllegalStateException("Could not draw the route sheet of " + run.day(), ex);
		}
	}

	private static void summary(Document document, RunView run, String countyName, Fonts fonts)
			throws DocumentException {
		document.add(paragraph(fonts, countyName + " 物流车辆线路单 Route sheet", 18, true, 0, 8));
		String planned = (run.plannedAt() != null) ? PLANNED_AT.format(run.plannedAt().atZone(CHINA)) : "";
		document.add(paragraph(fonts,
				"日期 Day: " + run.day() + "    编排于 Planned at: " + planned + "    编排人 By: " + clean(run.plannedBy()), 10,
				false, 0, 2));
		document.add(paragraph(fonts,
				"总里程 Total distance: " + km(run.distanceKm()) + "    距离来源 Distances: " + distances(run), 10, false, 0,
				10));
	}

	private static String distances(RunView run) {
		if ("GREAT_CIRCLE".equals(run.distances())) {
			return "直线距离×道路系数 " + ((run.roadFactor() != null) ? plain(run.roadFactor()) : "");
		}
		if ("MATRIX".equals(run.distances())) {
			return "上传的道路距离表";
		}
		return clean(run.distances());
	}

	private static void vehicle(Document document, RunView.VehicleRoute route, Function<UUID, String> stationAddress,
			Fonts fonts) throws DocumentException {
		document.add(paragraph(fonts, "车辆 Vehicle: " + clean(route.name()), 14, true, 6, 4));
		PdfPTable facts = new PdfPTable(3);
		facts.setWidthPercentage(100);
		facts.getDefaultCell().setBorder(Rectangle.NO_BORDER);
		fact(facts, fonts, "车牌 Plate: ", route.plate());
		fact(facts, fonts, "载重 Capacity: ", route.capacityKg() + " kg");
		fact(facts, fonts, "出车时装载 Load at start: ", route.loadAtStartKg() + " kg");
		fact(facts, fonts, "出发 Depart: ", RunView.clock(route.startMinute()));
		fact(facts, fonts, "返回 Return: ", RunView.clock(route.endMinute()));
		fact(facts, fonts, "里程 Distance: ", km(route.distanceKm()));
		facts.setSpacingAfter(8);
		document.add(facts);

		PdfPTable stops = new PdfPTable(STOP_COLUMNS.length);
		stops.setTotalWidth(STOP_COLUMNS);
		stops.setLockedWidth(true);
		stops.setHeaderRows(1);
		stops.setHorizontalAlignment(Element.ALIGN_LEFT);
		header(stops, fonts, "序号", "No.", Element.ALIGN_CENTER);
		header(stops, fonts, "站点", "Station", Element.ALIGN_LEFT);
		header(stops, fonts, "到达", "Arrive", Element.ALIGN_CENTER);
		header(stops, fonts, "离开", "Leave", Element.ALIGN_CENTER);
		header(stops, fonts, "取件 kg", "Pickup", Element.ALIGN_RIGHT);
		header(stops, fonts, "送货 kg", "Deliver", Element.ALIGN_RIGHT);
		header(stops, fonts, "车上 kg", "On board", Element.ALIGN_RIGHT);
		header(stops, fonts, "签字", "Signature", Element.ALIGN_CENTER);
		for (RunView.RunStop stop : route.stops()) {
			stops.addCell(cell(fonts, String.valueOf(stop.position()), 9, Element.ALIGN_CENTER));
			stops.addCell(station(fonts, stop, stationAddress.apply(stop.stationId()), STOP_COLUMNS[1]));
			stops.addCell(cell(fonts, RunView.clock(stop.arrivalMinute()), 9, Element.ALIGN_CENTER));
			stops.addCell(cell(fonts, RunView.clock(stop.departureMinute()), 9, Element.ALIGN_CENTER));
			stops.addCell(cell(fonts, String.valueOf(stop.pickupKg()), 9, Element.ALIGN_RIGHT));
			stops.addCell(cell(fonts, String.valueOf(stop.deliveryKg()), 9, Element.ALIGN_RIGHT));
			stops.addCell(cell(fonts, String.valueOf(stop.loadAfterKg()), 9, Element.ALIGN_RIGHT));
			PdfPCell signature = new PdfPCell(new Phrase(""));
			signature.setMinimumHeight(30);
			stops.addCell(signature);
		}
		document.add(stops);
	}

	private static void fact(PdfPTable facts, Fonts fonts, String label, String value) {
		Phrase phrase = fonts.phrase(label, 9, false);
		fonts.append(phrase, clean(value), 10, true);
		PdfPCell cell = new PdfPCell(phrase);
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setPaddingBottom(4);
		facts.addCell(cell);
	}

	/** The station's code and name, with its address under it in small type. */
	private static PdfPCell station(Fonts fonts, RunView.RunStop stop, String address, float width) {
		float room = width - 2 * PADDING - 1;
		String name = (clean(stop.stationCode()) + " " + clean(stop.stationName())).strip();
		PdfPCell cell = new PdfPCell();
		cell.setPadding(PADDING);
		cell.setPaddingTop(1);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		cell.addElement(paragraph(fonts, fonts.cut(name, 9, false, room), 9, false, 0, 0));
		String clean = clean(address);
		if (!clean.isEmpty()) {
			cell.addElement(paragraph(fonts, fonts.cut(clean, 6.5f, false, room), 6.5f, false, 0, 0));
		}
		return cell;
	}

	private static void unplanned(Document document, RunView run, Fonts fonts) throws DocumentException {
		document.add(paragraph(fonts, "未能安排 Not planned", 14, true, 6, 6));
		PdfPTable table = new PdfPTable(UNPLANNED_COLUMNS.length);
		table.setTotalWidth(UNPLANNED_COLUMNS);
		table.setLockedWidth(true);
		table.setHeaderRows(1);
		table.setHorizontalAlignment(Element.ALIGN_LEFT);
		header(table, fonts, "站点", "Station", Element.ALIGN_LEFT);
		header(table, fonts, "方向", "Direction", Element.ALIGN_CENTER);
		header(table, fonts, "kg", "", Element.ALIGN_RIGHT);
		header(table, fonts, "原因", "Reason", Element.ALIGN_LEFT);
		for (RunView.UnplannedLoad load : run.unplanned()) {
			float room = UNPLANNED_COLUMNS[0] - 2 * PADDING - 1;
			table.addCell(cell(fonts, fonts.cut(clean(load.stationName()), 9, false, room), 9, Element.ALIGN_LEFT));
			table.addCell(cell(fonts, direction(load.direction()), 9, Element.ALIGN_CENTER));
			table.addCell(cell(fonts, String.valueOf(load.kg()), 9, Element.ALIGN_RIGHT));
			room = UNPLANNED_COLUMNS[3] - 2 * PADDING - 1;
			table.addCell(cell(fonts, fonts.cut(clean(load.reason()), 9, false, room), 9, Element.ALIGN_LEFT));
		}
		document.add(table);
	}

	private static String direction(String direction) {
		if ("PICKUP".equals(direction)) {
			return "取件";
		}
		if ("DELIVERY".equals(direction)) {
			return "送货";
		}
		return clean(direction);
	}

	/** A header cell: the Chinese name over the English one, on grey. */
	private static void header(PdfPTable table, Fonts fonts, String chinese, String english, int alignment) {
		Phrase phrase = fonts.phrase(chinese, 8, true);
		if (!english.isEmpty()) {
			phrase.add(Chunk.NEWLINE);
			fonts.append(phrase, english, 7, false);
		}
		PdfPCell cell = new PdfPCell(phrase);
		cell.setPadding(PADDING);
		cell.setHorizontalAlignment(alignment);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		cell.setBackgroundColor(HEADER_GREY);
		table.addCell(cell);
	}

	private static PdfPCell cell(Fonts fonts, String text, float size, int alignment) {
		PdfPCell cell = new PdfPCell(fonts.phrase(text, size, false));
		cell.setPadding(PADDING);
		cell.setHorizontalAlignment(alignment);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		return cell;
	}

	private static Paragraph paragraph(Fonts fonts, String text, float size, boolean bold, float before, float after) {
		Paragraph paragraph = new Paragraph(fonts.phrase(text, size, bold));
		paragraph.setLeading(size * 1.3f);
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		return paragraph;
	}

	private static String km(BigDecimal km) {
		return (km != null) ? plain(km) + " km" : "";
	}

	private static String plain(BigDecimal number) {
		return number.stripTrailingZeros().toPlainString();
	}

	private static String clean(String text) {
		return ShippingLabels.clean(text);
	}

	/** STSong-Light for Chinese, Helvetica for the runs of printable ASCII. */
	private static final class Fonts extends PdfFonts {

		Fonts() throws IOException, DocumentException {
		}

		/** The text as chunks: runs of printable ASCII in Helvetica, the rest in Song. */
		Phrase phrase(String text, float size, boolean bold) {
			Phrase phrase = new Phrase(size * 1.25f);
			append(phrase, text, size, bold);
			return phrase;
		}

		/** Adds the text to the phrase, as {@link #phrase} sets it. */
		void append(Phrase phrase, String text, float size, boolean bold) {
			for (String run : runs(text)) {
				phrase.add(new Chunk(run, font(isAscii(run.charAt(0)), size, bold)));
			}
		}

		/** The text as it fits the width, cut with "…" when it does not. */
		String cut(String text, float size, boolean bold, float width) {
			if (width(text, size, bold) <= width) {
				return text;
			}
			int end = text.length();
			while (end > 0 && width(text.substring(0, end).stripTrailing() + ELLIPSIS, size, bold) > width) {
				end = text.offsetByCodePoints(end, -1);
			}
			return text.substring(0, end).stripTrailing() + ELLIPSIS;
		}

		private float width(String text, float size, boolean bold) {
			float width = 0;
			for (String run : runs(text)) {
				width += font(isAscii(run.charAt(0)), size, bold).getBaseFont().getWidthPoint(run, size);
			}
			return width;
		}

		/** The text cut into runs of printable ASCII and of anything else. */
		private static List<String> runs(String text) {
			List<String> runs = new ArrayList<>();
			int start = 0;
			while (start < text.length()) {
				boolean ascii = isAscii(text.charAt(start));
				int end = start;
				while (end < text.length() && isAscii(text.charAt(end)) == ascii) {
					end++;
				}
				runs.add(text.substring(start, end));
				start = end;
			}
			return runs;
		}

		private Font font(boolean ascii, float size, boolean bold) {
			if (ascii) {
				return new Font(bold ? this.helveticaBold : this.helvetica, size);
			}
			return new Font(this.song, size, bold ? Font.BOLD : Font.NORMAL);
		}

		/**
		 * Printable ASCII, and the Latin-1 signs Helvetica has too (the · of plates, ×),
		 * which STSong-Light's stand-ins do not always draw.
		 */
		private static boolean isAscii(char c) {
			return (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF);
		}

	}

}
