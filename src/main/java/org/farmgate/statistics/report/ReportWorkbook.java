package org.farmgate.statistics.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.farmgate.statistics.Summary;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monthly report as a workbook: the headline figures, the months of this year and the
 * year before, and one sheet per table. Figures are numeric cells; every text (a name
 * included, whatever it starts with) is a plain string cell, never a formula.
 */
@Component
public class ReportWorkbook {

	private final MessageSource messages;

	ReportWorkbook(MessageSource messages) {
		this.messages = messages;
	}

	/** The report's workbook. */
	public byte[] write(MonthlyReport report, Locale locale) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			CellStyle percent = workbook.createCellStyle();
			percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
			Summary summary = report.summary();
			Sheet sheet = sheet(workbook, "statistics.report.headline", locale);
			header(sheet, locale, "statistics.report.indicator", "statistics.report.value");
			int r = 1;
			r = text(sheet, r, text("statistics.report.area", locale), report.areaName() + " (" + report.area() + ")");
			if (report.organisation() != null) {
				r = text(sheet, r, text("statistics.report.organisation-name", locale), report.organisation());
			}
			r = text(sheet, r, text("statistics.report.month", locale), report.month().toString());
			r = figure(sheet, r, "statistics.report.sales-net", summary.salesNet(), money, locale);
			r = figure(sheet, r, "statistics.report.sales-gross", summary.salesGross(), money, locale);
			r = figure(sheet, r, "statistics.report.sales-net-ytd", summary.salesNetYearToDate(), money, locale);
			r = figure(sheet, r, "statistics.report.sales-gross-ytd", summary.salesGrossYearToDate(), money, locale);
			r = figure(sheet, r, "statistics.report.sales-net-year-before", summary.salesNetYearBefore(), money,
					locale);
			r = figure(sheet, r, "statistics.report.yoy", summary.yoyGrowth(), percent, locale);
			r = figure(sheet, r, "statistics.report.orders", summary.orders(), locale);
			r = figure(sheet, r, "statistics.report.shops", summary.shops(), locale);
			r = figure(sheet, r, "statistics.report.active-shops", summary.activeShops(), locale);
			r = figure(sheet, r, "statistics.report.product-types", summary.productTypes(), locale);
			r = figure(sheet, r, "statistics.report.entrepreneurs", summary.entrepreneurs(), locale);
			r = figure(sheet, r, "statistics.report.provinces", summary.provincesReached(), locale);
			r = figure(sheet, r, "statistics.report.cities", summary.citiesReached(), locale);
			r = figure(sheet, r, "statistics.report.counties", summary.countiesReached(), locale);
			r = figure(sheet, r, "statistics.report.hmt", summary.hongKongMacaoTaiwanReached(), locale);
			r = figure(sheet, r, "statistics.report.unresolved", summary.ordersUnresolved(), locale);
			r = figure(sheet, r, "statistics.report.farmers", summary.farmersIncomeIncreased(), locale);
			r = figure(sheet, r, "statistics.report.disadvantaged", summary.disadvantagedFarmersIncomeIncreased(),
					locale);
			r = figure(sheet, r, "statistics.report.villages-benefiting", summary.villagesBenefiting(), locale);
			figure(sheet, r, "statistics.report.training", summary.trainingPersonTimes(), locale);
			sheet.setColumnWidth(0, 30 * 256);
			sheet.setColumnWidth(1, 20 * 256);

