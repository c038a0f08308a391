package org.farmgate.catalog;

import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog pages with the demo county's data: what merchants, operators and analysts
 * see, in Chinese and in French, and the public trace page of a demo batch.
 */
@FarmgateTest
class CatalogPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProductManagement products;

	@Autowired
	SkuManagement skus;

	@Autowired
	StockManagement stock;

	@Autowired
	ListingManagement listings;

	@Autowired
	BatchManagement batches;

	@Autowired
	UserDetailsService users;

	private SignedInUser signedIn(String username) {
		return (SignedInUser) this.users.loadUserByUsername(username);
	}

	@Test
	void theDemoEnterpriseHasItsThirtyOddProductsByMerchantCodeEachListedOnThreeOfItsFourShops() {
		SignedInUser merchant = signedIn("merchant");

		// every product of the demo, found by its merchant code (other tests add their
		// own)
		assertThat(DemoCatalog.LIBEI.length).isGreaterThanOrEqualTo(30);
		for (String[] product : DemoCatalog.LIBEI) {
			assertThat(this.skus.merchantCodeOf(merchant.scope().organisationId(), product[6])).as(product[6])
				.isPresent();
		}
		SkuView cabbage = this.skus.merchantCodeOf(merchant.scope().organisationId(), "XF-SC-1500").orElseThrow();
		assertThat(this.listings.listings(merchant)).filteredOn(listing -> listing.skuId().equals(cabbage.id()))
			.extracting(ListingView::platform)
			.as("not every product is on every platform: three of the four shops")
			.doesNotHaveDuplicates()
			.hasSize(3)
			.isSubsetOf(org.farmgate.registry.Platform.TAOBAO, org.farmgate.registry.Platform.JD,
					org.farmgate.registry.Platform.PINDUODUO, org.farmgate.registry.Platform.DOUYIN);
		assertThat(cabbage.netWeightGrams()).isEqualTo(1500);
		assertThat(cabbage.quantity()).hasToString("1.5");
		assertThat(this.stock.stockOf(merchant, cabbage.id())).singleElement()
			.satisfies(row -> assertThat(row.onHand()).isPositive());
		assertThat(this.batches.batches(merchant)).isNotEmpty()
			.allSatisfy(batch -> assertThat(batch.traceCode()).matches("520122-\\d{4}-\\d{6}"));
	}

	@Test
	void theMerchantSeesItsProductsAndAProductWithSkusListingsAndStock() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		UUID cabbage = this.skus.merchantCodeOf(merchant.scope().organisationId(), "XF-SC-1500")
			.orElseThrow()
			.productId();

		this.mvc.perform(get("/catalog/products").param("q", "立碑酸菜").with(user(merchant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("立碑酸菜")));
		SkuView cabbageSku = this.skus.merchantCodeOf(merchant.scope().organisationId(), "XF-SC-1500").orElseThrow();
		String listedItem = this.listings.listingsOf(merchant, cabbageSku.id()).get(0).platformItemId();
		this.mvc.perform(get("/catalog/products/" + cabbage).with(user(merchant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("XF-SC-1500")))
			.andExpect(content().string(containsString(listedItem)))
			.andExpect(content().string(containsString("期初库存")))
			.andExpect(content().string(containsString("淘宝")))
			.andExpect(content().string(containsString("可售")))
			.andExpect(content().string(containsString("add-sku")));
		this.mvc.perform(get("/catalog/stock").with(user(merchant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("XF-SC-1500")));
		this.mvc.perform(get("/catalog/batches").with(user(merchant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("520122-")));
		this.mvc.perform(get("/catalog/products/new").with(user(merchant))).andExpect(status().isOk());
		this.mvc.perform(get("/catalog/batches/new").with(user(merchant))).andExpect(status().isOk());
	}

	@Test
	void theMerchantChangesASkusPriceOnThePageAndAWrongWeightIsExplainedWithBothFigures() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		ProductView product = this.products.add(merchant, new ProductInput(null, "VEGETABLES.PEPPERS",
				"改价青椒 " + UUID.randomUUID(), null, null, null, null, 10, StorageClass.CHILLED));
		SkuView sku = this.skus.add(merchant, product.id(), new SkuInput("5 斤装", Unit.JIN,
				new java.math.BigDecimal("5"), null, new java.math.BigDecimal("25.00"), null, null));
		assertThat(sku.netWeightGrams()).isEqualTo(2500);

		this.mvc
			.perform(post("/catalog/products/" + product.id() + "/skus/" + sku.id()).with(user(merchant))
				.with(csrf())
				.param("specification", "5 斤装")
				.param("unit", "JIN")
				.param("quantity", "5")
				.param("price", "22.50"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.skus.sku(merchant, sku.id()).orElseThrow().price()).isEqualByComparingTo("22.50");

		String problem = this.mvc
			.perform(post("/catalog/products/" + product.id() + "/skus/" + sku.id()).with(user(merchant))
				.with(csrf())
				.param("specification", "5 斤装")
				.param("unit", "JIN")
				.param("quantity", "5")
				.param("netWeightGrams", "5000")
				.param("price", "22.50"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("problem")
			.toString();
		assertThat(problem).isEqualTo("catalog.error.unit-mismatch");
		this.mvc
			.perform(get("/catalog/products/" + product.id()).with(user(merchant))
				.flashAttr("problem", "catalog.error.unit-mismatch")
				.flashAttr("problemArguments", new Object[] { "2500", "5000" }))
			.andExpect(content().string(containsString("应为 2500 克，而净重填的是 5000 克")));
		assertThat(this.skus.sku(merchant, sku.id()).orElseThrow().netWeightGrams()).isEqualTo(2500);
	}

	@Test
	void theOperatorSeesTheCountysProductsAndTheCategoryFilterNarrowsThem() throws Exception {
		this.mvc.perform(get("/catalog/products").param("category", "TEA").with(user(signedIn("operator"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("息烽红茶")))
			.andExpect(content().string(not(containsString("立碑酸菜"))));
	}

	@Test
	void anAnalystReadsTheCatalogWithoutAnyForm() throws Exception {
		SignedInUser analyst = signedIn("analyst");
		SignedInUser merchant = signedIn("merchant");
		UUID cabbage = this.skus.merchantCodeOf(merchant.scope().organisationId(), "XF-SC-1500")
			.orElseThrow()
			.productId();

		this.mvc.perform(get("/catalog/products/" + cabbage).with(user(analyst)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("add-sku"))))
			.andExpect(content().string(not(containsString("upload-photo"))));
		this.mvc.perform(post("/catalog/products/" + cabbage + "/skus").with(user(analyst)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theProductPageSpeaksFrenchWithTheEnglishOrChineseNameWhereThereIsNoFrenchOne() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		UUID cabbage = this.skus.merchantCodeOf(merchant.scope().organisationId(), "XF-SC-1500")
			.orElseThrow()
			.productId();

		this.mvc.perform(get("/catalog/products/" + cabbage).param("lang", "fr").with(user(merchant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Variantes, annonces et stocks")))
			.andExpect(content().string(containsString("立碑酸菜")));
		this.mvc.perform(get("/catalog/products/" + cabbage).param("lang", "en").with(user(merchant)))
			.andExpect(content().string(containsString("Libei pickled cabbage")));
	}

	@Test
	void thePublicCatalogApiGivesProductsWithPricesWithoutSigningInAndWithoutMerchantCodes() throws Exception {
		String body = this.mvc.perform(get("/api/public/v1/products").param("county", "520122"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("立碑酸菜", "\"price\":39.90", "\"unit\":\"KG\"").doesNotContain("XF-SC-1500");
		this.mvc.perform(get("/api/public/v1/products").param("county", "52012x"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("catalog.error.county")));
	}

	@Test
	void aDemoBatchHasAPublicTracePageThatNamesVillagesNotFarmers() throws Exception {
		SignedInUser merchant = signedIn("merchant");
		BatchView batch = this.batches.batches(merchant)
			.stream()
			.filter(candidate -> !candidate.suppliers().isEmpty())
			.findFirst()
			.orElseThrow();

		String page = this.mvc.perform(get("/trace/" + batch.traceCode()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(batch.traceCode(), "立碑村", "息烽县立碑村农特产品电子商务有限公司").doesNotContain("刘德明", "王秀英", "陈国富");
		this.mvc.perform(get("/trace/" + batch.traceCode() + "/qr.png"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"));
		this.mvc.perform(get("/api/public/v1/trace/" + batch.traceCode()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"supplierCount\"")))
			.andExpect(content().string(not(containsString("householdId"))));
	}

}
