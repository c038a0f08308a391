package org.farmgate.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.ProductInput;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.ProductView;
import org.farmgate.catalog.StorageClass;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product moved to another category is counted under the new one: the catalog tells the
 * statistics.
 */
@FarmgateTest
class ProductCategoryStatisticsTests {

	@Autowired
	ProductManagement products;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aProductMovedToAnotherCategoryIsCountedUnderTheNewOne() throws InterruptedException {
		SignedInUser merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		String name = "分类青椒 " + UUID.randomUUID();
		ProductView product = this.products.add(merchant,
				new ProductInput(null, "VEGETABLES.PEPPERS", name, null, null, null, null, 10, StorageClass.CHILLED));
		assertThat(categoryOnceItIs(product.id(), "VEGETABLES.PEPPERS")).isEqualTo("VEGETABLES.PEPPERS");

		this.products.change(merchant, product.id(),
				new ProductInput(null, "PICKLED.SOUR_CABBAGE", name, null, null, null, null, 10, StorageClass.CHILLED));

		assertThat(categoryOnceItIs(product.id(), "PICKLED.SOUR_CABBAGE")).isEqualTo("PICKLED.SOUR_CABBAGE");
	}

	/**
	 * The statistics' category of the product, once it is the one expected or after 20 s.
	 */
	private String categoryOnceItIs(UUID product, String expected) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		String category = null;
		while (Instant.now().isBefore(deadline)) {
			List<String> found = this.jdbc.queryForList(
					"SELECT category_code FROM statistics_product WHERE product_id = ?", String.class, product);
			category = found.isEmpty() ? null : found.get(0);
			if (expected.equals(category)) {
				return category;
			}
			Thread.sleep(50);
		}
		return category;
	}

}
