package org.farmgate.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores organisations with their admission history.
 */
interface OrganisationRepository extends ListCrudRepository<Organisation, UUID> {

	@Query("SELECT * FROM registry_organisation WHERE county_code = :countyCode ORDER BY name")
	List<Organisation> findByCounty(String countyCode);

	@Query("""
			SELECT park_id, park_relation, count(*) AS organisations FROM registry_organisation
			WHERE county_code = :countyCode AND park_id IS NOT NULL GROUP BY park_id, park_relation""")
	List<ParkCount> countInParks(String countyCode);

	/**
	 * How many organisations stand to a park in one relation.
	 */
	record ParkCount(UUID parkId, ParkRelation parkRelation, int organisations) {
	}

	@Query("SELECT * FROM registry_organisation WHERE credit_code = :creditCode")
	Optional<Organisation> findByCreditCode(String creditCode);

}
