package org.farmgate.catalog;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.AdmissionStatus;
import org.farmgate.registry.CreditCode;
import org.farmgate.registry.OrganisationInput;
import org.farmgate.registry.OrganisationType;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.SalesModel;
import org.farmgate.registry.ShopInput;
import org.farmgate.registry.ShopView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A merchant of organisation A neither reads nor changes organisation B's catalog
 * (products, SKUs, listings, stock, reservations, batches, photos and certifications),
 * through the JSON API or through the pages, whether it guesses random ids or knows B's
 * real ones, and what it tries leaves B's records as they were; an analyst reads the
 * county's catalog and changes nothing; station and trainer staff do not open the
 * catalog; the public catalog API and trace pages need no sign-in.
 */
@FarmgateTest
class CatalogAuthorizationTests {

	private static final String PASSWORD = "merchant-pass";

	private static final String NOT_FOUND = "catalog.error.not-found";

	@Autowired
	MockMvc mvc;

	@Autowired
	RegistryManagement registry;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

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

	private SignedInUser operator;

	private String suffix;

	private String merchantA;

	private SignedInUser signedInA;

	private SignedInUser signedInB;

	private OrganisationView a;

	private OrganisationView b;

	private ShopView shopOfA;

	private ShopView shopOfB;

	private ProductView productOfA;

	private SkuView skuOfA;

	private ProductView productOfB;

	private SkuView skuOfB;

	private ListingView listingOfB;

	private ReservationView reservationOfB;

	private BatchView batchOfB;

	private UUID photoOfB;

	private int adjustmentsOfB;

	@BeforeEach
	void twoOrganisationsWithAMerchantEachAndACatalogOfB() throws IOException {
		this.operator = (SignedInUser) this.users.loadUserByUsername("operator");
		this.suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
		this.a = approved("A 合作社 " + this.suffix, "93520122" + this.suffix + "A");
		this.b = approved("B 合作社 " + this.suffix, "93520122" + this.suffix + "B");
		this.shopOfA = this.registry
			.openShop(this.operator,
					new ShopInput(this.a.id(), Platform.TAOBAO, "A 的店 " + this.suffix, "tb-a-" + this.suffix, null,
							null))
			.shop();
		this.shopOfB = this.registry
			.openShop(this.operator,
					new ShopInput(this.b.id(), Platform.TAOBAO, "B 的店 " + this.suffix, "tb-b-" + this.suffix, null,
							null))
			.shop();
		this.merchantA = "merchant-a-" + this.suffix.toLowerCase();
		this.signedInA = merchant(this.merchantA, this.a.id());
		this.signedInB = merchant("merchant-b-" + this.suffix.toLowerCase(), this.b.id());

		this.productOfA = this.products.add(this.signedInA, product("A 的酸菜 " + this.suffix));
		this.skuOfA = this.skus.add(this.signedInA, this.productOfA.id(), new SkuInput("1 千克装", Unit.KG,
				new BigDecimal("1"), null, new BigDecimal("25.00"), null, "A-CODE-" + this.suffix));
		this.stock.adjust(this.signedInA,
				new AdjustmentInput(this.skuOfA.id(), null, null, 10, AdjustmentReason.RECEIVED, null));

		this.productOfB = this.products.add(this.signedInB, product("B 的酸菜 " + this.suffix));
		this.skuOfB = this.skus.add(this.signedInB, this.productOfB.id(), new SkuInput("1.5 千克装", Unit.KG,
				new BigDecimal("1.5"), null, new BigDecimal("39.90"), null, "B-CODE-" + this.suffix));
		this.stock.adjust(this.signedInB,
				new AdjustmentInput(this.skuOfB.id(), null, null, 20, AdjustmentReason.RECEIVED, "入库"));
		this.listingOfB = this.listings.list(this.signedInB, new ListingInput(this.skuOfB.id(), this.shopOfB.id(),
				"item-b-" + this.suffix, "sku-b-" + this.suffix, null, "B 的酸菜 1.5 千克 " + this.suffix));
		this.reservationOfB = this.stock.reserve(this.signedInB,
				new ReservationInput(this.skuOfB.id(), null, null, 2, "TAOBAO:B-" + this.suffix + ":1"));
		this.batchOfB = this.batches.record(this.signedInB, new BatchInput(this.productOfB.id(),
				LocalDate.now().minusDays(1), null, new BigDecimal("100"), Unit.KG, null, null, List.of()));
		this.photoOfB = this.products.addPhoto(this.signedInB, this.productOfB.id(), png());
		this.products.certify(this.signedInB, this.productOfB.id(),
				new Certification(CertificationKind.GREEN_FOOD, "LB-" + this.suffix, null, null));
		this.adjustmentsOfB = this.stock.adjustments(this.operator, this.skuOfB.id()).size();
	}

