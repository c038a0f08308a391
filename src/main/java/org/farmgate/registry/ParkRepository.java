package org.farmgate.registry;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores industrial parks.
 */
interface ParkRepository extends ListCrudRepository<Park, UUID> {

	@Query("SELECT * FROM registry_park WHERE county_code = :countyCode ORDER BY name")
	List<Park> findByCounty(String countyCode);

}
