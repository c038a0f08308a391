package org.farmgate.geo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores townships.
 */
interface TownshipRepository extends ListCrudRepository<Township, UUID> {

	@Query("SELECT * FROM geo_township WHERE county_code = :countyCode ORDER BY name")
	List<Township> findByCounty(String countyCode);

	@Query("SELECT * FROM geo_township WHERE county_code = :countyCode AND name = :name")
	Optional<Township> findByCountyAndName(String countyCode, String name);

}
