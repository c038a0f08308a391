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

	@Query("SELECT count(*) FROM registry_organisation WHERE park_id = :parkId AND park_relation = :relation")
	int countInPark(UUID parkId, String relation);

	@Query("SELECT * FROM registry_organisation WHERE credit_code = :creditCode")
	Optional<Organisation> findByCreditCode(String creditCode);

}
