package org.farmgate.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SkuRepository extends ListCrudRepository<Sku, UUID> {

	@Query("SELECT * FROM catalog_sku WHERE product_id = :productId ORDER BY price, specification")
	List<Sku> findByProduct(UUID productId);

	@Query("SELECT * FROM catalog_sku WHERE organisation_id = :organisationId ORDER BY merchant_code")
	List<Sku> findByOrganisation(UUID organisationId);

	@Query("SELECT * FROM catalog_sku WHERE county_code = :countyCode")
	List<Sku> findByCounty(String countyCode);

	@Query("SELECT * FROM catalog_sku WHERE organisation_id = :organisationId AND merchant_code = :merchantCode")
	Optional<Sku> findByMerchantCode(UUID organisationId, String merchantCode);

}
