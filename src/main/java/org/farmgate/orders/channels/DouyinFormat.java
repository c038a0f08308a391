package org.farmgate.orders.channels;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.farmgate.registry.Platform;

import static org.farmgate.orders.channels.ReadRows.known;
import static org.farmgate.orders.channels.ReadRows.required;

/**
 * Douyin shop (抖店 → 订单管理 → 批量导出): one row per sub-order, grouped by 主订单编号; id cells carry
 * tabs, amounts may have thousands separators.
 */
final class DouyinFormat implements ChannelFormat {

	@Override
	public Platform platform() {
		return Platform.DOUYIN;
	}

	@Override
	public boolean recognises(ExportTable table) {
		return table.has("主订单编号", "子订单编号");
	}

	@Override
	public String expectedHeaders() {
		return "主订单编号, 子订单编号, 订单状态";
	}

	@Override
	public ChannelRead read(List<ExportTable> tables) {
		ReadRows read = new ReadRows();
		for (ExportTable table : tables) {
			read.each(table, new String[] { "主订单编号" }, row -> {
				String number = required(Cells.id(table.cell(row, "主订单编号")), "主订单编号");
				int quantity = Math.max(1, Cells.quantity(table.cell(row, "商品数量")));
				BigDecimal price = Cells.amount(table.cell(row, "商品金额"));
				String code = Cells.text(table.cell(row, "商家编码"));
				ChannelLine line = new ChannelLine(required(Cells.id(table.cell(row, "子订单编号")), "子订单编号"),
						Cells.id(table.cell(row, "商品ID")), null,
						(code != null) ? code : Cells.text(table.cell(row, "货号")), Cells.text(table.cell(row, "选购商品")),
						quantity, price, (price != null) ? price.multiply(BigDecimal.valueOf(quantity)) : null);
				ChannelOrder order = read.orders.get(number);
				if (order != null) {
					List<ChannelLine> lines = new ArrayList<>(order.lines());
					lines.add(line);
					read.orders.put(number, order.withLines(lines));
					return;
				}
				String statusText = required(Cells.text(table.cell(row, "订单状态")), "订单状态");
				StatusMaps.Mapped mapped = known(StatusMaps.douyin(statusText, Cells.text(table.cell(row, "售后状态"))),
						statusText);
				read.orders.put(number,
						new ChannelOrder(Platform.DOUYIN, number, row.line(), null, Cells.text(table.cell(row, "买家留言")),
								Cells.text(table.cell(row, "商家备注")), Cells.time(table.cell(row, "订单提交时间")),
								Cells.time(table.cell(row, "支付完成时间")), Cells.time(table.cell(row, "发货时间")),
								Cells.time(table.cell(row, "订单完成时间")), mapped.status(), mapped.afterSale(), false, null,
								Cells.amount(table.cell(row, "运费")), Cells.amount(table.cell(row, "优惠总金额")),
								Cells.amount(table.cell(row, "订单应付金额")), null, Cells.personal(table.cell(row, "收件人")),
								Cells.personal(table.cell(row, "收件人手机号")), Addresses.joined(table, row),
								List.of(line)));
			});
		}
		return read.result(Platform.DOUYIN);
	}

}
