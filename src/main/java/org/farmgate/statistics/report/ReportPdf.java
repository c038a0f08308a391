package org.farmgate.statistics.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.farmgate.statistics.Summary;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monthly report as a PDF for print: the headline figures, two charts drawn as vector
 * graphics (monthly net sales against the year before, net sales by platform), and the
 * tables, with Chinese in STSong-Light and figures in Helvetica.
 */
@Component
public class ReportPdf {

	private static final Color GREEN = new Color(0x2e, 0x7d, 0x32);

	private static final Color GREY = new Color(0xb0, 0xb0, 0xb0);

	private static final Color LINE = new Color(0xdd, 0xdd, 0xdd);

	private static final Color HEAD = new Color(0xe8, 0xf5, 0xe9);

	private static final float CHART_WIDTH = 523;

	private final MessageSource messages;

	ReportPdf(MessageSource messages) {
		this.messages = messages;
	}

	/** The report's PDF. */
	public byte[] write(MonthlyReport report, Locale locale) {
		try {
			ReportFonts fonts = new ReportFonts();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A4, 36, 36, 40, 40);
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(title(report, locale));
			document.addCreator("Farmgate");
			document.open();
			Paragraph title = new Paragraph(fonts.phrase(title(report, locale), 16, true));
			title.setAlignment(Element.ALIGN_CENTER);
			document.add(title);
			if (report.organisation() != null) {
				centered(document, fonts, text("statistics.report.organisation", locale, report.organisation()), 11);
			}
			centered(document, fonts, text("statistics.report.period", locale, report.month().atDay(1).toString(),
					report.month().atEndOfMonth().toString()), 10);
			centered(document, fonts, text("statistics.report.definitions", locale), 8);
			heading(document, fonts, text("statistics.report.headline", locale));
			document.add(headline(report.summary(), fonts, locale));
			heading(document, fonts, text("statistics.report.chart.monthly", locale,
					String.valueOf(report.monthly().year()), String.valueOf(report.monthly().year() - 1)));
			document.add(monthlyChart(writer, fonts, report, locale));
			if (!report.platforms().isEmpty()) {
				heading(document, fonts, text("statistics.report.chart.platforms", locale));
				document.add(platformChart(writer, fonts, report.platforms(), locale));
			}
			table(document, fonts, locale, "statistics.report.table.platforms", "statistics.report.platform",
					report.platforms(), false, report.summary().salesNet());
			table(document, fonts, locale, "statistics.report.table.categories", "statistics.report.category",
					report.categories(), false, report.summary().salesNet());
			table(document, fonts, locale, "statistics.report.table.products", "statistics.report.product",
					report.products(), true, report.summary().salesNet());
			table(document, fonts, locale, "statistics.report.table.villages", "statistics.report.village",
					report.villages(), false, report.summary().salesNet());
			table(document, fonts, locale, "statistics.report.table.provinces", "statistics.report.province",
					report.provinces(), false, report.summary().salesNet());
			taobao(document, fonts, locale, report.taobaoVillages());
			document.close();
			return out.toByteArray();
		}
		catch (IOException | DocumentException ex) {
			throw new IllegalStateException("monthly report PDF", ex);
		}
	}

	private String title(MonthlyReport report, Locale locale) {
		return text("statistics.report.title", locale, report.areaName(), report.month().toString());
	}

	private PdfPTable headline(Summary summary, ReportFonts fonts, Locale locale) throws DocumentException {
		List<String[]> rows = new ArrayList<>();
		rows.add(pair("statistics.report.sales-net", ReportNumbers.money(summary.salesNet(), locale), locale));
		rows.add(pair("statistics.report.sales-gross", ReportNumbers.money(summary.salesGross(), locale), locale));
		rows.add(pair("statistics.report.sales-net-ytd", ReportNumbers.money(summary.salesNetYearToDate(), locale),
				locale));
		rows.add(pair("statistics.report.sales-gross-ytd", ReportNumbers.money(summary.salesGrossYearToDate(), locale),
				locale));
		rows.add(pair("statistics.report.sales-net-year-before",
				ReportNumbers.money(summary.salesNetYearBefore(), locale), locale));
		rows.add(pair("statistics.report.yoy", ReportNumbers.percent(summary.yoyGrowth(), locale), locale));
		rows.add(pair("statistics.report.orders", ReportNumbers.count(summary.orders(), locale), locale));
		rows.add(pair("statistics.report.shops", ReportNumbers.count(summary.shops(), locale), locale));
		rows.add(pair("statistics.report.active-shops", ReportNumbers.count(summary.activeShops(), locale), locale));
		rows.add(pair("statistics.report.product-types", ReportNumbers.count(summary.productTypes(), locale), locale));
		rows.add(pair("statistics.report.entrepreneurs", ReportNumbers.count(summary.entrepreneurs(), locale), locale));
		rows.add(pair("statistics.report.provinces", ReportNumbers.count(summary.provincesReached(), locale), locale));
		rows.add(pair("statistics.report.cities", ReportNumbers.count(summary.citiesReached(), locale), locale));
		rows.add(pair("statistics.report.counties", ReportNumbers.count(summary.countiesReached(), locale), locale));
		rows.add(pair("statistics.report.hmt", ReportNumbers.count(summary.hongKongMacaoTaiwanReached(), locale),
				locale));
		rows.add(pair("statistics.report.unresolved", ReportNumbers.count(summary.ordersUnresolved(), locale), locale));
		rows.add(pair("statistics.report.farmers", ReportNumbers.count(summary.farmersIncomeIncreased(), locale),
				locale));
		rows.add(pair("statistics.report.disadvantaged",
				ReportNumbers.count(summary.disadvantagedFarmersIncomeIncreased(), locale), locale));
		rows.add(pair("statistics.report.villages-benefiting",
				ReportNumbers.count(summary.villagesBenefiting(), locale), locale));
		rows.add(
				pair("statistics.report.training", ReportNumbers.count(summary.trainingPersonTimes(), locale), locale));
		PdfPTable table = new PdfPTable(4);
		table.setWidthPercentage(100);
		table.setWidths(new float[] { 3, 2, 3, 2 });
		for (String[] row : rows) {
			table.addCell(cell(fonts, row[0], Element.ALIGN_LEFT, null));
			table.addCell(cell(fonts, row[1], Element.ALIGN_RIGHT, null));
		}
		return table;
	}

	private String[] pair(String key, String value, Locale locale) {
		return new String[] { text(key, locale), value };
	}

	private void table(Document document, ReportFonts fonts, Locale locale, String title, String nameKey,
			List<MonthlyReport.Line> lines, boolean quantity, BigDecimal total) throws DocumentException {
		heading(document, fonts, text(title, locale));
		if (lines.isEmpty()) {
			document.add(new Paragraph(fonts.phrase(text("statistics.report.none", locale), 9, false)));
			return;
		}
		PdfPTable table = new PdfPTable(quantity ? 5 : 4);
		table.setWidthPercentage(100);
		table.setWidths(quantity ? new float[] { 5, 2, 2, 3, 2 } : new float[] { 5, 2, 3, 2 });
		table.setHeaderRows(1);
		table.addCell(cell(fonts, text(nameKey, locale), Element.ALIGN_LEFT, HEAD));
		if (quantity) {
			table.addCell(cell(fonts, text("statistics.report.quantity", locale), Element.ALIGN_RIGHT, HEAD));
		}
		table.addCell(cell(fonts, text("statistics.report.orders", locale), Element.ALIGN_RIGHT, HEAD));
		table.addCell(cell(fonts, text("statistics.report.net", locale), Element.ALIGN_RIGHT, HEAD));
		table.addCell(cell(fonts, text("statistics.report.share", locale), Element.ALIGN_RIGHT, HEAD));
		for (MonthlyReport.Line line : lines) {
			table.addCell(cell(fonts, line.name(), Element.ALIGN_LEFT, null));
			if (quantity) {
				table.addCell(cell(fonts, ReportNumbers.count(line.quantity(), locale), Element.ALIGN_RIGHT, null));
			}
			table.addCell(cell(fonts, ReportNumbers.count(line.orders(), locale), Element.ALIGN_RIGHT, null));
			table.addCell(cell(fonts, ReportNumbers.money(line.net(), locale), Element.ALIGN_RIGHT, null));
			table.addCell(cell(fonts,
					(total.signum() > 0) ? ReportNumbers
						.percent(line.net().divide(total, 4, java.math.RoundingMode.HALF_EVEN), locale) : "—",
					Element.ALIGN_RIGHT, null));
		}
		document.add(table);
	}

	private void taobao(Document document, ReportFonts fonts, Locale locale, List<MonthlyReport.Taobao> villages)
			throws DocumentException {
		heading(document, fonts, text("statistics.report.table.taobao", locale));
		if (villages.isEmpty()) {
			document.add(new Paragraph(fonts.phrase(text("statistics.report.none", locale), 9, false)));
			return;
		}
		PdfPTable table = new PdfPTable(7);
		table.setWidthPercentage(100);
		table.setWidths(new float[] { 5, 3, 2, 2, 2, 3, 2 });
		table.setHeaderRows(1);
		for (String key : new String[] { "statistics.report.village", "statistics.report.sales-year",
				"statistics.report.active-shops", "statistics.report.households", "statistics.report.qualifies",
				"statistics.report.sales-missing", "statistics.report.active-shops-missing" }) {
			table.addCell(cell(fonts, text(key, locale),
					key.equals("statistics.report.village") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT, HEAD));
		}
		for (MonthlyReport.Taobao village : villages) {
			table.addCell(cell(fonts, village.village(), Element.ALIGN_LEFT, null));
			table.addCell(cell(fonts, ReportNumbers.money(village.sales(), locale), Element.ALIGN_RIGHT, null));
			table.addCell(cell(fonts, village.activeShops() + " / " + village.shops(), Element.ALIGN_RIGHT, null));
			table.addCell(cell(fonts, ReportNumbers.count(village.households(), locale), Element.ALIGN_RIGHT, null));
			table.addCell(
					cell(fonts, text(village.qualifies() ? "statistics.report.yes" : "statistics.report.no", locale),
							Element.ALIGN_RIGHT, null));
			table.addCell(cell(fonts, ReportNumbers.money(village.salesMissing(), locale), Element.ALIGN_RIGHT, null));
			table.addCell(
					cell(fonts, ReportNumbers.count(village.activeShopsMissing(), locale), Element.ALIGN_RIGHT, null));
		}
		document.add(table);
	}

	/**
	 * Bars of each month's net sales, last year's in grey beside this year's in green.
	 */
	private Image monthlyChart(PdfWriter writer, ReportFonts fonts, MonthlyReport report, Locale locale)
			throws DocumentException {
		float height = 200;
		PdfTemplate chart = writer.getDirectContent().createTemplate(CHART_WIDTH, height);
		List<BigDecimal> thisYear = report.monthly().thisYear();
		List<BigDecimal> lastYear = report.monthly().lastYear();
		BigDecimal max = BigDecimal.ZERO;
		for (int i = 0; i < 12; i++) {
			max = max.max(thisYear.get(i)).max(lastYear.get(i));
		}
		float left = 70;
		float bottom = 30;
		float top = height - 25;
		float plot = top - bottom;
		float scale = (max.signum() > 0) ? plot / max.floatValue() : 0;
		grid(chart, fonts, left, bottom, CHART_WIDTH - 5, plot, max, locale);
		float group = (CHART_WIDTH - 5 - left) / 12;
		float bar = group * 0.35f;
		for (int i = 0; i < 12; i++) {
			float x = left + group * i + group * 0.15f;
			bar(chart, GREY, x, bottom, bar, Math.max(0, lastYear.get(i).floatValue() * scale));
			bar(chart, GREEN, x + bar, bottom, bar, Math.max(0, thisYear.get(i).floatValue() * scale));
			label(chart, fonts, String.valueOf(i + 1), left + group * i + group / 2, bottom - 12, 8,
					PdfContentByte.ALIGN_CENTER);
		}
		label(chart, fonts, text("statistics.report.month", locale), left + (CHART_WIDTH - left) / 2, 2, 8,
				PdfContentByte.ALIGN_CENTER);
		legend(chart, fonts, GREEN, String.valueOf(report.monthly().year()), left, top + 10);
		legend(chart, fonts, GREY, String.valueOf(report.monthly().year() - 1), left + 60, top + 10);
		Image image = Image.getInstance(chart);
		image.setAlignment(Element.ALIGN_CENTER);
		return image;
	}

	/** One horizontal bar per platform, its net sales written after it. */
	private Image platformChart(PdfWriter writer, ReportFonts fonts, List<MonthlyReport.Line> platforms, Locale locale)
			throws DocumentException {
		float row = 18;
		float height = row * platforms.size() + 10;
		PdfTemplate chart = writer.getDirectContent().createTemplate(CHART_WIDTH, height);
		BigDecimal max = platforms.stream().map(MonthlyReport.Line::net).reduce(BigDecimal.ZERO, BigDecimal::max);
		float left = 90;
		float width = CHART_WIDTH - left - 90;
		for (int i = 0; i < platforms.size(); i++) {
			MonthlyReport.Line platform = platforms.get(i);
			float y = height - row * (i + 1);
			label(chart, fonts, platform.name(), left - 6, y + 4, 9, PdfContentByte.ALIGN_RIGHT);
			float length = (max.signum() > 0) ? Math.max(0, platform.net().floatValue() / max.floatValue() * width) : 0;
			bar(chart, GREEN, left, y, length, row * 0.7f);
			label(chart, fonts, ReportNumbers.money(platform.net(), locale), left + length + 4, y + 4, 8,
					PdfContentByte.ALIGN_LEFT);
		}
		Image image = Image.getInstance(chart);
		image.setAlignment(Element.ALIGN_CENTER);
		return image;
	}

	private static void grid(PdfTemplate chart, ReportFonts fonts, float left, float bottom, float right, float plot,
			BigDecimal max, Locale locale) {
		chart.setColorStroke(LINE);
		chart.setLineWidth(0.5f);
		for (int step = 0; step <= 4; step++) {
			float y = bottom + plot * step / 4;
			chart.moveTo(left, y);
			chart.lineTo(right, y);
			chart.stroke();
			BigDecimal value = max.multiply(BigDecimal.valueOf(step))
				.divide(BigDecimal.valueOf(4), 0, java.math.RoundingMode.HALF_EVEN);
			label(chart, fonts, ReportNumbers.count(value.longValue(), locale), left - 4, y - 3, 7,
					PdfContentByte.ALIGN_RIGHT);
		}
	}

	private static void bar(PdfTemplate chart, Color color, float x, float y, float width, float height) {
		if (width <= 0 || height <= 0) {
			return;
		}
		chart.setColorFill(color);
		chart.rectangle(x, y, width, height);
		chart.fill();
	}

	private static void legend(PdfTemplate chart, ReportFonts fonts, Color color, String label, float x, float y) {
		bar(chart, color, x, y, 10, 8);
		label(chart, fonts, label, x + 14, y, 8, PdfContentByte.ALIGN_LEFT);
	}

	private static void label(PdfTemplate chart, ReportFonts fonts, String text, float x, float y, float size,
			int alignment) {
		BaseFont font = fonts.font(text);
		chart.beginText();
		chart.setColorFill(Color.DARK_GRAY);
		chart.setFontAndSize(font, size);
		chart.showTextAligned(alignment, text, x, y, 0);
		chart.endText();
	}

	private static void centered(Document document, ReportFonts fonts, String text, float size)
			throws DocumentException {
		Paragraph paragraph = new Paragraph(fonts.phrase(text, size, false));
		paragraph.setAlignment(Element.ALIGN_CENTER);
		document.add(paragraph);
	}

	private static void heading(Document document, ReportFonts fonts, String text) throws DocumentException {
		Paragraph paragraph = new Paragraph(fonts.phrase(text, 12, true));
		paragraph.setSpacingBefore(10);
		paragraph.setSpacingAfter(4);
		document.add(paragraph);
	}

	private static PdfPCell cell(ReportFonts fonts, String text, int alignment, Color background) {
		PdfPCell cell = new PdfPCell(fonts.phrase(text, 9, background != null));
		cell.setHorizontalAlignment(alignment);
		cell.setBorderColor(LINE);
		cell.setBorder(Rectangle.BOX);
		cell.setPadding(3);
		if (background != null) {
			cell.setBackgroundColor(background);
		}
		return cell;
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

}
