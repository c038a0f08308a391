package org.farmgate.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queries behind the public shop: name search through the trigram indexes of
 * {@code catalog_search_key} (V24), availability per SKU, the latest batch of a product,
 * photo sizes.
 */
@Component
class PublicCatalogQueries {

	private final JdbcClient jdbc;

	PublicCatalogQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The search key of a text, as {@code catalog_search_key} makes it: each character
	 * (ASCII lower-cased) as 'u' and six hex digits of its code point.
	 */
	static String searchKey(String text) {
		StringBuilder key = new StringBuilder(text.length() * 7);
		text.codePoints().forEach(codePoint -> {
			int lower = (codePoint >= 'A' && codePoint <= 'Z') ? codePoint + ('a' - 'A') : codePoint;
			key.append('u').append(String.format(java.util.Locale.ROOT, "%06x", lower));
		});
		return key.toString();
	}

	/**
	 * Products of the county any of whose names contains the text: those whose Chinese
	 * name holds it earliest first, then the shortest names (立碑酸菜 before 立碑酸菜（小袋）).
	 */
	List<UUID> search(String countyCode, String text, int limit) {
		String pattern = "%" + searchKey(text) + "%";
		return this.jdbc.sql("""
				SELECT id FROM catalog_product
				WHERE county_code = :county
				  AND (catalog_search_key(name_zh) LIKE :pattern OR catalog_search_key(name_en) LIKE :pattern
				       OR catalog_search_key(name_fr) LIKE :pattern)
				ORDER BY CASE WHEN strpos(name_zh, :text) = 0 THEN 1000 ELSE strpos(name_zh, :text) END,
				         length(name_zh), name_zh, id
				LIMIT :limit""")
			.param("county", countyCode)
			.param("pattern", pattern)
			.param("text", text)
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** The county's newest products first. */
	List<UUID> newest(String countyCode, int limit) {
		return this.jdbc
			.sql("SELECT id FROM catalog_product WHERE county_code = ? ORDER BY created_at DESC, id LIMIT ?")
			.params(countyCode, limit)
			.query(UUID.class)
			.list();
	}

	/** Every SKU of the county (or of one product of it) with its availability. */
	Map<UUID, Availability> availability(String countyCode, UUID productId) {
		Map<UUID, Availability> availability = new HashMap<>();
		this.jdbc.sql("""
				SELECT s.id, COALESCE(SUM(st.on_hand - st.reserved), 0), COALESCE(SUM(st.low_threshold), 0)
				FROM catalog_sku s LEFT JOIN catalog_stock st ON st.sku_id = s.id
				WHERE s.county_code = :county AND (CAST(:product AS UUID) IS NULL OR s.product_id = :product)
				GROUP BY s.id""")
			.param("county", countyCode)
			.param("product", productId)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), Availability.of(rs.getLong(2), rs.getLong(3))))
			.list()
			.forEach(entry -> availability.put(entry.getKey(), entry.getValue()));
		return availability;
	}

	/**
	 * The trace code of the product's latest batch (latest produced, then latest code).
	 */
	Optional<String> latestTraceCode(UUID productId) {
		return this.jdbc.sql("""
				SELECT trace_code FROM catalog_batch WHERE product_id = ?
				ORDER BY produced_on DESC, trace_code DESC LIMIT 1""").param(productId).query(String.class).optional();
	}

	List<PublicPhoto> photos(UUID productId) {
		return this.jdbc.sql("SELECT id, width, height FROM catalog_photo WHERE product_id = ? ORDER BY position")
			.param(productId)
			.query((rs, n) -> PublicPhoto.of(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3)))
			.list();
	}

}
