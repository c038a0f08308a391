package org.farmgate.income;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** Stores purchases from farmer households. */
interface ProcurementRepository extends ListCrudRepository<Procurement, UUID> {

}
