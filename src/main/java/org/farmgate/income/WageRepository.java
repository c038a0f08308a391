package org.farmgate.income;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** Stores wages paid to household members. */
interface WageRepository extends ListCrudRepository<Wage, UUID> {

}
