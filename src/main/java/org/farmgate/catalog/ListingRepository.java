package org.farmgate.catalog;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ListingRepository extends ListCrudRepository<Listing, UUID> {

	@Query("SELECT * FROM catalog_listing WHERE sku_id = :skuId ORDER BY platform, title")
	List<Listing> findBySku(UUID skuId);

	@Query("SELECT l.* FROM catalog_listing l JOIN catalog_sku s ON s.id = l.sku_id"
			+ " WHERE s.product_id = :productId AND l.organisation_id = :organisationId ORDER BY l.platform, l.title")
	List<Listing> findByProductInOrganisation(UUID productId, UUID organisationId);

	@Query("SELECT l.* FROM catalog_listing l JOIN catalog_sku s ON s.id = l.sku_id"
			+ " WHERE s.product_id = :productId AND l.county_code = :countyCode ORDER BY l.platform, l.title")
	List<Listing> findByProductInCounty(UUID productId, String countyCode);

	@Query("SELECT * FROM catalog_listing WHERE organisation_id = :organisationId ORDER BY platform, title")
	List<Listing> findByOrganisation(UUID organisationId);

	@Query("SELECT * FROM catalog_listing WHERE county_code = :countyCode ORDER BY platform, title")
	List<Listing> findByCounty(String countyCode);

	@Query("SELECT * FROM catalog_listing WHERE shop_id = :shopId AND platform_item_id = :itemId")
	List<Listing> findByItem(UUID shopId, String itemId);

	@Query("SELECT * FROM catalog_listing WHERE shop_id = :shopId AND merchant_code = :merchantCode")
	List<Listing> findByMerchantCode(UUID shopId, String merchantCode);

	@Query("SELECT * FROM catalog_listing WHERE shop_id = :shopId AND title = :title")
	List<Listing> findByTitle(UUID shopId, String title);

}
