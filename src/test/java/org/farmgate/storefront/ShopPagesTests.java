package org.farmgate.storefront;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.BatchInput;
import org.farmgate.catalog.BatchManagement;
import org.farmgate.catalog.BatchView;
import org.farmgate.catalog.Categories;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.PublicProduct;
import org.farmgate.catalog.Unit;
import org.farmgate.registry.PublicRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shop's public pages with the demo county's data, opened by anyone (no user): the
 * home page, search, lists by category, village and organisation, and product pages with
 * prices, availability, origin and the latest batch's trace code.
 */
@FarmgateTest
class ShopPagesTests {

	private static final int MAX_PAGE_BYTES = 300 * 1024;

	@Autowired
	MockMvc mvc;

	@Autowired
	ProductManagement products;

	@Autowired
	BatchManagement batches;

	@Autowired
	Categories categories;

	@Autowired
	PublicRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Clock clock;

	@Value("${farmgate.demo-county.code}")
	String county;

	private PublicProduct cabbage() {
		return this.products.searchPublic(this.county, "立碑酸菜", 10)
			.stream()
			.filter(product -> product.nameZh().equals("立碑酸菜"))
			// the demo merchant's own (other tests add products of the same name)
			.filter(product -> product.organisationId()
				.equals(((SignedInUser) this.users.loadUserByUsername("merchant")).scope().organisationId()))
			.findFirst()
			.orElseThrow();
	}

	private String page(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentAsByteArray().length).as(path + " under 300 KB")
			.isLessThan(MAX_PAGE_BYTES);
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void everyShopPageRendersForAnonymousVisitorsUnder300KilobytesWithTheShopBar() throws Exception {
		PublicProduct cabbage = cabbage();
		String category = cabbage.categoryCode();
		String parent = this.categories.find(category).orElseThrow().parentCode();
		for (String path : List.of("/shop", "/shop/search?q=酸菜", "/shop/search?q=", "/shop/categories/" + category,
				"/shop/categories/" + parent, "/shop/villages/" + cabbage.originVillageId(),
				"/shop/organisations/" + cabbage.organisationId(), "/shop/products/" + cabbage.id(),
				"/shop/products/" + cabbage.id() + "?lang=en", "/shop/products/" + cabbage.id() + "?lang=fr")) {
			String html = page(path);
			assertThat(html).as(path).contains("id=\"shop-q\"").contains("name=\"viewport\"");
		}
	}

	@Test
	void theHomePageOffersCategoriesVillagesAndOrganisationsThatHaveProducts() throws Exception {
		PublicProduct cabbage = cabbage();
		String html = page("/shop");

		assertThat(html).contains("href=\"/shop/categories/" + cabbage.categoryCode() + "\"")
			.contains("href=\"/shop/villages/" + cabbage.originVillageId() + "\"")
			.contains("href=\"/shop/organisations/" + cabbage.organisationId() + "\"")
			.contains("id=\"in-season\"");
	}

	@Test
	void aSearchListsTheMatchingProductsAndSaysClearlyWhenNothingIsFound() throws Exception {
		String found = page("/shop/search?q=立碑酸菜");
		assertThat(found).contains("立碑酸菜（小袋）")
			.contains("href=\"/shop/products/" + cabbage().id() + "\"")
			.doesNotContain("立碑农家礼盒")
			.doesNotContain("id=\"nothing-found\"");

		String nothing = page("/shop/search?q=火星土豆");
		assertThat(nothing).contains("id=\"nothing-found\"").contains("没有找到与“火星土豆”相关的商品").contains("试试更短的词");

		String english = page("/shop/search?q=PICKLED&lang=en");
		assertThat(english).contains("Libei pickled cabbage, small bag");
	}

	@Test
	@Transactional
	void aProductPageShowsPricesAvailabilityTheOriginVillageAndTheLatestTraceCode() throws Exception {
		PublicProduct cabbage = cabbage();
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		List<BatchView> earlier = this.batches.batchesOf(merchant, cabbage.id());
		assertThat(earlier).as("the demo recorded a batch of it").isNotEmpty();
		BatchView latest = this.batches.record(merchant, new BatchInput(cabbage.id(),
				LocalDate.now(this.clock).minusDays(1), null, BigDecimal.TEN, Unit.KG, null, null, List.of()));

		String html = page("/shop/products/" + cabbage.id());

		PublicProduct.Offer sku = cabbage.skus().get(0);
		assertThat(html).contains("¥39.90 / 1.5 千克").contains("净含量 1,500 克").contains("有货");
		assertThat(html).contains("<form method=\"post\" action=\"/shop/cart/lines\"")
			.contains("name=\"skuId\" value=\"" + sku.id() + "\"")
			.contains("id=\"add-" + sku.id() + "\"")
			.contains("加入购物车")
			.containsPattern("type=\"number\" name=\"quantity\"[^>]*min=\"1\" max=\"99\" value=\"1\"");
		String origin = html.substring(html.indexOf("id=\"origin\""));
		assertThat(origin).contains("立碑村").contains("href=\"/shop/villages/" + cabbage.originVillageId() + "\"");
		assertThat(html).contains("id=\"trace-code\" href=\"/trace/" + latest.traceCode() + "\"")
			.doesNotContain("/trace/" + earlier.get(0).traceCode() + "\"");
		assertThat(html).contains("绿色食品");
	}

