package org.farmgate.orders.channels;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.farmgate.orders.AfterSaleStatus;
import org.farmgate.registry.Platform;

import static org.farmgate.orders.channels.ReadRows.known;
import static org.farmgate.orders.channels.ReadRows.required;

/**
 * Taobao and Tmall (千牛 "已卖出的宝贝 → 批量导出"): the order report (one row per order) and the
 * item report (one row per line, joined on 订单编号, or 主订单编号 in the newer Tmall layout),
 * read together or either alone.
 */
final class TaobaoFormat implements ChannelFormat {

	@Override
	public Platform platform() {
		return Platform.TAOBAO;
	}

	@Override
	public boolean recognises(ExportTable table) {
		return orderReport(table) || itemReport(table);
	}

	@Override
	public String expectedHeaders() {
		return "订单编号, 订单状态, 买家会员名 / 订单编号, 标题, 购买数量";
	}

	private static boolean orderReport(ExportTable table) {
		return table.has("订单编号", "订单状态") && (table.has("买家会员名") || table.has("收货地址"));
	}

	private static boolean itemReport(ExportTable table) {
		return (table.has("订单编号") || table.has("主订单编号")) && (table.has("标题") || table.has("商品标题")) && table.has("购买数量");
	}

	@Override
	public ChannelRead read(List<ExportTable> tables) {
		ReadRows read = new ReadRows();
		Map<String, List<ChannelLine>> lines = new LinkedHashMap<>();
		Map<String, ChannelOrder> fromItems = new LinkedHashMap<>();
		for (ExportTable table : tables) {
			if (itemReport(table) && !orderReport(table)) {
				read.each(table, new String[] { "主订单编号", "订单编号" }, row -> {
					String number = required(Cells.id(table.cell(row, "主订单编号", "订单编号")), "订单编号");
					List<ChannelLine> orderLines = lines.computeIfAbsent(number, key -> new ArrayList<>());
					int quantity = Cells.quantity(table.cell(row, "购买数量"));
					BigDecimal price = Cells.amount(table.cell(row, "价格"));
					String sub = Cells.id(table.cell(row, "子订单编号"));
					orderLines.add(new ChannelLine(
							(sub == null || sub.isEmpty()) ? String.valueOf(orderLines.size() + 1) : sub, null, null,
							merchantCode(table, row), required(Cells.text(table.cell(row, "标题", "商品标题")), "标题"),
							quantity, price, (price != null) ? price.multiply(BigDecimal.valueOf(quantity)) : null));
					String status = Cells.text(table.cell(row, "订单状态"));
					if (status != null && !fromItems.containsKey(number)) {
						Instant paid = Cells.time(table.cell(row, "订单付款时间"));
						StatusMaps.Mapped mapped = known(StatusMaps.taobao(status, paid != null), status);
						fromItems.put(number,
								new ChannelOrder(Platform.TAOBAO, number, row.line(), null, null, null,
										Cells.time(table.cell(row, "订单创建时间")), paid, null, null, mapped.status(),
										refunded(mapped.afterSale(), table.cell(row, "退款状态")), false,
										Cells.amount(table.cell(row, "买家应付货款")), null, null,
										Cells.amount(table.cell(row, "买家实际支付金额")),
										Cells.amount(table.cell(row, "退款金额")), null, null, null, List.of()));
					}
				});
			}
		}
		for (ExportTable table : tables) {
			if (orderReport(table)) {
				read.each(table, new String[] { "主订单编号", "订单编号" }, row -> {
					String number = required(Cells.id(table.cell(row, "订单编号")), "订单编号");
					Instant paid = Cells.time(table.cell(row, "订单付款时间"));
					String statusText = required(Cells.text(table.cell(row, "订单状态")), "订单状态");
					StatusMaps.Mapped mapped = known(StatusMaps.taobao(statusText, paid != null), statusText);
					BigDecimal goods = Cells.amount(table.cell(row, "买家应付货款"));
					List<ChannelLine> orderLines = lines.get(number);
					if (orderLines == null) {
						// the order report alone: one line from its title and item count
						orderLines = List.of(new ChannelLine(ChannelLine.FROM_ORDER_REPORT, null, null, null,
								Cells.text(table.cell(row, "宝贝标题")),
								Math.max(1, Cells.quantity(table.cell(row, "宝贝总数量"))), null, goods));
					}
					String phone = Cells.personal(table.cell(row, "联系手机"));
					read.orders.put(number, new ChannelOrder(Platform.TAOBAO, number, row.line(),
							Cells.text(table.cell(row, "买家会员名")), Cells.text(table.cell(row, "买家留言")),
							Cells.text(table.cell(row, "订单备注")), Cells.time(table.cell(row, "订单创建时间")), paid, null,
							Cells.time(table.cell(row, "确认收货时间")), mapped.status(), mapped.afterSale(), false, goods,
							Cells.amount(table.cell(row, "买家应付邮费")), null, Cells.amount(table.cell(row, "买家实际支付金额")),
							Cells.amount(table.cell(row, "退款金额")), Cells.personal(table.cell(row, "收货人姓名")),
							(phone != null) ? phone : Cells.personal(table.cell(row, "联系电话")),
							Cells.text(table.cell(row, "收货地址")), orderLines));
				});
			}
		}
		// orders known only from the item report
		fromItems.forEach((number, order) -> read.orders.putIfAbsent(number, order.withLines(lines.get(number))));
		return read.result(Platform.TAOBAO);
	}

	private static String merchantCode(ExportTable table, ExportTable.Row row) {
		String code = Cells.text(table.cell(row, "商家编码"));
		return (code != null) ? code : Cells.text(table.cell(row, "外部系统编号"));
	}

	private static AfterSaleStatus refunded(AfterSaleStatus mapped, String refundState) {
		if (refundState != null && refundState.contains("退款成功")) {
			return AfterSaleStatus.REFUNDED;
		}
		return mapped;
	}

}
