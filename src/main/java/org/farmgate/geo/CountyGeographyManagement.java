package org.farmgate.geo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A county's own geography: its townships and villages, created and changed one by one or
 * imported from a CSV file after a preview.
 */
@Service
@Transactional
public class CountyGeographyManagement {

	private final TownshipRepository townships;

	private final VillageRepository villages;

	CountyGeographyManagement(TownshipRepository townships, VillageRepository villages) {
		this.townships = townships;
		this.villages = villages;
	}

	@Transactional(readOnly = true)
	public List<TownshipView> townships(String countyCode) {
		Map<UUID, Long> counts = this.villages.findByCounty(countyCode)
			.stream()
			.collect(Collectors.groupingBy(village -> village.townshipId(), Collectors.counting()));
		return this.townships.findByCounty(countyCode)
			.stream()
			.map(township -> township.toView(counts.getOrDefault(township.id(), 0L).intValue()))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<TownshipView> township(String countyCode, UUID id) {
		return this.townships.findById(id)
			.filter(township -> township.countyCode().equals(countyCode))
			.map(township -> township.toView(0));
	}

	/** The county's villages, by township then name. */
	@Transactional(readOnly = true)
	public List<VillageView> villages(String countyCode) {
		Map<UUID, String> names = townshipNames(countyCode);
		return this.villages.findByCounty(countyCode)
			.stream()
			.map(village -> village.toView(names.get(village.townshipId())))
			.sorted(java.util.Comparator.comparing(VillageView::townshipName).thenComparing(VillageView::name))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<VillageView> village(String countyCode, UUID id) {
		return this.villages.findById(id)
			.filter(village -> village.countyCode().equals(countyCode))
			.map(village -> village.toView(townshipNames(countyCode).get(village.townshipId())));
	}

	public TownshipView createTownship(String countyCode, PlaceInput input) {
		check(countyCode, input);
		if (this.townships.findByCountyAndName(countyCode, input.trimmedName()).isPresent()) {
			throw new GeoException(List.of("geo.error.township-exists"));
		}
		Township township = Township.create(countyCode, input.trimmedName(), input.toPlace());
		this.townships.save(township);
		return township.toView(0);
	}

	public TownshipView updateTownship(String countyCode, UUID id, PlaceInput input) {
		check(countyCode, input);
		Township township = this.townships.findById(id)
			.filter(candidate -> candidate.countyCode().equals(countyCode))
			.orElseThrow(() -> new GeoException(List.of("geo.error.not-found")));
		Optional<Township> namesake = this.townships.findByCountyAndName(countyCode, input.trimmedName());
		if (namesake.isPresent() && !namesake.get().id().equals(id)) {
			throw new GeoException(List.of("geo.error.township-exists"));
		}
		township.change(input.trimmedName(), input.toPlace());
		this.townships.save(township);
		return township.toView(0);
	}

	public VillageView createVillage(String countyCode, UUID townshipId, PlaceInput input) {
		check(countyCode, input);
		Township township = ownTownship(countyCode, townshipId);
		if (this.villages.findByTownshipAndName(townshipId, input.trimmedName()).isPresent()) {
			throw new GeoException(List.of("geo.error.village-exists"));
		}
		Village village = Village.create(countyCode, townshipId, input.trimmedName(), input.toPlace());
		this.villages.save(village);
		return village.toView(township.name());
	}

	public VillageView updateVillage(String countyCode, UUID id, UUID townshipId, PlaceInput input) {
		check(countyCode, input);
		Township township = ownTownship(countyCode, townshipId);
		Village village = this.villages.findById(id)
			.filter(candidate -> candidate.countyCode().equals(countyCode))
			.orElseThrow(() -> new GeoException(List.of("geo.error.not-found")));
		Optional<Village> namesake = this.villages.findByTownshipAndName(townshipId, input.trimmedName());
		if (namesake.isPresent() && !namesake.get().id().equals(id)) {
			throw new GeoException(List.of("geo.error.village-exists"));
		}
		village.change(townshipId, input.trimmedName(), input.toPlace());
		this.villages.save(village);
		return village.toView(township.name());
	}

	/**
	 * Reads a CSV file of villages into a preview; nothing is saved.
	 */
	@Transactional(readOnly = true)
	public VillageImport.Preview previewImport(String countyCode, String fileName, byte[] content) {
		Map<String, Township> byName = this.townships.findByCounty(countyCode)
			.stream()
			.collect(Collectors.toMap(Township::name, Function.identity()));
		return VillageImport.read(countyCode, fileName, content, (township, village) -> {
			Township known = byName.get(township);
			return known != null && this.villages.findByTownshipAndName(known.id(), village).isPresent();
		});
	}

	/**
	 * Saves the good rows of a preview in one transaction: townships are created as
	 * needed, existing villages updated. Returns how many rows were saved.
	 */
	public int importVillages(VillageImport.Preview preview) {
		String countyCode = preview.countyCode();
		Map<String, Township> byName = new HashMap<>();
		this.townships.findByCounty(countyCode).forEach(township -> byName.put(township.name(), township));
		int saved = 0;
		for (VillageImport.Row row : preview.rows()) {
			if (!row.good()) {
				continue;
			}
			String townshipName = row.township().strip();
			PlaceInput input = row.input();
			Township known = byName.get(townshipName);
			Optional<Village> existing = (known != null)
					? this.villages.findByTownshipAndName(known.id(), input.trimmedName()) : Optional.empty();
			// the data changed since the preview: what the operator confirmed is not
			// what would happen
			if (existing.isPresent() != (row.action() == VillageImport.Action.UPDATE)) {
				throw new GeoException(List.of("geo.import.error.stale"));
			}
			Township township = byName.computeIfAbsent(townshipName,
					name -> this.townships.save(Township.create(countyCode, name, Place.UNKNOWN)));
			if (existing.isPresent()) {
				// only the cells the file fills change an existing village
				Village village = existing.get();
				village.change(township.id(), input.trimmedName(), village.place().with(input.toPlace()));
				this.villages.save(village);
			}
			else {
				this.villages.save(Village.create(countyCode, township.id(), input.trimmedName(), input.toPlace()));
			}
			saved++;
		}
		return saved;
	}

	private Township ownTownship(String countyCode, UUID townshipId) {
		if (townshipId == null) {
			throw new GeoException(List.of("geo.error.township-required"));
		}
		return this.townships.findById(townshipId)
			.filter(candidate -> candidate.countyCode().equals(countyCode))
			.orElseThrow(() -> new GeoException(List.of("geo.error.township-required")));
	}

	private Map<UUID, String> townshipNames(String countyCode) {
		return this.townships.findByCounty(countyCode).stream().collect(Collectors.toMap(Township::id, Township::name));
	}

	private static void check(String countyCode, PlaceInput input) {
		List<String> problems = input.problems(countyCode);
		if (!problems.isEmpty()) {
			throw new GeoException(problems);
		}
	}

}