			Sheet months = sheet(workbook, "statistics.report.sheet.monthly", locale);
			Row head = months.createRow(0);
			string(head, 0, text("statistics.report.month", locale));
			string(head, 1, String.valueOf(report.monthly().year()));
			string(head, 2, String.valueOf(report.monthly().year() - 1));
			for (int m = 0; m < 12; m++) {
				Row row = months.createRow(m + 1);
				number(row, 0, m + 1, null);
				number(row, 1, report.monthly().thisYear().get(m), money);
				number(row, 2, report.monthly().lastYear().get(m), money);
			}
			lines(workbook, "statistics.report.table.platforms", "statistics.report.platform", report.platforms(),
					false, money, locale);
			lines(workbook, "statistics.report.table.categories", "statistics.report.category", report.categories(),
					false, money, locale);
			lines(workbook, "statistics.report.table.products", "statistics.report.product", report.products(), true,
					money, locale);
			lines(workbook, "statistics.report.table.villages", "statistics.report.village", report.villages(), false,
					money, locale);
			lines(workbook, "statistics.report.table.provinces", "statistics.report.province", report.provinces(),
					false, money, locale);
			Sheet taobao = sheet(workbook, "statistics.report.table.taobao", locale);
			header(taobao, locale, "statistics.report.village", "statistics.report.sales-year",
					"statistics.report.shops", "statistics.report.active-shops", "statistics.report.households",
					"statistics.report.qualifies", "statistics.report.sales-missing",
					"statistics.report.active-shops-missing");
			r = 1;
			for (MonthlyReport.Taobao village : report.taobaoVillages()) {
				Row row = taobao.createRow(r++);
				string(row, 0, village.village());
				number(row, 1, village.sales(), money);
				number(row, 2, village.shops(), null);
				number(row, 3, village.activeShops(), null);
				number(row, 4, village.households(), null);
				string(row, 5, text(village.qualifies() ? "statistics.report.yes" : "statistics.report.no", locale));
				number(row, 6, village.salesMissing(), money);
				number(row, 7, village.activeShopsMissing(), null);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException("monthly report workbook", ex);
		}
	}

	private void lines(SXSSFWorkbook workbook, String title, String nameKey, List<MonthlyReport.Line> lines,
			boolean quantity, CellStyle money, Locale locale) {
		Sheet sheet = sheet(workbook, title, locale);
		if (quantity) {
			header(sheet, locale, nameKey, "statistics.report.quantity", "statistics.report.orders",
					"statistics.report.net");
		}
		else {
			header(sheet, locale, nameKey, "statistics.report.orders", "statistics.report.net");
		}
		int r = 1;
		for (MonthlyReport.Line line : lines) {
			Row row = sheet.createRow(r++);
			int c = 0;
			string(row, c++, line.name());
			if (quantity) {
				number(row, c++, line.quantity(), null);
			}
			number(row, c++, line.orders(), null);
			number(row, c, line.net(), money);
		}
		sheet.setColumnWidth(0, 30 * 256);
	}

	private Sheet sheet(SXSSFWorkbook workbook, String key, Locale locale) {
		String name = WorkbookUtil.createSafeSheetName(text(key, locale));
		String unique = name;
		for (int i = 2; workbook.getSheet(unique) != null; i++) {
			unique = WorkbookUtil.createSafeSheetName(name.substring(0, Math.min(name.length(), 27)) + " " + i);
		}
		return workbook.createSheet(unique);
	}

	private void header(Sheet sheet, Locale locale, String... keys) {
		Row row = sheet.createRow(0);
		for (int i = 0; i < keys.length; i++) {
			string(row, i, text(keys[i], locale));
		}
	}

	private static int text(Sheet sheet, int r, String label, String value) {
		Row row = sheet.createRow(r);
		string(row, 0, label);
		string(row, 1, value);
		return r + 1;
	}

	private int figure(Sheet sheet, int r, String key, BigDecimal value, CellStyle style, Locale locale) {
		Row row = sheet.createRow(r);
		string(row, 0, text(key, locale));
		number(row, 1, value, style);
		return r + 1;
	}

	private int figure(Sheet sheet, int r, String key, long value, Locale locale) {
		Row row = sheet.createRow(r);
		string(row, 0, text(key, locale));
		number(row, 1, value, null);
		return r + 1;
	}

	/** A string cell: shown as it is, never evaluated, whatever it starts with. */
	static void string(Row row, int column, String value) {
		Cell cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value);
		}
	}

	private static void number(Row row, int column, BigDecimal value, CellStyle style) {
		Cell cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	private static void number(Row row, int column, long value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
