package org.farmgate.orders;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OrderRepository extends ListCrudRepository<Order, UUID> {

	@Query("SELECT * FROM orders_order WHERE shop_id = :shopId AND platform_order_no = :platformOrderNo")
	Optional<Order> findByPlatformOrderNo(UUID shopId, String platformOrderNo);

	@Query("SELECT * FROM orders_order WHERE organisation_id = :organisationId ORDER BY created_at DESC NULLS LAST LIMIT :limit")
	List<Order> findByOrganisation(UUID organisationId, int limit);

	@Query("SELECT * FROM orders_order WHERE county_code = :countyCode ORDER BY created_at DESC NULLS LAST LIMIT :limit")
	List<Order> findByCounty(String countyCode, int limit);

}
