package org.farmgate.catalog;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.HouseholdView;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopStatus;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input to the catalog gets a clear answer, in Chinese by default: through the JSON
 * API a 400 (or 409 for a duplicate or missing stock) whose {@code code} names the rule,
 * on the pages the form again with what to fix; and nothing of a refused change is saved.
 */
@FarmgateTest
class CatalogBadInputTests {

	private static final String PRICE_MESSAGE = "价格应为不小于 0 的金额（最多两位小数，不超过 100 万元）。";

	private static final String QUANTITY_MESSAGE = "数量应大于 0，最多三位小数。";

	private static final String BARCODE_MESSAGE = "条码无效：应为 8、12、13 或 14 位数字，且校验位正确。";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	ProductManagement products;

	@Autowired
	SkuManagement skus;

	@Autowired
	ListingManagement listings;

	@Autowired
	StockManagement stock;

	@Autowired
	BatchManagement batches;

	@Autowired
	RegistryManagement registry;

	@Autowired
	HouseholdManagement households;

	@Autowired
	UserDetailsService users;

	@Autowired
	Clock clock;

	SignedInUser merchant;

	String run;

	@BeforeEach
	void signIn() {
		this.merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		this.run = UUID.randomUUID().toString().substring(0, 8);
	}

	// prices and quantities

