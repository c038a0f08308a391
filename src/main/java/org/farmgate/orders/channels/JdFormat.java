package org.farmgate.orders.channels;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.farmgate.registry.Platform;

import static org.farmgate.orders.channels.ReadRows.known;
import static org.farmgate.orders.channels.ReadRows.required;

/**
 * JD.com (京东商家后台 → 订单导出): one row per SKU line, grouped by 订单号; the order's amounts
 * repeat on every line; {@code (删除)} marks a deleted order; 已锁定 / 暂停 are paid orders the
 * platform locked.
 */
final class JdFormat implements ChannelFormat {

	@Override
	public Platform platform() {
		return Platform.JD;
	}

	@Override
	public boolean recognises(ExportTable table) {
		return table.has("订单号", "商品ID", "订购数量");
	}

	@Override
	public String expectedHeaders() {
		return "订单号, 商品ID, 订购数量";
	}

	@Override
	public ChannelRead read(List<ExportTable> tables) {
		ReadRows read = new ReadRows();
		for (ExportTable table : tables) {
			read.each(table, new String[] { "订单号" }, row -> {
				String number = required(Cells.id(table.cell(row, "订单号")), "订单号");
				String itemId = Cells.id(table.cell(row, "商品ID"));
				int quantity = Cells.quantity(table.cell(row, "订购数量"));
				BigDecimal price = Cells.amount(table.cell(row, "京东价"));
				ChannelOrder order = read.orders.get(number);
				List<ChannelLine> lines = new ArrayList<>((order != null) ? order.lines() : List.of());
				// the same item twice in one order (two SKUs of it) keeps two lines
				String key = lines.stream().anyMatch(line -> line.lineKey().equals(itemId))
						? itemId + "#" + (lines.size() + 1) : itemId;
				lines.add(new ChannelLine(key, itemId, null, Cells.text(table.cell(row, "货号")),
						Cells.text(table.cell(row, "商品名称")), quantity, price,
						(price != null) ? price.multiply(BigDecimal.valueOf(quantity)) : null));
				if (order != null) {
					read.orders.put(number, order.withLines(lines));
					return;
				}
				String statusText = required(Cells.text(table.cell(row, "订单状态")), "订单状态");
				StatusMaps.Mapped mapped = known(StatusMaps.jd(statusText), statusText);
				read.orders.put(number,
						new ChannelOrder(Platform.JD, number, row.line(), Cells.text(table.cell(row, "下单帐号")),
								Cells.text(table.cell(row, "订单备注")), Cells.text(table.cell(row, "商家备注")),
								Cells.time(table.cell(row, "下单时间")), Cells.time(table.cell(row, "付款确认时间")), null,
								Cells.time(table.cell(row, "订单完成时间")), mapped.status(), mapped.afterSale(),
								mapped.locked(), Cells.amount(table.cell(row, "订单金额")),
								Cells.amount(table.cell(row, "运费金额")), null, Cells.amount(table.cell(row, "应付金额")),
								null, Cells.personal(table.cell(row, "客户姓名")), Cells.personal(table.cell(row, "联系电话")),
								Cells.text(table.cell(row, "客户地址")), lines));
			});
		}
		return read.result(Platform.JD);
	}

}
