package org.farmgate.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface BatchRepository extends ListCrudRepository<Batch, UUID> {

	@Query("SELECT * FROM catalog_batch WHERE organisation_id = :organisationId ORDER BY produced_on DESC, trace_code DESC")
	List<Batch> findByOrganisation(UUID organisationId);

	@Query("SELECT * FROM catalog_batch WHERE county_code = :countyCode ORDER BY produced_on DESC, trace_code DESC")
	List<Batch> findByCounty(String countyCode);

	@Query("SELECT * FROM catalog_batch WHERE product_id = :productId ORDER BY produced_on DESC, trace_code DESC")
	List<Batch> findByProduct(UUID productId);

	@Query("SELECT * FROM catalog_batch WHERE trace_code = :traceCode")
	Optional<Batch> findByTraceCode(String traceCode);

}
