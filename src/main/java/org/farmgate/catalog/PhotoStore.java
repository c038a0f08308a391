package org.farmgate.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Product photos in the database (the bytes apart from the product aggregate, so that
 * reading a product never loads its pictures).
 */
@Component
class PhotoStore {

	private final JdbcClient jdbc;

	PhotoStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID store(UUID productId, PhotoProcessing.Processed photo, Instant now) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO catalog_photo (id, product_id, position, content_type, width, height, image, thumbnail,
				                           uploaded_at)
				VALUES (?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM catalog_photo WHERE product_id = ?),
				        'image/jpeg', ?, ?, ?, ?, ?)""")
			.params(id, productId, productId, photo.width(), photo.height(), photo.image(), photo.thumbnail(),
					java.sql.Timestamp.from(now))
			.update();
		return id;
	}

	boolean remove(UUID productId, UUID photoId) {
		return this.jdbc.sql("DELETE FROM catalog_photo WHERE id = ? AND product_id = ?")
			.params(photoId, productId)
			.update() == 1;
	}

	Map<UUID, List<UUID>> idsByProduct(List<UUID> productIds) {
		Map<UUID, List<UUID>> ids = new LinkedHashMap<>();
		if (productIds.isEmpty()) {
			return ids;
		}
		this.jdbc.sql("SELECT product_id, id FROM catalog_photo WHERE product_id = ANY(?) ORDER BY position")
			.param(new SqlArrayValue("uuid", productIds.toArray()))
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list()
			.forEach(entry -> ids.computeIfAbsent(entry.getKey(), key -> new java.util.ArrayList<>())
				.add(entry.getValue()));
		return ids;
	}

	Optional<byte[]> image(UUID photoId, boolean thumbnail) {
		return this.jdbc.sql("SELECT " + (thumbnail ? "thumbnail" : "image") + " FROM catalog_photo WHERE id = ?")
			.param(photoId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

}