	@Test
	void aMerchantGetsNotFoundForEveryApiReadOfAnotherOrganisationsCatalog() throws Exception {
		UUID random = UUID.randomUUID();
		for (String path : new String[] { "/api/v1/products/" + this.productOfB.id(),
				"/api/v1/products/" + this.productOfB.id() + "/skus", "/api/v1/skus/" + this.skuOfB.id(),
				"/api/v1/stock?skuId=" + this.skuOfB.id(), "/api/v1/stock/adjustments?skuId=" + this.skuOfB.id(),
				"/api/v1/stock/reservations/" + this.reservationOfB.id(), "/api/v1/batches/" + this.batchOfB.id(),
				"/api/v1/listings/match?shopId=" + this.shopOfB.id() + "&itemId=" + this.listingOfB.platformItemId(),
				"/api/v1/products/" + random, "/api/v1/products/" + random + "/skus", "/api/v1/skus/" + random,
				"/api/v1/stock?skuId=" + random, "/api/v1/stock/adjustments?skuId=" + random,
				"/api/v1/stock/reservations/" + random, "/api/v1/batches/" + random,
				"/api/v1/listings/match?shopId=" + random + "&itemId=x" }) {
			String body = this.mvc.perform(asA(get(path)))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.code").value(NOT_FOUND))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(path)
				.doesNotContain(this.productOfB.nameZh())
				.doesNotContain(this.skuOfB.merchantCode())
				.doesNotContain(this.batchOfB.traceCode());
		}
	}

