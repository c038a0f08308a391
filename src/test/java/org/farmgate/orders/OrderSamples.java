package org.farmgate.orders;

import java.util.HexFormat;

/**
 * Sample orders for tests, written the way the channels write them: a Taobao order report
 * and item report (two orders of the demo enterprise's products, one paid), an order in
 * the integration JSON shape, and a webhook signature.
 */
public final class OrderSamples {

	private OrderSamples() {
	}

	/** A Taobao order report with order {@code 25431<run>1} in the given status. */
	public static String taobaoOrders(String run, String status) {
		return """
				订单编号,买家会员名,买家应付货款,买家应付邮费,买家实际支付金额,订单状态,买家留言,收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,退款金额
				="25431%s1",tb_a,79.80,0.00,79.80,%s,,张三,江苏省 南京市 鼓楼区 中山路1号,'13812345678,2026-11-20 10:15:00,2026-11-20 10:16:30,立碑酸菜 1.5kg,2,0.00
				"""
			.formatted(run, status);
	}

	/** The item report of {@code 25431<run>1} (paid) and {@code 25431<run>2} (unpaid). */
	public static String taobaoItems(String run) {
		return """
				订单编号,标题,价格,购买数量,外部系统编号,订单状态,商家编码
				="25431%s1",立碑酸菜 1.5kg,39.90,2,,买家已付款，等待卖家发货,XF-SC-1500
				="25431%s2",立碑酸菜 500g,16.80,1,,等待买家付款,XF-SC-0500
				""".formatted(run, run);
	}

	/** One order in the integration JSON shape. */
	public static String order(String number, String status, String merchantCode, int quantity) {
		return """
				{"platformOrderNo":"%s","status":"%s","buyerNickname":"买家","paidAt":"2026-11-20T02:16:30Z",
				 "createdAt":"2026-11-20T02:15:00Z","paidAmount":39.90,
				 "recipient":{"name":"张三","phone":"13812345678","address":"江苏省南京市鼓楼区中山路1号"},
				 "lines":[{"lineKey":"1","merchantCode":"%s","title":"立碑酸菜 1.5kg","quantity":%d,"unitPrice":39.90}]}"""
			.formatted(number, status, merchantCode, quantity);
	}

	/** Waits for an import job to end (a minute at most) and answers it. */
	public static ImportJobView awaitEnd(OrderImports imports, org.farmgate.accounts.SignedInUser user,
			java.util.UUID job) throws InterruptedException {
		return awaitEnd(imports, user, job, 60);
	}

	/** Waits for an import job to end (the given seconds at most) and answers it. */
	public static ImportJobView awaitEnd(OrderImports imports, org.farmgate.accounts.SignedInUser user,
			java.util.UUID job, int seconds) throws InterruptedException {
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(seconds);
		while (java.time.Instant.now().isBefore(deadline)) {
			ImportJobView now = imports.job(user, job).orElseThrow();
			if (now.finished()) {
				return now;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the import did not end within " + seconds + " s");
	}

	/** The X-Farmgate-Signature of a webhook call. */
	public static String sign(String secret, long timestamp, String body) {
		return HexFormat.of().formatHex(OrderIntegrations.hmac(secret, timestamp + body));
	}

}
