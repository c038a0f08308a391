package org.farmgate.logistics;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface StationRepository extends ListCrudRepository<Station, UUID> {

	List<Station> findByCountyCodeOrderByKindAscCodeAsc(String countyCode);

}
