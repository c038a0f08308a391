package org.farmgate.orders.channels;

import java.math.BigDecimal;
import java.util.List;

import org.farmgate.registry.Platform;

import static org.farmgate.orders.channels.ReadRows.known;
import static org.farmgate.orders.channels.ReadRows.required;

/**
 * Pinduoduo (拼多多商家后台 → 订单查询 → 导出), CSV or XLSX: one row per order with one SKU; the
 * address in parts (省, 市, 区, 街道, 详细地址), some of them masked.
 */
final class PinduoduoFormat implements ChannelFormat {

	@Override
	public Platform platform() {
		return Platform.PINDUODUO;
	}

	@Override
	public boolean recognises(ExportTable table) {
		return table.has("订单号", "订单状态") && (table.has("商品数量(件)") || table.has("用户实付金额(元)"));
	}

	@Override
	public String expectedHeaders() {
		return "订单号, 订单状态, 商品数量(件), 用户实付金额(元)";
	}

	@Override
	public ChannelRead read(List<ExportTable> tables) {
		ReadRows read = new ReadRows();
		for (ExportTable table : tables) {
			read.each(table, new String[] { "订单号" }, row -> {
				String number = required(Cells.id(table.cell(row, "订单号")), "订单号");
				String statusText = required(Cells.text(table.cell(row, "订单状态")), "订单状态");
				StatusMaps.Mapped mapped = known(StatusMaps.pinduoduo(statusText, Cells.text(table.cell(row, "售后状态"))),
						statusText);
				int quantity = Math.max(1, Cells.quantity(table.cell(row, "商品数量(件)")));
				BigDecimal goods = Cells.amount(table.cell(row, "商品总价(元)"));
				String code = Cells.text(table.cell(row, "商家编码-SKU维度"));
				String title = Cells.text(table.cell(row, "商品"));
				String specification = Cells.text(table.cell(row, "商品规格"));
				ChannelLine line = new ChannelLine("1", Cells.id(table.cell(row, "商品id")),
						Cells.id(table.cell(row, "样式ID")),
						(code != null) ? code : Cells.text(table.cell(row, "商家编码-商品维度")),
						(specification != null && title != null) ? title + " " + specification : title, quantity,
						(goods != null) ? goods.divide(BigDecimal.valueOf(quantity), 2, java.math.RoundingMode.HALF_UP)
								: null,
						goods);
				BigDecimal shopDiscount = Cells.amount(table.cell(row, "店铺优惠折扣(元)"));
				BigDecimal platformDiscount = Cells.amount(table.cell(row, "平台优惠折扣(元)"));
				BigDecimal discount = (shopDiscount == null && platformDiscount == null) ? null
						: orZero(shopDiscount).add(orZero(platformDiscount));
				String phone = Cells.personal(table.cell(row, "手机"));
				read.orders.put(number, new ChannelOrder(Platform.PINDUODUO, number, row.line(), null,
						Cells.text(table.cell(row, "买家留言")), Cells.text(table.cell(row, "商家备注")),
						Cells.time(table.cell(row, "支付时间")), Cells.time(table.cell(row, "支付时间")),
						Cells.time(table.cell(row, "发货时间")), Cells.time(table.cell(row, "确认收货时间")), mapped.status(),
						mapped.afterSale(), false, goods, Cells.amount(table.cell(row, "邮费(元)")), discount,
						Cells.amount(table.cell(row, "用户实付金额(元)")), null, Cells.personal(table.cell(row, "收货人")),
						(phone != null) ? phone : Cells.personal(table.cell(row, "用户购买手机号")),
						Addresses.joined(table, row), List.of(line)));
			});
		}
		return read.result(Platform.PINDUODUO);
	}

	private static BigDecimal orZero(BigDecimal amount) {
		return (amount != null) ? amount : BigDecimal.ZERO;
	}

}
