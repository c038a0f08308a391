package org.farmgate.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores farmer households with their memberships.
 */
interface HouseholdRepository extends ListCrudRepository<Household, UUID> {

	@Query("SELECT * FROM registry_household WHERE county_code = :countyCode ORDER BY head_name")
	List<Household> findByCounty(String countyCode);

	@Query("""
			SELECT h.* FROM registry_household h
			JOIN registry_household_membership m ON m.household_id = h.id
			WHERE m.organisation_id = :organisationId ORDER BY h.head_name""")
	List<Household> findByOrganisation(UUID organisationId);

	@Query("SELECT * FROM registry_household WHERE national_id = :nationalId")
	Optional<Household> findByNationalId(String nationalId);

}
