package org.farmgate.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The category taxonomy (reference data from the migrations), read once.
 */
@Component
public class Categories {

	private final JdbcClient jdbc;

	private volatile List<Category> all;

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every category, each top-level one followed by its children, in their order. */
	public List<Category> all() {
		List<Category> loaded = this.all;
		if (loaded == null) {
			loaded = this.jdbc.sql("""
					SELECT c.code, c.parent_code, c.name_zh, c.name_en, c.name_fr
					FROM catalog_category c LEFT JOIN catalog_category p ON p.code = c.parent_code
					ORDER BY COALESCE(p.position, c.position), c.parent_code IS NOT NULL, c.position""")
				.query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.list();
			this.all = loaded;
		}
		return loaded;
	}

	public Optional<Category> find(String code) {
		return all().stream().filter(category -> category.code().equals(code)).findFirst();
	}

	/** The second-level categories, the ones products are filed under. */
	public List<Category> leaves() {
		return all().stream().filter(category -> !category.topLevel()).toList();
	}

}
