package org.farmgate.income;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** Stores cooperatives' dividend distributions with their shares. */
interface DividendRepository extends ListCrudRepository<Dividend, UUID> {

}
