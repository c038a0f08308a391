package org.farmgate.orders.channels;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.farmgate.orders.AfterSaleStatus;
import org.farmgate.orders.OrderStatus;
import org.farmgate.registry.Platform;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The channel readers on files written the way the seller centres write them, quirks
 * included (channel-exports.md): GBK, {@code ="…"} ids, phones with {@code '}, full-width
 * commas and brackets, re-saved dates, sentinel dates, masked cells, XLSX.
 */
class ChannelExportsTests {

	private static final Charset GBK = Charset.forName("GB18030");

	static final String TAOBAO_ORDERS = """
			订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,总金额,买家实际支付金额,订单状态,买家留言,收货人姓名,收货地址,运送方式,联系电话,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝种类,物流单号,订单备注,宝贝总数量,店铺名称,退款金额,打款商家金额,确认收货时间,某个新列
			="2543000000000000001",tb_buyer_1,a***@163.com,79.80,0.00,79.80,79.80,买家已付款，等待卖家发货,请尽快发货,张三,江苏省 南京市 鼓楼区 中山路1号,快递,,'13812345678,2026-11-20 10:15:00,2026-11-20 10:16:30,立碑酸菜 1.5kg,1,,,2,立碑村酸菜旗舰店,0.00,79.80元,,x
			="2543000000000000002",tb_buyer_2,,16.80,6.00,22.80,22.80,交易关闭,,李四,广东省 广州市 天河区 体育西路2号,快递,,'13900001111,2026/11/19 9:05,2026/11/19 9:06,立碑酸菜 500g,1,,,1,立碑村酸菜旗舰店,22.80,0元,,
			="2543000000000000003",tb_buyer_3,,39.90,0.00,39.90,0.00,等待买家付款,,王五,北京 北京市 朝阳区 建国路88号,快递,,,2026-11-21 08:00:00,,立碑酸菜 1.5kg,1,,,1,立碑村酸菜旗舰店,0.00,0元,,
			""";

	static final String TAOBAO_ITEMS = """
			订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码
			="2543000000000000001",立碑酸菜 1.5kg 农家自制,39.90,2,,规格:1.5kg,,,买家已付款，等待卖家发货,XF-SC-1500
			="2543000000000000002",立碑酸菜 500g,16.80,1,,规格:500g,,,交易关闭,XF-SC-0500
			""";

	@Test
	void aTaobaoOrderReportAndItemReportInGbkAreReadTogether() throws Exception {
		ChannelRead read = ChannelExports.read(List.of(new ExportFile("orders.csv", TAOBAO_ORDERS.getBytes(GBK)),
				new ExportFile("items.csv", TAOBAO_ITEMS.getBytes(GBK))));

		assertThat(read.platform()).isEqualTo(Platform.TAOBAO);
		assertThat(read.rejected()).isEmpty();
		assertThat(read.orders()).hasSize(3);
		ChannelOrder paid = read.orders().get(0);
		assertThat(paid.platformOrderNo()).isEqualTo("2543000000000000001");
		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
		assertThat(paid.recipientPhone()).isEqualTo("13812345678");
		assertThat(paid.rawAddress()).isEqualTo("江苏省 南京市 鼓楼区 中山路1号");
		assertThat(paid.paidAmount()).isEqualByComparingTo("79.80");
		assertThat(paid.paidAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 10, 16, 30).atZone(Cells.CHINA).toInstant());
		assertThat(paid.lines()).singleElement().satisfies(line -> {
			assertThat(line.merchantCode()).isEqualTo("XF-SC-1500");
			assertThat(line.quantity()).isEqualTo(2);
			assertThat(line.amount()).isEqualByComparingTo("79.80");
		});
		ChannelOrder closed = read.orders().get(1);
		assertThat(closed.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(closed.afterSale()).as("closed after payment: refunded").isEqualTo(AfterSaleStatus.REFUNDED);
		assertThat(closed.createdAt()).as("a date re-saved by a spreadsheet")
			.isEqualTo(LocalDateTime.of(2026, 11, 19, 9, 5).atZone(Cells.CHINA).toInstant());
		ChannelOrder unpaid = read.orders().get(2);
		assertThat(unpaid.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		assertThat(unpaid.lines()).as("no item rows: one line from the order report")
			.singleElement()
			.satisfies(line -> assertThat(line.title()).isEqualTo("立碑酸菜 1.5kg"));
	}

	@Test
	void aJdExportGroupsLinesMarksDeletedAndLockedOrdersAndIgnoresSentinelDates() throws Exception {
		String jd = """
				订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,下单帐号,客户姓名,客户地址,联系电话,订单备注,商家备注,运费金额,付款确认时间,货号,订单完成时间
				300000001,100001,立碑酸菜 1.5kg,1,在线支付,2026-11-20 10:00:00,39.90,56.70,56.70,0,56.70,等待出库,普通订单,jd_buyer,赵六,四川成都市武侯区人民南路四段1号,13700001234,,,0,2026-11-20 10:01:00,XF-SC-1500,0001-01-01 00:00:00
				300000001,100002,立碑酸菜 500g,1,在线支付,2026-11-20 10:00:00,16.80,56.70,56.70,0,56.70,等待出库,普通订单,jd_buyer,赵六,四川成都市武侯区人民南路四段1号,13700001234,,,0,2026-11-20 10:01:00,XF-SC-0500,0001-01-01 00:00:00
				300000002,100001,立碑酸菜 1.5kg,1,在线支付,2026-11-18 10:00:00,39.90,39.90,39.90,0,39.90,(删除)等待付款,普通订单,jd_b2,钱七,上海市浦东新区世纪大道100号,13600001234,,,0,1970-01-01 08:00:00,XF-SC-1500,
				300000003,100001,立碑酸菜 1.5kg,2,在线支付,2026-11-17 10:00:00,39.90,79.80,79.80,0,79.80,已锁定,普通订单,jd_b3,孙八,湖北武汉市洪山区珞喻路1号,13500001234,,,0,2026-11-17 10:01:00,XF-SC-1500,
				""";

		ChannelRead read = ChannelExports.read(List.of(new ExportFile("jd.csv", jd.getBytes(StandardCharsets.UTF_8))));

		assertThat(read.platform()).isEqualTo(Platform.JD);
		assertThat(read.rowsRead()).isEqualTo(4);
		assertThat(read.orders()).hasSize(3);
		ChannelOrder first = read.orders().get(0);
		assertThat(first.lines()).extracting(ChannelLine::itemId).containsExactly("100001", "100002");
		assertThat(first.paidAmount()).as("the order total repeats, read once").isEqualByComparingTo("56.70");
		assertThat(first.completedAt()).isNull();
		assertThat(first.rawAddress()).isEqualTo("四川成都市武侯区人民南路四段1号");
		assertThat(read.orders().get(1).status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(read.orders().get(1).paidAt()).isNull();
		assertThat(read.orders().get(2).status()).isEqualTo(OrderStatus.PAID);
		assertThat(read.orders().get(2).locked()).isTrue();
	}

	@Test
	void aPinduoduoXlsxWithFullWidthBracketsAndMaskedCellsIsRead() throws Exception {
		byte[] xlsx = xlsx(new String[][] {
				{ "商品", "订单号", "订单状态", "商品总价（元）", "店铺优惠折扣（元）", "平台优惠折扣（元）", "邮费（元）", "用户实付金额（元）", "商品数量（件）", "收货人",
						"手机", "省", "市", "区", "街道", "详细地址", "支付时间", "发货时间", "确认收货时间", "商品id", "商品规格", "用户购买手机号", "样式ID",
						"商家编码-SKU维度", "售后状态", "买家留言" },
				{ "立碑酸菜", "261120-000000001", "待发货", "79.80", "5.00", "2.00", "0.00", "72.80", "2", "周九", "\t", "****",
						"杭州市", "西湖区", "西溪街道", "西溪街道文三路1号", "2026-11-20 12:00:00", "", "", "9001", "1.5kg", "\t", "7001",
						"XF-SC-1500", "无售后或售后取消", "" },
				{ "立碑酸菜", "261119-000000002", "已发货，退款成功", "16.80", "0", "0", "0", "16.80", "1", "吴十", "13811112222",
						"浙江省", "宁波市", "鄞州区", "", "天童路1号", "2026-11-19 12:00:00", "2026-11-19 18:00:00", "", "9002",
						"500g", "", "7002", "XF-SC-0500", "退款成功", "" } });

		ChannelRead read = ChannelExports.read(List.of(new ExportFile("pdd.xlsx", xlsx)));

		assertThat(read.platform()).isEqualTo(Platform.PINDUODUO);
		ChannelOrder masked = read.orders().get(0);
		assertThat(masked.recipientPhone()).as("a lone tab is a masked phone").isNull();
		assertThat(masked.rawAddress()).isEqualTo("杭州市 西湖区 西溪街道文三路1号");
		assertThat(masked.discount()).isEqualByComparingTo("7.00");
		assertThat(masked.lines()).singleElement().satisfies(line -> {
			assertThat(line.skuId()).isEqualTo("7001");
			assertThat(line.merchantCode()).isEqualTo("XF-SC-1500");
			assertThat(line.quantity()).isEqualTo(2);
		});
		ChannelOrder refunded = read.orders().get(1);
		assertThat(refunded.status()).isEqualTo(OrderStatus.SHIPPED);
		assertThat(refunded.afterSale()).isEqualTo(AfterSaleStatus.REFUNDED);
	}

	@Test
	void anXlsxIsStreamedWithDateCellsNumericIdsAndFormulasReadAsTheirText() throws Exception {
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("订单");
			sheet.createRow(0).createCell(0).setCellValue("拼多多订单导出");
			String[] headers = { "订单号", "订单状态", "商品数量(件)", "用户实付金额(元)", "支付时间", "商品", "收货人" };
			var header = sheet.createRow(2);
			for (int c = 0; c < headers.length; c++) {
				header.createCell(c).setCellValue(headers[c]);
			}
			var row = sheet.createRow(3);
			row.createCell(0).setCellValue(261120000000123L);
			row.createCell(1).setCellValue("待发货");
			row.createCell(2).setCellValue(2);
			row.createCell(3).setCellValue(72.8);
			var date = row.createCell(4);
			date.setCellValue(LocalDateTime.of(2026, 11, 20, 12, 30));
			var style = workbook.createCellStyle();
			style.setDataFormat((short) 22); // m/d/yy h:mm, as a spreadsheet re-save
												// writes
			date.setCellStyle(style);
			row.createCell(5).setCellValue("立碑酸菜");
			row.createCell(6).setCellFormula("\"=cmd|' /C calc'!A0\"");
			workbook.write(out);
			xlsx = out.toByteArray();
		}

		ChannelRead read = ChannelExports.read(List.of(new ExportFile("pdd.xlsx", xlsx)));

		assertThat(read.orders()).singleElement().satisfies(order -> {
			assertThat(order.platformOrderNo()).isEqualTo("261120000000123");
			assertThat(order.paidAmount()).isEqualByComparingTo("72.8");
			assertThat(order.paidAt())
				.isEqualTo(LocalDateTime.of(2026, 11, 20, 12, 30).atZone(Cells.CHINA).toInstant());
			assertThat(order.lines().get(0).quantity()).isEqualTo(2);
			assertThat(order.recipientName()).as("a formula is never evaluated: without a saved result it reads empty")
				.isNull();
		});
	}

	@Test
	void aDouyinExportGroupsSubOrdersAndCleansTabsAndThousandsSeparators() throws Exception {
		String douyin = "主订单编号,子订单编号,选购商品,商品ID,商家编码,商品数量,商品金额,订单提交时间,支付完成时间,订单状态,售后状态,订单应付金额,运费,优惠总金额,收件人,收件人手机号,省,市,区,街道,详细地址\n"
				+ "\t6900000000001,\t6900000000001-1,立碑农家礼盒,3001,XF-LH-001,1,\"1,168.00\",2026-11-20 20:00:00,2026-11-20 20:01:00,待发货,,\"1,184.80\",0,0,郑一,13312345678,广东省,深圳市,南山区,,科技园1号\n"
				+ "\t6900000000001,\t6900000000001-2,立碑酸菜,3002,XF-SC-1500,1,16.80,2026-11-20 20:00:00,2026-11-20 20:01:00,待发货,,\"1,184.80\",0,0,郑一,13312345678,广东省,深圳市,南山区,,科技园1号\n";

		ChannelRead read = ChannelExports
			.read(List.of(new ExportFile("douyin.csv", douyin.getBytes(StandardCharsets.UTF_8))));

		assertThat(read.platform()).isEqualTo(Platform.DOUYIN);
		assertThat(read.orders()).singleElement().satisfies(order -> {
			assertThat(order.platformOrderNo()).isEqualTo("6900000000001");
			assertThat(order.paidAmount()).isEqualByComparingTo(new BigDecimal("1184.80"));
			assertThat(order.lines()).extracting(ChannelLine::lineKey)
				.containsExactly("6900000000001-1", "6900000000001-2");
			assertThat(order.lines().get(0).unitPrice()).isEqualByComparingTo("1168.00");
		});
	}

	@Test
	void aBadRowIsRejectedWithItsLineAndReasonWhileTheGoodRowsAreRead() throws Exception {
		String jd = """
				订单号,商品ID,商品名称,订购数量,下单时间,京东价,订单金额,应付金额,订单状态,客户姓名,客户地址,联系电话
				300000011,100001,立碑酸菜,1,2026-11-20 10:00:00,39.90,39.90,39.90,等待出库,赵六,成都市武侯区,13700001234
				300000012,100001,立碑酸菜,1,2026-11-20 10:00:00,39.90,39.90,39.90,火星状态,赵六,成都市武侯区,13700001234
				300000013,100001,立碑酸菜,1,昨天,39.90,39.90,39.90,等待出库,赵六,成都市武侯区,13700001234
				,100001,立碑酸菜,1,2026-11-20 10:00:00,39.90,39.90,39.90,等待出库,赵六,成都市武侯区,13700001234
				300000014,100001,立碑酸菜,1,2026-11-20 10:00:00,39.90,39.90,39.90,等待出库,赵六,成都市武侯区,13700001234
				""";

		ChannelRead read = ChannelExports.read(List.of(new ExportFile("jd.csv", jd.getBytes(StandardCharsets.UTF_8))));

		assertThat(read.orders()).extracting(ChannelOrder::platformOrderNo).containsExactly("300000011", "300000014");
		assertThat(read.rejected()).extracting(RejectedRow::line, RejectedRow::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "orders.row.status"),
					org.assertj.core.groups.Tuple.tuple(4, "orders.row.unreadable"),
					org.assertj.core.groups.Tuple.tuple(5, "orders.row.missing"));
	}

	@Test
	void aBadRowAfterEmptyLinesAndACellSpanningLinesIsRejectedOnTheLineItIsOn() throws Exception {
		String jd = """
				订单号,商品ID,商品名称,订购数量,下单时间,京东价,订单金额,应付金额,订单状态,客户姓名,客户地址,联系电话,订单备注
				300000021,100001,立碑酸菜,1,2026-11-20 10:00:00,39.90,39.90,39.90,等待出库,赵六,成都市武侯区,13700001234,"请在
				下午送到"


				300000022,100001,立碑酸菜,1,2026-11-20 10:00:00,39.90,39.90,39.90,火星状态,赵六,成都市武侯区,13700001234,
				""";

		ChannelRead read = ChannelExports.read(List.of(new ExportFile("jd.csv", jd.getBytes(StandardCharsets.UTF_8))));

		assertThat(read.orders()).singleElement()
			.satisfies(order -> assertThat(order.buyerMessage()).isEqualTo("请在\n下午送到"));
		assertThat(read.rejected()).extracting(RejectedRow::line, RejectedRow::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(6, "orders.row.status"));
	}

	@Test
	void aFileThatIsNoOrderExportOrFilesOfTwoPlatformsAreRefusedWhole() {
		String registry = "统一社会信用代码,名称,类型\n91520122MA6DLB01X0,某公司,COMPANY\n";
		assertThatExceptionOfType(NotAnOrderExportException.class)
			.isThrownBy(() -> ChannelExports
				.read(List.of(new ExportFile("registry.csv", registry.getBytes(StandardCharsets.UTF_8)))))
			.satisfies(ex -> {
				assertThat(ex.messageKey()).isEqualTo("orders.import.error.not-an-export");
				assertThat(ex.fileName()).isEqualTo("registry.csv");
			});
		String jd = "订单号,商品ID,订购数量,订单状态\n1,2,1,等待出库\n";
		assertThatExceptionOfType(NotAnOrderExportException.class)
			.isThrownBy(() -> ChannelExports.read(List.of(new ExportFile("orders.csv", TAOBAO_ORDERS.getBytes(GBK)),
					new ExportFile("jd.csv", jd.getBytes(StandardCharsets.UTF_8)))))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("orders.import.error.mixed-platforms"));
		assertThatExceptionOfType(NotAnOrderExportException.class)
			.isThrownBy(
					() -> ChannelExports.read(List.of(new ExportFile("fake.xlsx", new byte[] { 'P', 'K', 3, 4, 0 }))))
			.satisfies(ex -> assertThat(ex.messageKey()).isEqualTo("orders.import.error.unreadable"));
	}

	@Test
	void cellsAreCleanedTheWayExportsNeed() {
		assertThat(Cells.id("=\"2543000000000000001\"")).isEqualTo("2543000000000000001");
		assertThat(Cells.id("\t6900000000001")).isEqualTo("6900000000001");
		assertThat(Cells.amount("¥1,168.00元")).isEqualByComparingTo("1168.00");
		assertThat(Cells.personal("138****5678")).isNull();
		assertThat(Cells.personal("'13812345678")).isEqualTo("13812345678");
		assertThat(Cells.time("0001-01-01 00:00:00")).isNull();
		assertThat(Cells.time("45981.5")).as("a spreadsheet serial number")
			.isEqualTo(LocalDateTime.of(2025, 11, 20, 12, 0).atZone(Cells.CHINA).toInstant());
		assertThat(Cells.header("商品总价（元）")).isEqualTo("商品总价(元)");
		assertThat(Cells.header("=\"订单编号\"")).isEqualTo("订单编号");
	}

	@Test
	void cellsThatNoOrderTableCouldKeepAreRefusedOrCleanedWhenRead() {
		assertThat(Cells.time("2026-10-01 10:00:00")).as("the common layout, read without a formatter")
			.isEqualTo(LocalDateTime.of(2026, 10, 1, 10, 0).atZone(Cells.CHINA).toInstant());
		assertThatIllegalArgumentException().as("year 0").isThrownBy(() -> Cells.time("0000-03-01 10:00:00"));
		assertThatIllegalArgumentException().as("a date no marketplace wrote")
			.isThrownBy(() -> Cells.time("1899-12-31 10:00:00"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cells.time("1989-12-31 10:00:00"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cells.time("2101-01-01 10:00:00"));
		assertThat(Cells.time("1990-01-01 10:00:00")).as("the first year read").isNotNull();
		assertThat(Cells.time("2100-12-31 10:00:00")).as("the last year read").isNotNull();
		assertThatIllegalArgumentException().as("30 February").isThrownBy(() -> Cells.time("2026-02-30 10:00:00"));
		assertThatIllegalArgumentException().as("13 digits of yuan overflow the amount column")
			.isThrownBy(() -> Cells.amount("1234567890123.00"));
		assertThat(Cells.amount("39.905")).as("kept to the fen").isEqualByComparingTo("39.91").hasScaleOf(2);
		assertThat(Cells.text("张\u0000三")).as("no NUL, which no text column keeps").isEqualTo("张三");
		assertThat(Cells.id("2543\u00000001")).isEqualTo("25430001");
	}

	private static byte[] xlsx(String[][] rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("订单");
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
