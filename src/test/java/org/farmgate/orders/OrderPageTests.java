package org.farmgate.orders;

import java.nio.charset.Charset;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.orders.channels.ExportFile;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The order pages: the import page and a job's report, the inbox with its search by the
 * last four digits of the phone, an order's page with masked phone, lines and history,
 * and the merchant's scope.
 */
@FarmgateTest
class OrderPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrderImports imports;

	@Autowired
	RegistryManagement registry;

	@Autowired
	UserDetailsService users;

	private SignedInUser signedIn(String username) {
		return (SignedInUser) this.users.loadUserByUsername(username);
	}

	@Test
	void theMerchantImportsOnThePageSeesTheReportAndFindsTheOrderByTheLastFourPhoneDigits() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ShopView taobao = taobaoShop(merchant);
		String run = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));

		String location = this.mvc
			.perform(multipart("/orders/imports")
				.file(new MockMultipartFile("file", "orders.csv", "text/csv",
						OrderSamples.taobaoOrders(run, "买家已付款，等待卖家发货").getBytes(Charset.forName("GB18030"))))
				.file(new MockMultipartFile("file", "items.csv", "text/csv",
						OrderSamples.taobaoItems(run).getBytes(Charset.forName("GB18030"))))
				.param("shopId", taobao.id().toString())
				.with(user(merchant))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/orders/imports/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		UUID job = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		waitFor(merchant, job);

		this.mvc.perform(get(location).with(user(merchant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已完成")))
			.andExpect(content().string(containsString("新建订单")));
		String inbox = this.mvc
			.perform(get("/orders").param("q", "5678").param("shopId", taobao.id().toString()).with(user(merchant)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(inbox).contains("25431" + run + "1", "138****5678").doesNotContain("13812345678");
		OrderView order = findOrder(merchant, taobao, "25431" + run + "1");
		this.mvc.perform(get("/orders/" + order.id()).with(user(merchant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("XF-SC-1500")))
			.andExpect(content().string(containsString("已对应，已预留库存")))
			.andExpect(content().string(containsString("文件导入")))
			.andExpect(content().string(not(containsString("13812345678"))));

		SignedInUser operator = signedIn("operator");
		this.mvc.perform(get("/orders/" + order.id()).with(user(operator))).andExpect(status().isOk());
	}

	@Test
	void aMerchantGetsTheNotFoundPageForAnotherOrganisationsOrdersAndJobs() throws Exception {
		SignedInUser operator = signedIn("operator");
		ShopView other = this.registry.shops(operator)
			.stream()
			.filter(shop -> shop.platform() == Platform.JD
					&& !shop.organisationId().equals(signedIn("merchant").scope().organisationId()))
			.findFirst()
			.orElseThrow();
		ImportJobView job = this.imports.start(operator, other.id(),
				java.util.List.of(new ExportFile("jd.csv",
						("订单号,商品ID,商品名称,订购数量,京东价,应付金额,订单状态,客户姓名,客户地址,联系电话\n" + "88"
								+ Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L)
								+ ",1,别家商品,1,10,10,等待出库,别家,北京市朝阳区建国路88号,13900000000\n")
							.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		waitFor(operator, job.id());
		OrderView theirs = this.orders
			.orders(operator, new OrderQuery(other.id(), null, null, null, false, null, null, null, 0))
			.items()
			.get(0);

		SignedInUser merchant = signedIn("merchant");
		this.mvc.perform(get("/orders/" + theirs.id()).with(user(merchant))).andExpect(status().isNotFound());
		this.mvc.perform(get("/orders/imports/" + job.id()).with(user(merchant))).andExpect(status().isNotFound());
		this.mvc.perform(get("/orders").param("q", theirs.platformOrderNo()).with(user(merchant)))
			.andExpect(content().string(containsString("共 0 个订单")))
			.andExpect(content().string(not(containsString("/orders/" + theirs.id()))));
		this.mvc.perform(get("/orders").with(user(signedIn("trainer")))).andExpect(status().isForbidden());
	}

	@Autowired
	OrderManagement orders;

	@Autowired
	OrderIntegrations integrations;

	@Autowired
	org.farmgate.catalog.SkuManagement skus;

	@Autowired
	org.farmgate.catalog.StockManagement stock;

	@Test
	void theExportIsSafeToOpenInASpreadsheetAndTheBulkRecheckReleasesAnOversoldOrderOnceStockCameIn() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ShopView douyin = this.registry.shopsOf(merchant, merchant.scope().organisationId())
			.stream()
			.filter(shop -> shop.platform() == Platform.DOUYIN)
			.findFirst()
			.orElseThrow();
		String number = "dy" + UUID.randomUUID().toString().substring(0, 10);
		UUID cabbage = this.skus.merchantCodeOf(merchant.scope().organisationId(), "XF-SC-1500").orElseThrow().id();
		int available = this.stock.stockOf(merchant, cabbage).get(0).available();
		String body = OrderSamples.order(number, "PAID", "XF-SC-1500", available + 5)
			.replace("\"name\":\"张三\"", "\"name\":\"=HYPERLINK(\\\"http://x\\\")\"");
		OrderView held = this.integrations.receive(merchant, douyin.id(), UUID.randomUUID().toString(), body).order();
		assertThat(held.holds()).containsExactly(HoldReason.OVERSOLD);

		String csv = this.mvc.perform(get("/orders/export.csv").param("q", number).with(user(merchant)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains(number, "'=HYPERLINK", "138****5678").doesNotContain("13812345678");

		this.stock.adjust(merchant, new org.farmgate.catalog.AdjustmentInput(cabbage, null, null, 10,
				org.farmgate.catalog.AdjustmentReason.RECEIVED, null));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/orders/recheck")
				.param("orderId", held.id().toString())
				.with(user(merchant))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.orders.order(merchant, held.id()).orElseThrow().holds()).isEmpty();
	}

	private OrderView findOrder(SignedInUser user, ShopView shop, String number) {
		return this.orders.orders(user, new OrderQuery(shop.id(), number, null, null, false, null, null, null, 0))
			.items()
			.get(0);
	}

	private ShopView taobaoShop(SignedInUser merchant) {
		return this.registry.shopsOf(merchant, merchant.scope().organisationId())
			.stream()
			.filter(shop -> shop.platform() == Platform.TAOBAO)
			.findFirst()
			.orElseThrow();
	}

	private void waitFor(SignedInUser user, UUID job) throws InterruptedException {
		OrderSamples.awaitEnd(this.imports, user, job);
	}

}
