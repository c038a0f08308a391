package org.farmgate.catalog;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ProductRepository extends ListCrudRepository<Product, UUID> {

	@Query("SELECT * FROM catalog_product WHERE organisation_id = :organisationId ORDER BY name_zh")
	List<Product> findByOrganisation(UUID organisationId);

	@Query("SELECT * FROM catalog_product WHERE county_code = :countyCode ORDER BY name_zh")
	List<Product> findByCounty(String countyCode);

}