	@Test
	void aMerchantsApiListsHoldOnlyItsOwnOrganisationsCatalog() throws Exception {
		for (String path : new String[] { "/api/v1/products", "/api/v1/listings", "/api/v1/stock",
				"/api/v1/batches" }) {
			this.mvc.perform(asA(get(path)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$").isArray())
				.andExpect(jsonPath("$[?(@.organisationId && @.organisationId != '" + this.a.id() + "')]").isEmpty())
				.andExpect(content().string(not(containsString(this.b.id().toString()))))
				.andExpect(content().string(not(containsString(this.productOfB.id().toString()))))
				.andExpect(content().string(not(containsString(this.skuOfB.id().toString()))));
		}
		this.mvc.perform(asA(get("/api/v1/products")))
			.andExpect(jsonPath("$[*].id").value(hasItem(this.productOfA.id().toString())));
		this.mvc.perform(asA(get("/api/v1/stock")))
			.andExpect(jsonPath("$[*].skuId").value(hasItem(this.skuOfA.id().toString())));
	}

	@Test
	void everyApiWriteOfAMerchantToAnotherOrganisationsCatalogIsNotFoundAndChangesNothing() throws Exception {
		UUID product = this.productOfB.id();
		UUID sku = this.skuOfB.id();
		UUID random = UUID.randomUUID();
		List<MockHttpServletRequestBuilder> writes = List.of(
				json(put("/api/v1/products/" + product), productJson(null, "被改名的酸菜")),
				json(put("/api/v1/products/" + random), productJson(null, "被改名的酸菜")),
				json(post("/api/v1/products"), productJson(this.b.id(), "冒名的酸菜")),
				json(post("/api/v1/products/" + product + "/certifications"),
						"{\"kind\":\"ORGANIC\",\"number\":\"FAKE-1\"}"),
				json(post("/api/v1/products/" + product + "/skus"), skuJson("冒名规格", "FAKE-" + this.suffix)),
				json(post("/api/v1/products/" + random + "/skus"), skuJson("冒名规格", "FAKE-" + this.suffix)),
				json(put("/api/v1/skus/" + sku), skuJson("被改的规格", "B-CODE-" + this.suffix)),
				json(put("/api/v1/skus/" + random), skuJson("被改的规格", "B-CODE-" + this.suffix)),
				json(post("/api/v1/listings"), listingJson(sku, this.shopOfA.id(), "item-a-stolen")),
				json(post("/api/v1/listings"), listingJson(random, this.shopOfA.id(), "item-a-random")),
				delete("/api/v1/listings/" + this.listingOfB.id()), delete("/api/v1/listings/" + random),
				json(post("/api/v1/stock/adjustments"),
						"{\"skuId\":\"" + sku + "\",\"delta\":-18,\"reason\":\"DAMAGED\",\"note\":\"x\"}"),
				json(post("/api/v1/stock/adjustments"),
						"{\"skuId\":\"" + sku + "\",\"delta\":500,\"reason\":\"RECEIVED\"}"),
				json(post("/api/v1/stock/reservations"),
						"{\"skuId\":\"" + sku + "\",\"quantity\":18,\"orderLine\":\"TAOBAO:A-" + this.suffix + ":9\"}"),
				post("/api/v1/stock/reservations/" + this.reservationOfB.id() + "/release"),
				post("/api/v1/stock/reservations/" + this.reservationOfB.id() + "/commit"),
				post("/api/v1/stock/reservations/" + random + "/release"),
				post("/api/v1/stock/reservations/" + random + "/commit"),
				json(post("/api/v1/batches"), batchJson(product)), json(post("/api/v1/batches"), batchJson(random)));
		for (MockHttpServletRequestBuilder write : writes) {
			MockHttpServletResponse response = this.mvc.perform(asA(write)).andReturn().getResponse();
			assertThat(response.getStatus()).as(describe(write)).isEqualTo(404);
			assertThat(response.getContentAsString()).as(describe(write)).contains("\"code\":\"" + NOT_FOUND + "\"");
		}

		assertThatNothingOfBChanged();
		assertThat(this.listings.listingsOf(this.operator, this.skuOfA.id())).isEmpty();
	}

	@Test
	void aMerchantNeitherListsInAnotherOrganisationsShopNorMatchesOrderLinesToItsSkus() throws Exception {
		String viaShopOfB = this.mvc
			.perform(asA(json(post("/api/v1/listings"),
					listingJson(this.skuOfA.id(), this.shopOfB.id(), this.listingOfB.platformItemId()))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalog.error.shop"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String viaRandomShop = this.mvc
			.perform(asA(json(post("/api/v1/listings"),
					listingJson(this.skuOfA.id(), UUID.randomUUID(), this.listingOfB.platformItemId()))))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(viaShopOfB.replaceAll("\"timestamp\":\"[^\"]*\"", ""))
			.as("B's shop answers like a shop that does not exist")
			.isEqualTo(viaRandomShop.replaceAll("\"timestamp\":\"[^\"]*\"", ""));

		// A's own shop: B's item id, title and merchant code match nothing of B's
		String shop = "/api/v1/listings/match?shopId=" + this.shopOfA.id();
		this.mvc.perform(asA(get(shop + "&itemId=" + this.listingOfB.platformItemId())))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("catalog.error.no-match"));
		this.mvc.perform(asA(get(shop + "&merchantCode=" + this.skuOfB.merchantCode())))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("catalog.error.no-match"));
		this.mvc.perform(asA(get(shop).param("title", this.listingOfB.title())))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("catalog.error.no-match"));

		// B's merchant code is no obstacle for A's own SKU, and then matches A's, never
		// B's
		String added = this.mvc
			.perform(asA(json(post("/api/v1/products/" + this.productOfA.id() + "/skus"),
					skuJson("2 千克装", this.skuOfB.merchantCode()))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String ownSku = JsonPath.read(added, "$.id");
		this.mvc.perform(asA(get(shop + "&merchantCode=" + this.skuOfB.merchantCode())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.skuId").value(ownSku))
			.andExpect(jsonPath("$.matchedBy").value("SKU_MERCHANT_CODE"));

		assertThat(this.listings.listings(this.operator))
			.filteredOn(listing -> listing.shopId().equals(this.shopOfB.id()))
			.containsExactly(this.listingOfB);
		assertThatNothingOfBChanged();
	}

	@Test
	void aMerchantGetsTheNotFoundPageForEveryPageOfAnotherOrganisationsCatalog() throws Exception {
		UUID random = UUID.randomUUID();
		for (String path : new String[] { "/catalog/products/" + this.productOfB.id(),
				"/catalog/products/" + this.productOfB.id() + "/edit", "/catalog/batches/" + this.batchOfB.id(),
				"/catalog/products/" + random, "/catalog/products/" + random + "/edit",
				"/catalog/batches/" + random }) {
			String body = this.mvc.perform(get(path).with(user(this.signedInA)))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(path)
				.doesNotContain(this.productOfB.nameZh())
				.doesNotContain(this.batchOfB.traceCode());
		}
	}

	@Test
	void aMerchantsCatalogPagesShowOnlyItsOwnOrganisationsRecords() throws Exception {
		for (String path : new String[] { "/catalog/products", "/catalog/stock", "/catalog/batches",
				"/catalog/batches/new?productId=" + this.productOfB.id(), "/catalog/products/new",
				"/catalog/products/" + this.productOfA.id() }) {
			this.mvc.perform(get(path).with(user(this.signedInA)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(this.productOfB.nameZh()))))
				.andExpect(content().string(not(containsString(this.skuOfB.merchantCode()))))
				.andExpect(content().string(not(containsString(this.batchOfB.traceCode()))))
				.andExpect(content().string(not(containsString(this.b.name()))))
				.andExpect(content().string(not(containsString(this.shopOfB.name()))));
		}
		this.mvc.perform(get("/catalog/products").with(user(this.signedInA)))
			.andExpect(content().string(containsString("/catalog/products/" + this.productOfA.id())))
			.andExpect(content().string(not(containsString(this.productOfB.id().toString()))));
		this.mvc.perform(get("/catalog/products").param("q", "B 的酸菜").with(user(this.signedInA)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(this.productOfB.id().toString()))));
		this.mvc.perform(get("/catalog/stock").with(user(this.signedInA)))
			.andExpect(content().string(containsString(this.productOfA.nameZh())));
	}

	@Test
	void everyPageFormOfAMerchantAimedAtAnotherOrganisationsProductIsNotFoundAndChangesNothing() throws Exception {
		String product = "/catalog/products/" + this.productOfB.id();
		List<AbstractMockHttpServletRequestBuilder<?>> forms = List.of(
				post(product).param("categoryCode", "PICKLED.SOUR_CABBAGE")
					.param("nameZh", "被改名的酸菜")
					.param("storage", "AMBIENT"),
				post(product + "/skus").param("specification", "冒名规格")
					.param("unit", "KG")
					.param("quantity", "1")
					.param("price", "0.01"),
				post(product + "/listings").param("skuId", this.skuOfB.id().toString())
					.param("shopId", this.shopOfB.id().toString())
					.param("platformItemId", "item-page-stolen")
					.param("title", "冒名"),
				post(product + "/listings/" + this.listingOfB.id() + "/delete"),
				post(product + "/stock").param("skuId", this.skuOfB.id().toString())
					.param("delta", "-18")
					.param("reason", "DAMAGED")
					.param("lowThreshold", "15"),
				post(product + "/certifications").param("kind", "ORGANIC").param("number", "FAKE-2"),
				post(product + "/certifications/0/delete"),
				multipart(product + "/photos").file(new MockMultipartFile("photo", "p.png", "image/png", png())),
				post(product + "/photos/" + this.photoOfB + "/delete"));
		for (AbstractMockHttpServletRequestBuilder<?> form : forms) {
			int status = this.mvc.perform(form.with(user(this.signedInA)).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(describe(form)).isEqualTo(404);
		}
		assertThatNothingOfBChanged();
	}

	@Test
	void aMerchantCannotReachAnotherOrganisationsRecordsThroughTheFormsOfItsOwnProduct() throws Exception {
		String own = "/catalog/products/" + this.productOfA.id();
		this.mvc
			.perform(
					post(own + "/listings/" + this.listingOfB.id() + "/delete").with(user(this.signedInA)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(own + "/photos/" + this.photoOfB + "/delete").with(user(this.signedInA)).with(csrf()))
			.andExpect(status().isNotFound());
		// forms that name B's SKU, shop or product are answered with the form and what
		// was refused, never a redirect to success
		String notFound = "找不到该记录，或者您无权查看。";
		for (Map.Entry<MockHttpServletRequestBuilder, String> refused : List.of(
				Map.entry(post(own + "/stock").param("skuId", this.skuOfB.id().toString())
					.param("delta", "-18")
					.param("reason", "DAMAGED"), notFound),
				Map.entry(post(own + "/stock").param("skuId", this.skuOfB.id().toString()).param("lowThreshold", "15"),
						notFound),
				Map.entry(post(own + "/listings").param("skuId", this.skuOfB.id().toString())
					.param("shopId", this.shopOfA.id().toString())
					.param("platformItemId", "item-a-" + this.suffix)
					.param("title", "冒名"), notFound),
				Map.entry(post(own + "/listings").param("skuId", this.skuOfA.id().toString())
					.param("shopId", this.shopOfB.id().toString())
					.param("platformItemId", "item-a-" + this.suffix)
					.param("title", "冒名"), "请选择本组织的一个网店。"),
				Map.entry(post("/catalog/batches").param("productId", this.productOfB.id().toString())
					.param("producedOn", LocalDate.now().minusDays(2).toString())
					.param("quantity", "50")
					.param("unit", "KG"), notFound))) {
			MockHttpServletRequestBuilder form = refused.getKey();
			MockHttpServletResponse response = this.mvc
				.perform(form.with(user(this.signedInA)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(describe(form)).isEqualTo(200);
			assertThat(response.getRedirectedUrl()).as(describe(form)).isNull();
			assertThat(response.getContentAsString()).as(describe(form))
				.contains(refused.getValue())
				.doesNotContain(this.productOfB.nameZh())
				.doesNotContain(this.batchOfB.traceCode());
		}
		assertThatNothingOfBChanged();
		assertThat(this.listings.listingsOf(this.operator, this.skuOfA.id())).isEmpty();
		assertThat(this.stock.stockOf(this.operator, this.skuOfA.id())).singleElement()
			.satisfies(row -> assertThat(row.onHand()).isEqualTo(10));

		// the same forms naming A's own records go through: what was refused was B's
		this.mvc
			.perform(post(own + "/stock").param("skuId", this.skuOfA.id().toString())
				.param("delta", "-1")
				.param("reason", "DAMAGED")
				.with(user(this.signedInA))
				.with(csrf()))
			.andExpect(redirectedUrl(own + "#skus"));
		this.mvc
			.perform(post(own + "/listings").param("skuId", this.skuOfA.id().toString())
				.param("shopId", this.shopOfA.id().toString())
				.param("platformItemId", "item-a-" + this.suffix)
				.param("title", "A 的酸菜")
				.with(user(this.signedInA))
				.with(csrf()))
			.andExpect(redirectedUrl(own + "#skus"));
		this.mvc
			.perform(post("/catalog/batches").param("productId", this.productOfA.id().toString())
				.param("producedOn", LocalDate.now().minusDays(2).toString())
				.param("quantity", "50")
				.param("unit", "KG")
				.with(user(this.signedInA))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/catalog/batches/*"));
		assertThat(this.stock.stockOf(this.operator, this.skuOfA.id())).singleElement()
			.satisfies(row -> assertThat(row.onHand()).isEqualTo(9));
		assertThat(this.listings.listingsOf(this.operator, this.skuOfA.id())).hasSize(1);
		assertThat(this.batches.batchesOf(this.operator, this.productOfA.id())).hasSize(1);
		assertThatNothingOfBChanged();
	}

	@Test
	void anAnalystReadsTheCountysCatalogThroughTheApiButEveryWriteIsForbiddenAndChangesNothing() throws Exception {
		for (String path : new String[] { "/api/v1/products/" + this.productOfB.id(),
				"/api/v1/products/" + this.productOfB.id() + "/skus", "/api/v1/skus/" + this.skuOfB.id(),
				"/api/v1/stock?skuId=" + this.skuOfB.id(), "/api/v1/stock/adjustments?skuId=" + this.skuOfB.id(),
				"/api/v1/stock/reservations/" + this.reservationOfB.id(), "/api/v1/batches/" + this.batchOfB.id() }) {
			this.mvc.perform(get(path).with(httpBasic("analyst", "farmgate"))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/api/v1/listings").with(httpBasic("analyst", "farmgate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem(this.listingOfB.id().toString())));
		this.mvc.perform(get("/api/v1/products").with(httpBasic("analyst", "farmgate")))
			.andExpect(jsonPath("$[*].id").value(hasItem(this.productOfB.id().toString())));

		UUID product = this.productOfB.id();
		UUID sku = this.skuOfB.id();
		List<MockHttpServletRequestBuilder> writes = List.of(
				json(post("/api/v1/products"), productJson(this.b.id(), "分析员的酸菜")),
				json(put("/api/v1/products/" + product), productJson(null, "被改名的酸菜")),
				json(post("/api/v1/products/" + product + "/certifications"),
						"{\"kind\":\"ORGANIC\",\"number\":\"FAKE-3\"}"),
				json(post("/api/v1/products/" + product + "/skus"), skuJson("分析员规格", null)),
				json(put("/api/v1/skus/" + sku), skuJson("被改的规格", null)),
				json(post("/api/v1/listings"), listingJson(sku, this.shopOfB.id(), "item-analyst")),
				delete("/api/v1/listings/" + this.listingOfB.id()),
				json(post("/api/v1/stock/adjustments"),
						"{\"skuId\":\"" + sku + "\",\"delta\":-18,\"reason\":\"DAMAGED\"}"),
				json(post("/api/v1/stock/reservations"),
						"{\"skuId\":\"" + sku + "\",\"quantity\":1,\"orderLine\":\"TAOBAO:AN-" + this.suffix + ":1\"}"),
				post("/api/v1/stock/reservations/" + this.reservationOfB.id() + "/release"),
				post("/api/v1/stock/reservations/" + this.reservationOfB.id() + "/commit"),
				json(post("/api/v1/batches"), batchJson(product)));
		for (MockHttpServletRequestBuilder write : writes) {
			int status = this.mvc.perform(write.with(httpBasic("analyst", "farmgate")))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(describe(write)).isEqualTo(403);
		}
		assertThatNothingOfBChanged();
	}

	@Test
	void anAnalystSeesTheCatalogPagesButEveryFormIsForbiddenAndChangesNothing() throws Exception {
		SignedInUser analyst = (SignedInUser) this.users.loadUserByUsername("analyst");
		String product = "/catalog/products/" + this.productOfB.id();
		for (String path : new String[] { "/catalog/products", product, "/catalog/stock", "/catalog/batches",
				"/catalog/batches/" + this.batchOfB.id() }) {
			this.mvc.perform(get(path).with(user(analyst))).andExpect(status().isOk());
		}
		this.mvc.perform(get(product).with(user(analyst)))
			.andExpect(content().string(containsString(this.productOfB.nameZh())))
			.andExpect(content().string(not(containsString(product + "/edit"))));
		for (String path : new String[] { "/catalog/products/new", product + "/edit", "/catalog/batches/new" }) {
			this.mvc.perform(get(path).with(user(analyst))).andExpect(status().isForbidden());
		}
		List<AbstractMockHttpServletRequestBuilder<?>> forms = List.of(
				post("/catalog/products").param("organisationId", this.b.id().toString())
					.param("categoryCode", "PICKLED.SOUR_CABBAGE")
					.param("nameZh", "分析员的酸菜"),
				post(product).param("categoryCode", "PICKLED.SOUR_CABBAGE").param("nameZh", "被改名的酸菜"),
				post(product + "/skus").param("specification", "分析员规格")
					.param("unit", "KG")
					.param("quantity", "1")
					.param("price", "1.00"),
				post(product + "/listings").param("skuId", this.skuOfB.id().toString())
					.param("shopId", this.shopOfB.id().toString())
					.param("platformItemId", "item-analyst-page")
					.param("title", "分析员"),
				post(product + "/listings/" + this.listingOfB.id() + "/delete"),
				post(product + "/stock").param("skuId", this.skuOfB.id().toString())
					.param("delta", "-18")
					.param("reason", "DAMAGED"),
				post(product + "/certifications").param("kind", "ORGANIC").param("number", "FAKE-4"),
				post(product + "/certifications/0/delete"),
				multipart(product + "/photos").file(new MockMultipartFile("photo", "p.png", "image/png", png())),
				post(product + "/photos/" + this.photoOfB + "/delete"),
				post("/catalog/batches").param("productId", this.productOfB.id().toString())
					.param("producedOn", LocalDate.now().minusDays(2).toString())
					.param("quantity", "50")
					.param("unit", "KG"));
		for (AbstractMockHttpServletRequestBuilder<?> form : forms) {
			int status = this.mvc.perform(form.with(user(analyst)).with(csrf())).andReturn().getResponse().getStatus();
			assertThat(status).as(describe(form)).isEqualTo(403);
		}
		assertThatNothingOfBChanged();
	}

	@Test
	void stationAndTrainerStaffAreForbiddenTheCatalogApiAndPages() throws Exception {
		for (String username : new String[] { "station", "trainer" }) {
			SignedInUser staff = (SignedInUser) this.users.loadUserByUsername(username);
			for (String path : new String[] { "/api/v1/products", "/api/v1/listings", "/api/v1/stock",
					"/api/v1/batches" }) {
				this.mvc.perform(get(path).with(httpBasic(username, "farmgate")))
					.andExpect(status().isForbidden())
					.andExpect(content().string(not(containsString(this.productOfB.id().toString()))));
			}
			for (MockHttpServletRequestBuilder write : List.of(
					json(post("/api/v1/products"), productJson(this.b.id(), "站点的酸菜")),
					json(put("/api/v1/products/" + this.productOfB.id()), productJson(null, "被改名的酸菜")),
					json(post("/api/v1/stock/adjustments"),
							"{\"skuId\":\"" + this.skuOfB.id() + "\",\"delta\":-18,\"reason\":\"DAMAGED\"}"),
					json(post("/api/v1/stock/reservations"),
							"{\"skuId\":\"" + this.skuOfB.id() + "\",\"quantity\":1,\"orderLine\":\"TAOBAO:" + username
									+ "-" + this.suffix + ":1\"}"),
					post("/api/v1/stock/reservations/" + this.reservationOfB.id() + "/release"),
					delete("/api/v1/listings/" + this.listingOfB.id()),
					json(post("/api/v1/batches"), batchJson(this.productOfB.id())))) {
				int status = this.mvc.perform(write.with(httpBasic(username, "farmgate")))
					.andReturn()
					.getResponse()
					.getStatus();
				assertThat(status).as(username + " " + describe(write)).isEqualTo(403);
			}
			for (String path : new String[] { "/catalog/products", "/catalog/products/" + this.productOfB.id(),
					"/catalog/products/new", "/catalog/stock", "/catalog/batches",
					"/catalog/batches/" + this.batchOfB.id() }) {
				this.mvc.perform(get(path).with(user(staff)))
					.andExpect(status().isForbidden())
					.andExpect(content().string(not(containsString(this.productOfB.nameZh()))));
			}
			this.mvc
				.perform(post("/catalog/products/" + this.productOfB.id()).param("categoryCode", "PICKLED.SOUR_CABBAGE")
					.param("nameZh", "被改名的酸菜")
					.with(user(staff))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		assertThatNothingOfBChanged();
	}

	@Test
	void stationAndTrainerStaffAreForbiddenRatherThanToldThatACatalogRecordIsMissing() throws Exception {
		Map<String, Integer> statuses = new LinkedHashMap<>();
		for (String username : new String[] { "station", "trainer" }) {
			for (String path : new String[] { "/api/v1/products/" + this.productOfB.id(),
					"/api/v1/products/" + this.productOfB.id() + "/skus", "/api/v1/skus/" + this.skuOfB.id(),
					"/api/v1/stock?skuId=" + this.skuOfB.id(), "/api/v1/stock/adjustments?skuId=" + this.skuOfB.id(),
					"/api/v1/stock/reservations/" + this.reservationOfB.id(), "/api/v1/batches/" + this.batchOfB.id(),
					"/api/v1/listings/match?shopId=" + this.shopOfB.id() + "&itemId="
							+ this.listingOfB.platformItemId() }) {
				MockHttpServletResponse response = this.mvc.perform(get(path).with(httpBasic(username, "farmgate")))
					.andReturn()
					.getResponse();
				assertThat(response.getContentAsString()).doesNotContain(this.productOfB.nameZh());
				statuses.put(username + " GET " + path, response.getStatus());
			}
		}
		assertThat(statuses).allSatisfy((request, status) -> assertThat(status).as(request).isEqualTo(403));
	}

	@Test
	void thePublicProductsAndTracePagesNeedNoSignInWhileTheRestOfTheCatalogDoes() throws Exception {
		String code = this.batchOfB.traceCode();
		this.mvc.perform(get("/api/public/v1/products"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem(this.productOfB.id().toString())));
		this.mvc.perform(get("/api/public/v1/trace/" + code))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.traceCode").value(code))
			.andExpect(jsonPath("$.productName").value(this.productOfB.nameZh()))
			.andExpect(jsonPath("$.organisationName").value(this.b.name()))
			.andExpect(jsonPath("$.supplierCount").value(0));
		this.mvc.perform(get("/trace/" + code))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(code)))
			.andExpect(content().string(containsString(this.productOfB.nameZh())));
		this.mvc.perform(get("/api/public/v1/trace/520122-1999-999999"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value(NOT_FOUND));
		this.mvc.perform(get("/trace/520122-1999-999999")).andExpect(status().isNotFound());

		this.mvc.perform(get("/api/v1/products")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/batches/" + this.batchOfB.id())).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/catalog/products/" + this.productOfB.id()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void aMerchantCannotLearnWhetherAnotherOrganisationHoldsAnOrderLineKey() throws Exception {
		String fresh = "TAOBAO:A-" + this.suffix + ":1";
		this.mvc
			.perform(asA(json(post("/api/v1/stock/reservations"),
					"{\"skuId\":\"" + this.skuOfA.id() + "\",\"quantity\":1,\"orderLine\":\"" + fresh + "\"}")))
			.andExpect(status().isCreated());
		MockHttpServletResponse withKeyOfB = this.mvc
			.perform(asA(json(post("/api/v1/stock/reservations"),
					"{\"skuId\":\"" + this.skuOfA.id() + "\",\"quantity\":1,\"orderLine\":\""
							+ this.reservationOfB.orderLine() + "\"}")))
			.andReturn()
			.getResponse();

		assertThatNothingOfBChanged();
		assertThat(withKeyOfB.getStatus())
			.as("reserving with B's order-line key answers like a fresh key: %s", withKeyOfB.getContentAsString())
			.isEqualTo(201);
	}

	@Test
	void aMerchantCannotTakeAnOrderLineKeyAwayFromAnotherOrganisation() throws Exception {
		String keyOfBsNextOrder = "TAOBAO:B-" + this.suffix + ":2";
		this.mvc
			.perform(asA(json(post("/api/v1/stock/reservations"),
					"{\"skuId\":\"" + this.skuOfA.id() + "\",\"quantity\":1,\"orderLine\":\"" + keyOfBsNextOrder
							+ "\"}")))
			.andExpect(status().isCreated());

		assertThatCode(() -> this.stock.reserve(this.signedInB,
				new ReservationInput(this.skuOfB.id(), null, null, 1, keyOfBsNextOrder)))
			.as("B reserves stock for its own order line whatever A reserved before")
			.doesNotThrowAnyException();
	}

	private void assertThatNothingOfBChanged() {
		ProductView product = this.products.product(this.operator, this.productOfB.id()).orElseThrow();
		assertThat(product.nameZh()).isEqualTo(this.productOfB.nameZh());
		assertThat(product.organisationId()).isEqualTo(this.b.id());
		assertThat(product.certifications()).singleElement()
			.satisfies(certification -> assertThat(certification.number()).isEqualTo("LB-" + this.suffix));
		assertThat(product.photoIds()).containsExactly(this.photoOfB);
		assertThat(this.products.products(this.operator))
			.filteredOn(candidate -> candidate.organisationId().equals(this.b.id()))
			.extracting(ProductView::id)
			.containsExactly(this.productOfB.id());
		assertThat(this.skus.skusOf(this.operator, this.productOfB.id())).singleElement().satisfies(sku -> {
			assertThat(sku.id()).isEqualTo(this.skuOfB.id());
			assertThat(sku.specification()).isEqualTo(this.skuOfB.specification());
			assertThat(sku.quantity()).isEqualByComparingTo(this.skuOfB.quantity());
			assertThat(sku.price()).isEqualByComparingTo(this.skuOfB.price());
			assertThat(sku.merchantCode()).isEqualTo(this.skuOfB.merchantCode());
		});
		assertThat(this.listings.listingsOf(this.operator, this.skuOfB.id())).containsExactly(this.listingOfB);
		assertThat(this.listings.listings(this.operator))
			.filteredOn(listing -> listing.shopId().equals(this.shopOfB.id()))
			.containsExactly(this.listingOfB);
		assertThat(this.stock.stockOf(this.operator, this.skuOfB.id())).singleElement().satisfies(row -> {
			assertThat(row.onHand()).isEqualTo(20);
			assertThat(row.reserved()).isEqualTo(2);
			assertThat(row.lowThreshold()).isZero();
		});
		assertThat(this.stock.adjustments(this.operator, this.skuOfB.id())).hasSize(this.adjustmentsOfB);
		ReservationView reservation = this.stock.reservation(this.operator, this.reservationOfB.id()).orElseThrow();
		assertThat(reservation.state()).isEqualTo(ReservationState.HELD);
		assertThat(reservation.quantity()).isEqualTo(2);
		assertThat(reservation.skuId()).isEqualTo(this.skuOfB.id());
		assertThat(this.batches.batchesOf(this.operator, this.productOfB.id())).singleElement().satisfies(batch -> {
			assertThat(batch.id()).isEqualTo(this.batchOfB.id());
			assertThat(batch.traceCode()).isEqualTo(this.batchOfB.traceCode());
			assertThat(batch.producedOn()).isEqualTo(this.batchOfB.producedOn());
			assertThat(batch.quantity()).isEqualByComparingTo(this.batchOfB.quantity());
		});
	}

	private MockHttpServletRequestBuilder asA(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(this.merchantA, PASSWORD));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static String describe(AbstractMockHttpServletRequestBuilder<?> request) {
		MockHttpServletRequest built = request.buildRequest(new MockServletContext());
		return built.getMethod() + " " + built.getRequestURI()
				+ ((built.getQueryString() != null) ? "?" + built.getQueryString() : "");
	}

	private static ProductInput product(String name) {
		return new ProductInput(null, "PICKLED.SOUR_CABBAGE", name, null, null, null, null, 180, StorageClass.AMBIENT);
	}

	private static String productJson(UUID organisationId, String name) {
		return "{" + ((organisationId != null) ? "\"organisationId\":\"" + organisationId + "\"," : "")
				+ "\"categoryCode\":\"PICKLED.SOUR_CABBAGE\",\"nameZh\":\"" + name
				+ "\",\"shelfLifeDays\":30,\"storage\":\"AMBIENT\"}";
	}

	private static String skuJson(String specification, String merchantCode) {
		return "{\"specification\":\"" + specification + "\",\"unit\":\"KG\",\"quantity\":2,\"price\":0.01"
				+ ((merchantCode != null) ? ",\"merchantCode\":\"" + merchantCode + "\"" : "") + "}";
	}

	private static String listingJson(UUID sku, UUID shop, String itemId) {
		return "{\"skuId\":\"" + sku + "\",\"shopId\":\"" + shop + "\",\"platformItemId\":\"" + itemId
				+ "\",\"title\":\"冒名的商品\"}";
	}

	private static String batchJson(UUID product) {
		return "{\"productId\":\"" + product + "\",\"producedOn\":\"" + LocalDate.now().minusDays(2)
				+ "\",\"quantity\":50,\"unit\":\"KG\"}";
	}

	private OrganisationView approved(String name, String first17) {
		String code = "0123456789ABCDEFGHJKLMNPQRTUWXY".chars()
			.mapToObj(check -> first17 + (char) check)
			.filter(CreditCode::isValid)
			.findFirst()
			.orElseThrow();
		OrganisationView view = this.registry.registerOrganisation(this.operator, new OrganisationInput(
				OrganisationType.COOPERATIVE, name, code, null, null, null, SalesModel.FARMERS_FACILITIES_SHOPS));
		return this.registry.review(this.operator, view.id(), AdmissionStatus.APPROVED, null);
	}

	private SignedInUser merchant(String username, UUID organisationId) {
		this.accounts.createAccount(username, username, Role.MERCHANT, new DataScope("520122", organisationId, null),
				PASSWORD);
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername(username);
		assertThat(merchant.scope().organisationId()).isEqualTo(organisationId);
		return merchant;
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