	@Test
	@Transactional
	void aSkuWithoutStockIsOutAndItsButtonDisabled() throws Exception {
		PublicProduct cabbage = cabbage();
		PublicProduct.Offer sku = cabbage.skus().get(0);
		this.jdbc.sql("UPDATE catalog_stock SET reserved = on_hand WHERE sku_id = ?").param(sku.id()).update();

		String html = page("/shop/products/" + cabbage.id());

		// (other tests may add SKUs of their own to the product: this SKU's block is out)
		int at = html.indexOf("id=\"sku-" + sku.id() + "\"");
		assertThat(at).as("the SKU is listed").isPositive();
		String block = html.substring(at, html.indexOf("</li>", at));
		assertThat(block).contains("暂时缺货").doesNotContain(">有货<");
		assertThat(block).containsPattern("id=\"add-" + sku.id() + "\" disabled");
	}

	@Test
	@Transactional
	void aProductPhotoIsServedWithItsSizeAndAThumbnailVariant() throws Exception {
		PublicProduct cabbage = cabbage();
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		this.products.addPhoto(merchant, cabbage.id(), png(800, 600));
		this.products.addPhoto(merchant, cabbage.id(), png(200, 100));

		String html = page("/shop/products/" + cabbage.id());

		assertThat(html).containsPattern(
				"<img [^>]*width=\"800\" height=\"600\" loading=\"eager\" srcset=\"/catalog/photos/[0-9a-f-]+/thumbnail.jpg 320w, /catalog/photos/[0-9a-f-]+.jpg 800w\" sizes=\"[^\"]+\"");
		assertThat(html).containsPattern("<img [^>]*width=\"200\" height=\"100\" loading=\"lazy\" alt=");
		String home = page("/shop");
		String featured = home.substring(home.indexOf("id=\"featured\""), home.indexOf("id=\"in-season\""));
		assertThat(featured).as("products with a photo are featured").contains("<li class=\"shop-card\">");
		assertThat(java.util.Arrays.stream(featured.split("<li class=\"shop-card\">")).skip(1).toList())
			.as("each featured product with its photo")
			.allSatisfy(card -> assertThat(card).contains("/thumbnail.jpg"));
	}

	@Test
	@Transactional
	void htmlInAProductsDescriptionIsShownAsText() throws Exception {
		UUID id = insertProduct(this.county, "测试商品", "<script>alert('x')</script><b>粗体</b>");

		String html = page("/shop/products/" + id);

		assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;")
			.doesNotContain("<script>alert")
			.doesNotContain("<b>粗体");
	}

	@Test
	@Transactional
	void anotherCountysProductAndUnknownIdsAreNotFound() throws Exception {
		UUID elsewhere = insertProduct("520121", "别县酸菜", null);

		assertThat(this.products.publicProduct(this.county, elsewhere)).isEmpty();
		assertThat(this.products.publicProduct("520121", elsewhere)).isPresent();
		this.mvc.perform(get("/shop/products/" + elsewhere)).andExpect(status().isNotFound());
		this.mvc.perform(get("/shop/products/" + UUID.randomUUID())).andExpect(status().isNotFound());
		this.mvc.perform(get("/shop/products/not-an-id")).andExpect(status().isNotFound());
		this.mvc.perform(get("/shop/villages/" + UUID.randomUUID())).andExpect(status().isNotFound());
		this.mvc.perform(get("/shop/organisations/" + UUID.randomUUID())).andExpect(status().isNotFound());
		this.mvc.perform(get("/shop/categories/NO_SUCH")).andExpect(status().isNotFound());
	}

	@Test
	void theVillagePageShowsItsTownshipHouseholdsAndOrganisationsButNoPersonalData() throws Exception {
		PublicProduct cabbage = cabbage();
		String html = page("/shop/villages/" + cabbage.originVillageId());

		assertThat(html).contains("立碑村")
			.contains("href=\"/shop/organisations/" + cabbage.organisationId() + "\"")
			.contains("href=\"/shop/products/" + cabbage.id() + "\"")
			.containsPattern("[0-9,]+ 户");

		String organisation = page("/shop/organisations/" + cabbage.organisationId());
		String name = this.registry.organisation(this.county, cabbage.organisationId()).orElseThrow().name();
		String representative = this.jdbc.sql("SELECT legal_representative FROM registry_organisation WHERE id = ?")
			.param(cabbage.organisationId())
			.query(String.class)
			.single();
		String creditCode = this.jdbc.sql("SELECT credit_code FROM registry_organisation WHERE id = ?")
			.param(cabbage.organisationId())
			.query(String.class)
			.single();
		assertThat(organisation).contains(name).contains("href=\"/shop/products/" + cabbage.id() + "\"");
		assertThat(organisation).doesNotContain(representative).doesNotContain(creditCode);
	}

	private UUID insertProduct(String countyCode, String nameZh, String description) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO catalog_product (id, county_code, organisation_id, category_code, name_zh, description,
				                             storage, created_at)
				VALUES (?, ?, ?, 'PICKLED.SOUR_CABBAGE', ?, ?, 'AMBIENT', ?)""")
			.params(id, countyCode, UUID.randomUUID(), nameZh, description, Timestamp.from(Instant.now()))
			.update();
		return id;
	}

	private static byte[] png(int width, int height) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

}
