package org.farmgate.storefront;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.PublicProduct;
import org.farmgate.registry.Platform;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * In demo mode, the county's storefront: every organisation with products gets its shop
 * on it (platform LOCAL, opened by the operator), and a few buyers' reviews of the Libei
 * enterprise's products are there, approved.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 80)
class DemoStorefront implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoStorefront.class);

	private static final String[][] REVIEWS = { { "5", "王*", "酸菜很脆，酸味正，家里老人很喜欢。" }, { "4", "李*", "包装结实，到江苏两天就到了。" },
			{ "5", "陈*", "贵州的味道，回购第三次了。" } };

	private final RegistryManagement registry;

	private final ProductManagement products;

	private final UserDetailsService users;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final boolean demo;

	private final String county;

	DemoStorefront(RegistryManagement registry, ProductManagement products, UserDetailsService users, JdbcClient jdbc,
			Clock clock, @Value("${farmgate.demo:false}") boolean demo,
			@Value("${farmgate.demo-county.code:520122}") String county) {
		this.registry = registry;
		this.products = products;
		this.users = users;
		this.jdbc = jdbc;
		this.clock = clock;
		this.demo = demo;
		this.county = county;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.demo || Boolean.TRUE.equals(this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM storefront_review WHERE county_code = ? AND order_no LIKE 'LSDEMO%')")
			.param(this.county)
			.query(Boolean.class)
			.single())) {
			return;
		}
		SignedInUser operator;
		SignedInUser merchant;
		try {
			operator = (SignedInUser) this.users.loadUserByUsername("operator");
			merchant = (SignedInUser) this.users.loadUserByUsername("merchant");
		}
		catch (RuntimeException ex) {
			return;
		}
		List<PublicProduct> offered = this.products.publicProducts(this.county);
		Set<UUID> sellers = new LinkedHashSet<>();
		offered.forEach(product -> sellers.add(product.organisationId()));
		int opened = 0;
		for (UUID organisation : sellers) {
			if (this.registry.localShopOf(organisation).isPresent()) {
				continue;
			}
			String name = this.registry.publicName(organisation).orElse("县域好物店");
			try {
				this.registry.openShop(operator,
						new ShopInput(organisation, Platform.LOCAL,
								(name.length() > 90) ? name.substring(0, 90) : name + " · 县域好物",
								"farmgate-" + organisation, null, LocalDate.now(this.clock)));
				opened++;
			}
			catch (RuntimeException ex) {
				// an organisation not yet admitted sells nowhere
			}
		}
		List<PublicProduct> libei = offered.stream()
			.filter(product -> product.organisationId().equals(merchant.scope().organisationId()))
			.filter(product -> product.nameZh().contains("酸菜"))
			.toList();
		for (int i = 0; i < REVIEWS.length && !libei.isEmpty(); i++) {
			this.jdbc.sql("""
					INSERT INTO storefront_review (id, order_no, line_key, product_id, county_code, rating, text, buyer,
					       status, created_at, moderated_by, moderated_at)
					VALUES (?, ?, '1', ?, ?, ?, ?, ?, 'APPROVED', ?, 'operator', ?)
					""")
				.params(UUID.randomUUID(), "LSDEMO" + (i + 1), libei.get(i % libei.size()).id(), this.county,
						Integer.parseInt(REVIEWS[i][0]), REVIEWS[i][2], REVIEWS[i][1],
						Timestamp.from(this.clock.instant().minus(Duration.ofDays(3L * (i + 1)))),
						Timestamp.from(this.clock.instant().minus(Duration.ofDays(3L * i + 2))))
				.update();
		}
		logger.info("Demo mode: the county's storefront with {} shops opened and {} reviews", opened,
				Math.min(REVIEWS.length, libei.isEmpty() ? 0 : REVIEWS.length));
	}

}
