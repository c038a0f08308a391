package org.farmgate.orders;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OrderRepository extends ListCrudRepository<Order, UUID> {

	@Query("SELECT * FROM orders_order WHERE shop_id = :shopId AND platform_order_no = :platformOrderNo")
	Optional<Order> findByPlatformOrderNo(UUID shopId, String platformOrderNo);

}
