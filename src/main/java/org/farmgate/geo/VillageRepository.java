package org.farmgate.geo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores villages.
 */
interface VillageRepository extends ListCrudRepository<Village, UUID> {

	@Query("SELECT * FROM geo_village WHERE county_code = :countyCode ORDER BY name")
	List<Village> findByCounty(String countyCode);

	@Query("SELECT * FROM geo_village WHERE township_id = :townshipId AND name = :name")
	Optional<Village> findByTownshipAndName(UUID townshipId, String name);

}
