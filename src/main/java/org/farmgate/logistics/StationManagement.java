package org.farmgate.logistics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.VillageView;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's service stations: listed for everyone who works with parcels, opened and
 * changed by operators; station staff see their own.
 */
@Service
public class StationManagement {

	private final StationRepository stations;

	private final CountyGeographyManagement geography;

	StationManagement(StationRepository stations, CountyGeographyManagement geography) {
		this.stations = stations;
		this.geography = geography;
	}

	/**
	 * The stations of the user's county: the hub first, then township stations, then
	 * village points.
	 */
	@Transactional(readOnly = true)
	public List<StationView> stations(SignedInUser user) {
		LogisticsScope.requireReader(user);
		Function<UUID, String> names = villageNames(user.scope().countyCode());
		return this.stations.findByCountyCodeOrderByKindAscCodeAsc(user.scope().countyCode())
			.stream()
			.map(station -> station.toView(names))
			.sorted(Comparator.comparing((StationView view) -> view.kind().ordinal())
				.reversed()
				.thenComparing(StationView::code))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<StationView> station(SignedInUser user, UUID id) {
		LogisticsScope.requireReader(user);
		return this.stations.findById(id)
			.filter(station -> station.countyCode().equals(user.scope().countyCode()))
			.map(station -> station.toView(villageNames(station.countyCode())));
	}

	/** The station a station user works at, if one is assigned. */
	@Transactional(readOnly = true)
	public Optional<StationView> ownStation(SignedInUser user) {
		if (user.role() != Role.STATION || user.scope().stationId() == null) {
			return Optional.empty();
		}
		return station(user, user.scope().stationId());
	}

	@Transactional
	public StationView open(SignedInUser user, StationInput input) {
		LogisticsScope.requireNetworkManager(user);
		Map<UUID, String> villages = villagesOf(user.scope().countyCode(), input);
		return save(Station.open(user.scope().countyCode(), input), villages);
	}

	@Transactional
	public StationView change(SignedInUser user, UUID id, StationInput input) {
		LogisticsScope.requireNetworkManager(user);
		Station station = this.stations.findById(id)
			.filter(found -> found.countyCode().equals(user.scope().countyCode()))
			.orElseThrow(LogisticsException::notFound);
		Map<UUID, String> villages = villagesOf(user.scope().countyCode(), input);
		station.change(input);
		return save(station, villages);
	}

	private StationView save(Station station, Map<UUID, String> villages) {
		try {
			return this.stations.save(station).toView(villages::get);
		}
		catch (DuplicateKeyException ex) {
			throw LogisticsException.because("logistics.station.duplicate");
		}
	}

	/** The county's village names by id, once it is sure the input names only those. */
	private Map<UUID, String> villagesOf(String county, StationInput input) {
		Map<UUID, String> names = this.geography.villages(county)
			.stream()
			.collect(Collectors.toMap(VillageView::id, VillageView::name));
		if (!names.keySet().containsAll(input.villageIds())) {
			throw LogisticsException.because("logistics.station.village-unknown");
		}
		return names;
	}

	private Function<UUID, String> villageNames(String county) {
		Map<UUID, String> names = this.geography.villages(county)
			.stream()
			.collect(Collectors.toMap(VillageView::id, VillageView::name));
		return names::get;
	}

}