	@ParameterizedTest(name = "price {0}")
	@ValueSource(strings = { "-1", "-0.01", "39.999" })
	void aNegativePriceOrOneWithThreeDecimalsIsRefusedAndNoSkuIsSaved(String price) throws Exception {
		ProductView product = product();

		postJson("/api/v1/products/" + product.id() + "/skus", skuJson("KG", "1.5", null, price, null, null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalog.error.price"))
			.andExpect(jsonPath("$.detail").value(PRICE_MESSAGE));

		assertThat(skusOf(product)).isEmpty();
	}

	@ParameterizedTest(name = "quantity {0}")
	@ValueSource(strings = { "-1.5", "0", "0.000", "1.2345" })
	void aNegativeOrZeroQuantityOrOneWithFourDecimalsIsRefusedAndNoSkuIsSaved(String quantity) throws Exception {
		ProductView product = product();

		postJson("/api/v1/products/" + product.id() + "/skus", skuJson("KG", quantity, null, "39.90", null, null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalog.error.quantity"))
			.andExpect(jsonPath("$.detail").value(QUANTITY_MESSAGE));

		assertThat(skusOf(product)).isEmpty();
	}

	@Test
	void theSkuFormShowsWhatIsWrongWithThePriceOrTheQuantityInChineseAndSavesNothing() throws Exception {
		ProductView product = product();

		addSkuOnPage(product, "KG", "1.5", "", "39.999", "", "").andExpect(status().isOk())
			.andExpect(content().string(containsString(PRICE_MESSAGE)));
		addSkuOnPage(product, "KG", "-2", "", "39.90", "", "").andExpect(status().isOk())
			.andExpect(content().string(containsString(QUANTITY_MESSAGE)));
		addSkuOnPage(product, "KG", "0", "", "39.90", "", "").andExpect(status().isOk())
			.andExpect(content().string(containsString(QUANTITY_MESSAGE)));

		assertThat(skusOf(product)).isEmpty();
	}

	@Test
	void aSkuOfLessThanHalfAGramIsRefusedAsBadInputNotAsAConflict() throws Exception {
		// 0.4 g passes the quantity rule (more than 0, three decimals) but rounds to a
		// net weight of 0 g, which the table refuses
		ProductView product = product();

		postJson("/api/v1/products/" + product.id() + "/skus", skuJson("G", "0.4", null, "1.00", null, null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code", not("catalog.error.conflict")));

		assertThat(skusOf(product)).isEmpty();
	}

	@Test
	void theSkuFormRefusesLessThanHalfAGramWithAMessageNotAServerError() throws Exception {
		ProductView product = product();

		addSkuOnPage(product, "G", "0.4", "", "1.00", "", "").andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"problem\"")));

		assertThat(skusOf(product)).isEmpty();
	}

	// units and weights

	@Test
	void aWeightThatDoesNotMatchTheUnitIsRefusedNamingBothWeightsAndNothingIsSaved() throws Exception {
		ProductView product = product();

		postJson("/api/v1/products/" + product.id() + "/skus", skuJson("KG", "1.5", "1000", "39.90", null, null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalog.error.unit-mismatch"))
			.andExpect(jsonPath("$.detail", allOf(containsString("单位与净重不符"), containsString("应为 1500 克"),
					matchesPattern(".*净重填的是 1,?000 克.*"))));
		addSkuOnPage(product, "KG", "1.5", "1000", "39.90", "", "").andExpect(status().isOk())
			.andExpect(content().string(containsString("单位与净重不符：按所填数量应为 1500 克")));

		assertThat(skusOf(product)).isEmpty();
		this.mvc.perform(get("/api/v1/products/" + product.id() + "/skus").with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isOk())
			.andExpect(content().json("[]"));
	}

	@Test
	void bothWeightsInTheUnitMismatchMessageAreWrittenTheSameWay() throws Exception {
		ProductView product = product();

		postJson("/api/v1/products/" + product.id() + "/skus", skuJson("KG", "1.5", "1000", "39.90", null, null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("单位与净重不符：按所填数量应为 1500 克，而净重填的是 1000 克。"));
	}

	@Test
	void aWeightThatMatchesTheUnitIsAcceptedAndAMissingOneFollowsFromTheQuantity() throws Exception {
		ProductView product = product();

		postJson("/api/v1/products/" + product.id() + "/skus", skuJson("KG", "1.5", "1500", "39.90", null, null))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.netWeightGrams").value(1500));
		postJson("/api/v1/products/" + product.id() + "/skus", skuJson("JIN", "2", null, "22.00", null, null))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.netWeightGrams").value(1000));

		assertThat(skusOf(product)).hasSize(2);
	}

	// barcodes

	@Test
	void theExampleEan13HasAValidCheckDigit() {
		assertThat(gs1CheckDigit("690123456789")).isEqualTo(2);
		assertThat(gs1CheckDigit("400638133393")).isEqualTo(1);
	}

	@Test
	void aBarcodeWithAWrongCheckDigitIsRefusedAndAValidEan13Accepted() throws Exception {
		ProductView product = product();

		for (String invalid : List.of("6901234567891", "690123456789", "69012345678X2")) {
			postJson("/api/v1/products/" + product.id() + "/skus", skuJson("KG", "1", null, "19.90", invalid, null))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("catalog.error.barcode"))
				.andExpect(jsonPath("$.detail").value(BARCODE_MESSAGE));
		}
		assertThat(skusOf(product)).isEmpty();

		postJson("/api/v1/products/" + product.id() + "/skus", skuJson("KG", "1", null, "19.90", "6901234567892", null))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.barcode").value("6901234567892"));
		assertThat(skusOf(product)).extracting(SkuView::barcode).containsExactly("6901234567892");
	}

	@Test
	void theSkuFormShowsAnInvalidBarcodeInChinese() throws Exception {
		ProductView product = product();

		addSkuOnPage(product, "KG", "1", "", "19.90", "6901234567891", "").andExpect(status().isOk())
			.andExpect(content().string(containsString(BARCODE_MESSAGE)));

		assertThat(skusOf(product)).isEmpty();
	}

	// duplicates

	@Test
	void aMerchantCodeTakenInTheOrganisationIsA409AndTheSecondSkuIsNotSaved() throws Exception {
		String code = "BI-" + this.run;
		ProductView first = product();
		ProductView second = product();
		postJson("/api/v1/products/" + first.id() + "/skus", skuJson("KG", "1", null, "19.90", null, code))
			.andExpect(status().isCreated());

		postJson("/api/v1/products/" + second.id() + "/skus", skuJson("KG", "2", null, "35.00", null, code))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalog.error.merchant-code-taken"))
			.andExpect(jsonPath("$.detail").value("商家编码 " + code + " 已被本组织的另一个规格使用。"));
		// the demo's 1.5 kg pickled cabbage has XF-SC-1500
		postJson("/api/v1/products/" + second.id() + "/skus", skuJson("KG", "2", null, "35.00", null, "XF-SC-1500"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalog.error.merchant-code-taken"));

		assertThat(skusOf(second)).isEmpty();
		assertThat(skusOf(first)).extracting(SkuView::merchantCode).containsExactly(code);
	}

	@Test
	void theSkuFormShowsATakenMerchantCodeInChinese() throws Exception {
		ProductView product = product();

		addSkuOnPage(product, "KG", "2", "", "35.00", "", "XF-SC-1500").andExpect(status().isOk())
			.andExpect(content().string(containsString("商家编码 XF-SC-1500 已被本组织的另一个规格使用。")));

		assertThat(skusOf(product)).isEmpty();
	}

	@Test
	void theSameItemAndSkuIdListedTwiceInAShopIsA409AndListedOnce() throws Exception {
		ShopView taobao = activeShop(Platform.TAOBAO);
		SkuView first = sku(product(), null);
		SkuView second = sku(product(), null);
		String item = "BI-" + this.run;

		postJson("/api/v1/listings", listingJson(first, taobao, item, "S1", "坏输入 " + this.run))
			.andExpect(status().isCreated());
		postJson("/api/v1/listings", listingJson(second, taobao, item, "S1", "坏输入 again " + this.run))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalog.error.listing-exists"))
			.andExpect(jsonPath("$.detail").value("这个网店里已经有同一平台商品 ID 和 SKU ID 的上架记录。"));
		// an item without platform SKU id, twice
		postJson("/api/v1/listings", listingJson(first, taobao, item + "-single", null, "坏输入单品 " + this.run))
			.andExpect(status().isCreated());
		postJson("/api/v1/listings", listingJson(second, taobao, item + "-single", "", "坏输入单品 " + this.run))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalog.error.listing-exists"));

		assertThat(this.listings.listingsOf(this.merchant, first.id())).hasSize(2);
		assertThat(this.listings.listingsOf(this.merchant, second.id())).isEmpty();
	}

	@Test
	void theListingFormShowsADuplicateListingInChinese() throws Exception {
		ShopView jd = activeShop(Platform.JD);
		ProductView product = product();
		SkuView sku = sku(product, null);
		String item = "BI-" + this.run;

		listOnPage(product, sku, jd, item).andExpect(status().is3xxRedirection());
		listOnPage(product, sku, jd, item).andExpect(status().isOk())
			.andExpect(content().string(containsString("这个网店里已经有同一平台商品 ID 和 SKU ID 的上架记录。")));

		assertThat(this.listings.listingsOf(this.merchant, sku.id())).hasSize(1);
	}

	// stock

	@Test
	void anAdjustmentThatWouldTakeStockBelowZeroIsRefusedAndStockIsUnchanged() throws Exception {
		SkuView sku = skuWithStock(3);

		postJson("/api/v1/stock/adjustments", adjustmentJson(sku, -5, "DAMAGED")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalog.error.below-reserved"))
			.andExpect(jsonPath("$.detail").value("不能这样调整：在库 3，其中 0 已为订单预留，在库数不能低于预留数。"));

		assertThat(onHandAndReserved(sku)).containsExactly(3, 0);
		assertThat(this.stock.adjustments(this.merchant, sku.id())).hasSize(1);
	}

	@Test
	void anAdjustmentThatWouldTakeStockBelowTheReservedUnitsIsRefused() throws Exception {
		SkuView sku = skuWithStock(5);
		reserve(sku, 4, orderLine("1")).andExpect(status().isCreated());

		postJson("/api/v1/stock/adjustments", adjustmentJson(sku, -2, "COUNTED")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalog.error.below-reserved"))
			.andExpect(jsonPath("$.detail").value("不能这样调整：在库 5，其中 4 已为订单预留，在库数不能低于预留数。"));
		postJson("/api/v1/stock/adjustments", adjustmentJson(sku, -1, "COUNTED")).andExpect(status().isCreated());

		assertThat(onHandAndReserved(sku)).containsExactly(4, 4);
	}

	@Test
	void theStockFormShowsAnAdjustmentBelowZeroInChineseAndChangesNothing() throws Exception {
		ProductView product = product();
		SkuView sku = sku(product, null);
		this.stock.adjust(this.merchant, new AdjustmentInput(sku.id(), null, null, 3, AdjustmentReason.RECEIVED, null));

		this.mvc
			.perform(post("/catalog/products/" + product.id() + "/stock").with(user(this.merchant))
				.with(csrf())
				.param("skuId", sku.id().toString())
				.param("delta", "-5")
				.param("reason", "DAMAGED")
				.param("note", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不能这样调整：在库 3，其中 0 已为订单预留，在库数不能低于预留数。")));

		assertThat(onHandAndReserved(sku)).containsExactly(3, 0);
	}

	@Test
	void theStockFormRefusingANegativeThresholdDoesNotAdjustStockEither() throws Exception {
		ProductView product = product();
		SkuView sku = sku(product, null);
		this.stock.adjust(this.merchant, new AdjustmentInput(sku.id(), null, null, 3, AdjustmentReason.RECEIVED, null));

		this.mvc
			.perform(post("/catalog/products/" + product.id() + "/stock").with(user(this.merchant))
				.with(csrf())
				.param("skuId", sku.id().toString())
				.param("delta", "5")
				.param("reason", "RECEIVED")
				.param("note", "")
				.param("lowThreshold", "-1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("低库存提醒值应为不小于 0 的整数。")));

		assertThat(onHandAndReserved(sku)).containsExactly(3, 0);
		assertThat(this.stock.adjustments(this.merchant, sku.id())).hasSize(1);
	}

	// photos

	@Test
	void aTextFileNamedJpgIsRefusedAsAPhotoAndNothingIsStored() throws Exception {
		ProductView product = product();
		MockMultipartFile text = new MockMultipartFile("photo", "酸菜.jpg", "image/jpeg",
				"这不是图片，只是改了扩展名的文本。".getBytes(StandardCharsets.UTF_8));

		uploadOnPage(product, text).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/catalog/products/" + product.id() + "#photos"))
			.andExpect(flash().attribute("problem", "catalog.error.photo-type"));

		assertThat(photosOf(product)).isEmpty();
	}

	@Test
	void aFileOverFiveMegabytesIsRefusedAsAPhotoAndNothingIsStored() throws Exception {
		ProductView product = product();
		MockMultipartFile large = new MockMultipartFile("photo", "large.png", "image/png",
				new byte[5 * 1024 * 1024 + 1]);

		// MockMvc skips the container's multipart limits: the catalog's own limit answers
		uploadOnPage(product, large).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", "catalog.error.photo-too-large"));

		assertThat(photosOf(product)).isEmpty();
	}

	@Test
	void aFileOverTheUploadLimitSentFromTheProductPageOverHttpComesBackWithAMessage() throws Exception {
		ProductView product = product();
		byte[] large = new byte[5 * 1024 * 1024 + 512 * 1024];

		HttpResponse<String> answer = uploadOverHttp(product, "large.jpg", large);

		assertThat(answer.statusCode()).as("the answer to an upload over the limit: %s", answer.body()).isEqualTo(200);
		assertThat(answer.uri().getPath()).isEqualTo("/catalog/products/" + product.id());
		assertThat(answer.body()).containsAnyOf("文件太大，最大 5 MB。", "图片超过 5 MB，请压缩后再上传。");
		assertThat(photosOf(product)).isEmpty();
	}

	@Test
	void aSmallPngIsStoredAsAJpegWithAThumbnailAndServedToAnyone() throws Exception {
		ProductView product = product();

		uploadOnPage(product, new MockMultipartFile("photo", "cabbage.png", "image/png", png(400, 300)))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "catalog.photo-added"));

		List<UUID> photos = photosOf(product);
		assertThat(photos).hasSize(1);
		BufferedImage image = served("/catalog/photos/" + photos.get(0) + ".jpg");
		BufferedImage thumbnail = served("/catalog/photos/" + photos.get(0) + "/thumbnail.jpg");
		assertThat(image.getWidth()).isEqualTo(400);
		assertThat(image.getHeight()).isEqualTo(300);
		assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isLessThanOrEqualTo(320);
		assertThat(thumbnail.getWidth()).isEqualTo(320);
		assertThat(thumbnail.getHeight()).isEqualTo(240);
	}

	@Test
	void aLargePngIsStoredAtMost1200PixelsASide() throws Exception {
		ProductView product = product();
		byte[] png = png(2000, 1500);
		assertThat(png.length).isLessThan(5 * 1024 * 1024);

		uploadOnPage(product, new MockMultipartFile("photo", "field.png", "image/png", png))
			.andExpect(flash().attribute("notice", "catalog.photo-added"));

		List<UUID> photos = photosOf(product);
		assertThat(photos).hasSize(1);
		BufferedImage image = served("/catalog/photos/" + photos.get(0) + ".jpg");
		BufferedImage thumbnail = served("/catalog/photos/" + photos.get(0) + "/thumbnail.jpg");
		assertThat(image.getWidth()).isEqualTo(1200);
		assertThat(image.getHeight()).isEqualTo(900);
		assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(320);
	}

	@Test
	void anUnknownPhotoIsA404() throws Exception {
		this.mvc.perform(get("/catalog/photos/" + UUID.randomUUID() + ".jpg")).andExpect(status().isNotFound());
		this.mvc.perform(get("/catalog/photos/" + UUID.randomUUID() + "/thumbnail.jpg"))
			.andExpect(status().isNotFound());
	}

	// trace codes

	@Test
	void anUnknownTraceCodeIsTheFriendly404PageWithoutAStackTrace() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/trace/520122-2099-999999"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("页面不存在", "返回首页")
			.doesNotContain("Exception", "at org.", "Whitelabel", "UnknownTraceCode");
	}

	@Test
	void anUnknownTraceCodeIsA404ProblemInThePublicApi() throws Exception {
		MvcResult answer = this.mvc.perform(get("/api/public/v1/trace/NOPE"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("catalog.error.not-found"))
			.andExpect(jsonPath("$.detail").value("找不到该记录，或者您无权查看。"))
			.andReturn();

		assertThat(answer.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Exception",
				"at org.");
	}

	// batches

	@Test
	void aBatchWhoseSuppliersAddUpToMoreThanItsQuantityIsRefusedAndNotSaved() throws Exception {
		ProductView product = product();
		List<HouseholdView> members = members();
		String yesterday = LocalDate.now(this.clock).minusDays(1).toString();

		postJson("/api/v1/batches", batchJson(product, yesterday, "100", members, "60", "50"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalog.error.suppliers-exceed"))
			.andExpect(jsonPath("$.detail").value("农户供货合计 110，超过了批次数量 100。"));
		assertThat(this.batches.batchesOf(this.merchant, product.id())).isEmpty();

		postJson("/api/v1/batches", batchJson(product, yesterday, "100", members, "60", "40"))
			.andExpect(status().isCreated());
		assertThat(this.batches.batchesOf(this.merchant, product.id())).hasSize(1);
	}

	@Test
	void aBatchProducedInTheFutureIsRefusedAndNotSaved() throws Exception {
		ProductView product = product();
		String tomorrow = LocalDate.now(this.clock).plusDays(1).toString();

		postJson("/api/v1/batches", batchJson(product, tomorrow, "100", members(), "10", "10"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalog.error.produced-on"))
			.andExpect(jsonPath("$.detail").value("请填写生产日期（近十年内，不晚于今天）。"));

		assertThat(this.batches.batchesOf(this.merchant, product.id())).isEmpty();
	}

	@Test
	void theBatchFormShowsSuppliersBeyondTheQuantityAndAFutureDateInChineseAndSavesNothing() throws Exception {
		ProductView product = product();
		List<HouseholdView> members = members();
		LocalDate today = LocalDate.now(this.clock);

		recordBatchOnPage(product, today.minusDays(1), members, "60", "50").andExpect(status().isOk())
			.andExpect(content().string(containsString("农户供货合计 110，超过了批次数量 100。")));
		recordBatchOnPage(product, today.plusDays(1), members, "10", "10").andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写生产日期（近十年内，不晚于今天）。")));

		assertThat(this.batches.batchesOf(this.merchant, product.id())).isEmpty();
	}

	@Test
	void aMalformedJsonBodyIsA400ProblemNeverAStackTrace() throws Exception {
		ProductView product = product();
		List<String> bodies = List.of("{\"productId\":\"" + product.id() + "\",\"quantity\":10,",
				"{\"productId\":\"" + product.id() + "\",\"producedOn\":\"yesterday\",\"quantity\":10,\"unit\":\"KG\"}",
				"{\"productId\":\"" + product.id() + "\",\"producedOn\":\"2026-01-01\",\"quantity\":\"lots\"}",
				"{\"productId\":\"" + product.id()
						+ "\",\"producedOn\":\"2026-01-01\",\"quantity\":10,\"unit\":\"TON\"}",
				"not json at all");

		for (String body : bodies) {
			MvcResult answer = postJson("/api/v1/batches", body).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(400))
				.andReturn();
			assertThat(answer.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(body)
				.doesNotContain("Exception", "at org.", "at tools.", "at com.");
		}
		assertThat(this.batches.batchesOf(this.merchant, product.id())).isEmpty();
	}

	// reservations

	@Test
	void reservingMoreThanIsAvailableIsA409SayingHowManyAreAvailable() throws Exception {
		SkuView sku = skuWithStock(5);

		reserve(sku, 6, orderLine("1")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalog.error.insufficient-stock"))
			.andExpect(jsonPath("$.available").value(5))
			.andExpect(jsonPath("$.detail").value("库存不足：要预留 6，可售只有 5。"));
		reserve(sku, 2, orderLine("2")).andExpect(status().isCreated());
		reserve(sku, 4, orderLine("3")).andExpect(status().isConflict()).andExpect(jsonPath("$.available").value(3));

		assertThat(onHandAndReserved(sku)).containsExactly(5, 2);
	}

	@Test
	void theSameOrderLineReservedTwiceGivesTheFirstReservationBackAndReservesOnce() throws Exception {
		SkuView sku = skuWithStock(5);
		String line = orderLine("1");

		String first = reserve(sku, 3, line).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		reserve(sku, 3, line).andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value((String) JsonPath.read(first, "$.id")))
			.andExpect(jsonPath("$.created").value(false));
		reserve(sku, 2, line).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalog.error.order-line-reused"));

		assertThat(onHandAndReserved(sku)).containsExactly(5, 3);
	}

	@Test
	void aReleasedReservationCannotBeCommittedAndGivesItsUnitsBack() throws Exception {
		SkuView sku = skuWithStock(5);
		String id = reservationId(reserve(sku, 2, orderLine("1")).andExpect(status().isCreated()));

		postJson("/api/v1/stock/reservations/" + id + "/release", "").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("RELEASED"));
		postJson("/api/v1/stock/reservations/" + id + "/commit", "").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalog.error.reservation-settled"))
			.andExpect(jsonPath("$.detail").value("该预留已经释放或已发货，不能再改变。"));

		assertThat(onHandAndReserved(sku)).containsExactly(5, 0);
		assertThat(this.stock.adjustments(this.merchant, sku.id()))
			.noneMatch(adjustment -> adjustment.reason() == AdjustmentReason.SHIPPED);
	}

	@Test
	void committingAReservationTakesItsUnitsOffTheShelfAndRecordsAShippedAdjustmentOnce() throws Exception {
		SkuView sku = skuWithStock(5);
		String line = orderLine("1");
		String id = reservationId(reserve(sku, 2, line).andExpect(status().isCreated()));

		postJson("/api/v1/stock/reservations/" + id + "/commit", "").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("COMMITTED"));
		postJson("/api/v1/stock/reservations/" + id + "/commit", "").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("COMMITTED"));
		postJson("/api/v1/stock/reservations/" + id + "/release", "").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalog.error.reservation-settled"));

		assertThat(onHandAndReserved(sku)).containsExactly(3, 0);
		this.mvc
			.perform(get("/api/v1/stock/adjustments").param("skuId", sku.id().toString())
				.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].reason").value("SHIPPED"))
			.andExpect(jsonPath("$[0].delta").value(-2))
			.andExpect(jsonPath("$[0].onHandAfter").value(3))
			.andExpect(jsonPath("$[0].note").value(line))
			.andExpect(jsonPath("$[1].reason").value("RECEIVED"));
	}

	// helpers

	private ProductView product() {
		return this.products.add(this.merchant, new ProductInput(null, "PICKLED.SOUR_CABBAGE",
				"坏输入酸菜 " + UUID.randomUUID(), null, null, null, null, 180, StorageClass.AMBIENT));
	}

	private SkuView sku(ProductView product, String merchantCode) {
		return this.skus.add(this.merchant, product.id(), new SkuInput("1.5 千克装", Unit.KG, new BigDecimal("1.5"), null,
				new BigDecimal("39.90"), null, merchantCode));
	}

	private SkuView skuWithStock(int units) {
		SkuView sku = sku(product(), null);
		this.stock.adjust(this.merchant,
				new AdjustmentInput(sku.id(), null, null, units, AdjustmentReason.RECEIVED, null));
		return sku;
	}

	private List<SkuView> skusOf(ProductView product) {
		return this.skus.skusOf(this.merchant, product.id());
	}

	private List<UUID> photosOf(ProductView product) {
		return this.products.product(this.merchant, product.id()).orElseThrow().photoIds();
	}

	private List<Integer> onHandAndReserved(SkuView sku) {
		List<StockView> rows = this.stock.stockOf(this.merchant, sku.id());
		assertThat(rows).hasSize(1);
		return List.of(rows.get(0).onHand(), rows.get(0).reserved());
	}

	private List<HouseholdView> members() {
		List<HouseholdView> members = this.households.households(this.merchant);
		assertThat(members).as("member households of the demo Libei enterprise").hasSizeGreaterThanOrEqualTo(2);
		return members.subList(0, 2);
	}

	private ShopView activeShop(Platform platform) {
		return this.registry.shopsOf(this.merchant, this.merchant.scope().organisationId())
			.stream()
			.filter(shop -> shop.status() == ShopStatus.ACTIVE && shop.platform() == platform)
			.findFirst()
			.orElseThrow();
	}

	private String orderLine(String suffix) {
		return "TAOBAO:BI-" + this.run + ":" + suffix;
	}

	private ResultActions postJson(String path, String json) throws Exception {
		return this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(httpBasic("merchant", "farmgate")));
	}

	private ResultActions reserve(SkuView sku, int quantity, String orderLine) throws Exception {
		return postJson("/api/v1/stock/reservations",
				"{\"skuId\":\"" + sku.id() + "\",\"quantity\":" + quantity + ",\"orderLine\":\"" + orderLine + "\"}");
	}

	private static String reservationId(ResultActions reserved) throws Exception {
		return JsonPath.read(reserved.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
	}

	private ResultActions addSkuOnPage(ProductView product, String unit, String quantity, String netWeightGrams,
			String price, String barcode, String merchantCode) throws Exception {
		return this.mvc.perform(post("/catalog/products/" + product.id() + "/skus").with(user(this.merchant))
			.with(csrf())
			.param("specification", "页面规格 " + this.run)
			.param("unit", unit)
			.param("quantity", quantity)
			.param("netWeightGrams", netWeightGrams)
			.param("price", price)
			.param("barcode", barcode)
			.param("merchantCode", merchantCode));
	}

	private ResultActions listOnPage(ProductView product, SkuView sku, ShopView shop, String item) throws Exception {
		return this.mvc.perform(post("/catalog/products/" + product.id() + "/listings").with(user(this.merchant))
			.with(csrf())
			.param("skuId", sku.id().toString())
			.param("shopId", shop.id().toString())
			.param("platformItemId", item)
			.param("platformSkuId", "")
			.param("merchantCode", "")
			.param("title", "页面上架 " + this.run));
	}

	private ResultActions recordBatchOnPage(ProductView product, LocalDate producedOn, List<HouseholdView> suppliers,
			String firstQuantity, String secondQuantity) throws Exception {
		return this.mvc.perform(post("/catalog/batches").with(user(this.merchant))
			.with(csrf())
			.param("productId", product.id().toString())
			.param("producedOn", producedOn.toString())
			.param("harvestedOn", "")
			.param("quantity", "100")
			.param("unit", "KG")
			.param("villageId", "")
			.param("note", "")
			.param("supplierIds", suppliers.get(0).id().toString(), suppliers.get(1).id().toString(), "", "", "")
			.param("supplierQuantities", firstQuantity, secondQuantity, "", "", ""));
	}

	private ResultActions uploadOnPage(ProductView product, MockMultipartFile photo) throws Exception {
		return this.mvc.perform(multipart("/catalog/products/" + product.id() + "/photos").file(photo)
			.with(user(this.merchant))
			.with(csrf()));
	}

	private BufferedImage served(String path) throws Exception {
		MvcResult answer = this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_JPEG))
			.andReturn();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(answer.getResponse().getContentAsByteArray()));
		assertThat(image).as(path + " is a readable image").isNotNull();
		return image;
	}

	/**
	 * Signs the merchant in as a browser does, opens the product page and sends the
	 * upload form over real HTTP (the CSRF token a form field, as the page has it).
	 */
	private HttpResponse<String> uploadOverHttp(ProductView product, String filename, byte[] bytes) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		String login = browser.send(html("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
		String form = "username=merchant&password=farmgate&_csrf="
				+ URLEncoder.encode(csrfOf(login), StandardCharsets.UTF_8);
		HttpResponse<String> home = browser
			.send(html("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(home.uri().getPath()).as("signed in").isEqualTo("/");
		String productPage = "/catalog/products/" + product.id();
		String page = browser.send(html(productPage).build(), HttpResponse.BodyHandlers.ofString()).body();
		String boundary = "----farmgate" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + filename
				+ "\"\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(bytes);
		body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfOf(page)
				+ "\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8));
		return browser
			.send(html(productPage + "/photos").header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Referer", base() + productPage)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder html(String path) {
		return HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html");
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static String csrfOf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setPaint(new GradientPaint(0, 0, new Color(60, 140, 60), width, height, new Color(230, 200, 80)));
			graphics.fillRect(0, 0, width, height);
			graphics.setColor(new Color(200, 40, 40));
			graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		}
		finally {
			graphics.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, "png", out)).isTrue();
		return out.toByteArray();
	}

	/** The GS1 check digit of a code's other digits, worked out apart from the app's. */
	private static int gs1CheckDigit(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int fromRight = digits.length() - i;
			sum += (digits.charAt(i) - '0') * ((fromRight % 2 == 1) ? 3 : 1);
		}
		return (10 - sum % 10) % 10;
	}

	private static String quoted(String value) {
		return (value == null) ? "null" : "\"" + value + "\"";
	}

	private static String skuJson(String unit, String quantity, String netWeightGrams, String price, String barcode,
			String merchantCode) {
		return "{\"specification\":\"规格 " + unit + " " + quantity + "\",\"unit\":\"" + unit + "\",\"quantity\":"
				+ quantity + ",\"netWeightGrams\":" + netWeightGrams + ",\"price\":" + price + ",\"barcode\":"
				+ quoted(barcode) + ",\"merchantCode\":" + quoted(merchantCode) + "}";
	}

	private static String listingJson(SkuView sku, ShopView shop, String item, String platformSkuId, String title) {
		return "{\"skuId\":\"" + sku.id() + "\",\"shopId\":\"" + shop.id() + "\",\"platformItemId\":\"" + item
				+ "\",\"platformSkuId\":" + quoted(platformSkuId) + ",\"title\":\"" + title + "\"}";
	}

	private static String adjustmentJson(SkuView sku, int delta, String reason) {
		return "{\"skuId\":\"" + sku.id() + "\",\"delta\":" + delta + ",\"reason\":\"" + reason + "\"}";
	}

	private static String batchJson(ProductView product, String producedOn, String quantity,
			List<HouseholdView> suppliers, String firstQuantity, String secondQuantity) {
		return "{\"productId\":\"" + product.id() + "\",\"producedOn\":\"" + producedOn + "\",\"quantity\":" + quantity
				+ ",\"unit\":\"KG\",\"suppliers\":[{\"householdId\":\"" + suppliers.get(0).id() + "\",\"quantity\":"
				+ firstQuantity + "},{\"householdId\":\"" + suppliers.get(1).id() + "\",\"quantity\":" + secondQuantity
				+ "}]}";
	}

}
