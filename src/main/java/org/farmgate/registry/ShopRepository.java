package org.farmgate.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores shops.
 */
interface ShopRepository extends ListCrudRepository<Shop, UUID> {

	@Query("SELECT * FROM registry_shop WHERE county_code = :countyCode ORDER BY name")
	List<Shop> findByCounty(String countyCode);

	@Query("SELECT * FROM registry_shop WHERE organisation_id = :organisationId ORDER BY name")
	List<Shop> findByOrganisation(UUID organisationId);

	@Query("SELECT * FROM registry_shop WHERE platform = :platform AND platform_shop_id = :platformShopId")
	Optional<Shop> findByPlatformShopId(String platform, String platformShopId);

}
