package org.farmgate.storefront;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.PublicProduct;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public shop's name search over the demo county's catalog: Chinese substrings, Latin
 * letters in any case, {@code %} and {@code _} as plain characters, and a two-character
 * Chinese query answered from the trigram index.
 */
@FarmgateTest
class ShopSearchTests {

	@Autowired
	ProductManagement products;

	@Autowired
	JdbcClient jdbc;

	@Value("${farmgate.demo-county.code}")
	String county;

	@Test
	void searchingForSourCabbageFindsTheLibeiPickledCabbageAndOnlyProductsNamedSo() {
		List<PublicProduct> found = this.products.searchPublic(this.county, "酸菜", 100);

		assertThat(found).extracting(PublicProduct::nameZh).contains("立碑酸菜", "立碑酸菜（小袋）", "酸菜鱼调料");
		assertThat(found).extracting(PublicProduct::nameZh).doesNotContain("立碑农家礼盒");
		assertThat(found)
			.allSatisfy(product -> assertThat(product.nameZh() + " " + product.nameEn() + " " + product.nameFr())
				.contains("酸菜"));
		assertThat(found.get(0).skus()).as("with their SKUs and prices").isNotEmpty();
		assertThat(this.products.searchPublic(this.county, "立碑酸菜", 100)).extracting(PublicProduct::nameZh)
			.contains("立碑酸菜", "立碑酸菜（小袋）")
			.allSatisfy(name -> assertThat(name).contains("立碑酸菜"));
	}

	@Test
	void latinLettersAreFoundInAnyCaseInTheEnglishName() {
		assertThat(this.products.searchPublic(this.county, "LIBEI PICKLED", 100)).extracting(PublicProduct::nameZh)
			.contains("立碑酸菜", "立碑酸菜（小袋）");
		assertThat(this.products.searchPublic(this.county, "  pIcKlEd CaBbAgE ", 100)).extracting(PublicProduct::nameZh)
			.contains("立碑酸菜");
	}

	@Test
	void aBlankOrAnotherCountysSearchFindsNothingAndTheLimitHolds() {
		assertThat(this.products.searchPublic(this.county, "   ", 100)).isEmpty();
		assertThat(this.products.searchPublic(this.county, null, 100)).isEmpty();
		assertThat(this.products.searchPublic("110101", "酸菜", 100)).isEmpty();
		assertThat(this.products.searchPublic(this.county, "酸菜", 2)).hasSize(2);
		assertThat(this.products.searchPublic(this.county, "酸菜".repeat(30), 100)).as("more than 40 characters")
			.isEmpty();
	}

	@Test
	@Transactional
	void percentAndUnderscoreTypedAreLiteralCharacters() {
		UUID pure = insertProduct(this.county, "纯度100%酸菜", null);
		UUID plain = insertProduct(this.county, "纯度1000酸菜", null);
		UUID underscored = insertProduct(this.county, "酸菜_测试", null);

		assertThat(this.products.searchPublic(this.county, "100%", 100)).extracting(PublicProduct::id)
			.containsExactly(pure);
		assertThat(this.products.searchPublic(this.county, "%", 100)).extracting(PublicProduct::id)
			.containsExactly(pure);
		assertThat(this.products.searchPublic(this.county, "_", 100)).extracting(PublicProduct::id)
			.containsExactly(underscored);
		assertThat(this.products.searchPublic(this.county, "10_0", 100)).isEmpty();
		assertThat(this.products.searchPublic(this.county, "度1000", 100)).extracting(PublicProduct::id)
			.containsExactly(plain);
	}

	@Test
	@Transactional
	void aTwoCharacterChineseQueryIsAnsweredFromTheTrigramIndexOfChineseNames() {
		for (int n = 0; n < 400; n++) {
			insertProduct(this.county, "高山农家土特产" + n + (n % 50 == 0 ? "酸菜" : "辣椒"), "Mountain product " + n);
		}
		this.jdbc.sql("ANALYZE catalog_product").update();
		String key = this.jdbc.sql("SELECT catalog_search_key('酸菜')").query(String.class).single();
		String plan = plan(key);
		this.jdbc.sql("SET LOCAL enable_seqscan = off").update();
		String planWithoutSequentialScans = plan(key);
		System.out.println(plan + "\n\n" + planWithoutSequentialScans);

		assertThat(plan).contains("Bitmap Index Scan on catalog_product_name_zh_search_idx");
		assertThat(planWithoutSequentialScans).contains("Bitmap Index Scan on catalog_product_name_zh_search_idx");
		assertThat(this.jdbc.sql("SELECT show_trgm(catalog_search_key('酸菜'))::text").query(String.class).single())
			.as("a Chinese word has trigrams through its key")
			.isNotEqualTo("{}");
		assertThat(this.products.searchPublic(this.county, "酸菜", 200)).extracting(PublicProduct::nameZh)
			.contains("高山农家土特产0酸菜", "高山农家土特产50酸菜")
			.doesNotContain("高山农家土特产1辣椒");
	}

	private String plan(String key) {
		return String.join("\n", this.jdbc.sql("""
				EXPLAIN ANALYZE SELECT id FROM catalog_product
				WHERE county_code = ? AND (catalog_search_key(name_zh) LIKE ? OR catalog_search_key(name_en) LIKE ?
				      OR catalog_search_key(name_fr) LIKE ?)""")
			.params(this.county, "%" + key + "%", "%" + key + "%", "%" + key + "%")
			.query(String.class)
			.list());
	}

	private UUID insertProduct(String countyCode, String nameZh, String nameEn) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO catalog_product (id, county_code, organisation_id, category_code, name_zh, name_en, storage,
				                             created_at)
				VALUES (?, ?, ?, 'PICKLED.SOUR_CABBAGE', ?, ?, 'AMBIENT', ?)""")
			.params(id, countyCode, UUID.randomUUID(), nameZh, nameEn, Timestamp.from(Instant.now()))
			.update();
		return id;
	}

}
