package org.farmgate.registry;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores entrepreneurs.
 */
interface EntrepreneurRepository extends ListCrudRepository<Entrepreneur, UUID> {

	@Query("SELECT * FROM registry_entrepreneur WHERE county_code = :countyCode ORDER BY name")
	List<Entrepreneur> findByCounty(String countyCode);

	@Query("SELECT * FROM registry_entrepreneur WHERE county_code = :countyCode AND name = :name")
	List<Entrepreneur> findByCountyAndName(String countyCode, String name);

	@Query("SELECT * FROM registry_entrepreneur WHERE organisation_id = :organisationId ORDER BY name")
	List<Entrepreneur> findByOrganisation(UUID organisationId);

}
