package org.farmgate.logistics;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface ShipmentRepository extends ListCrudRepository<Shipment, UUID> {

}
