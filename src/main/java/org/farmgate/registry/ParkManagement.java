package org.farmgate.registry;

import java.util.List;
import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's industrial parks: everyone signed in reads them with their counts of
 * hosted and affiliated organisations; operators register them.
 */
@Service
@Transactional
public class ParkManagement {

	private final ParkRepository parks;

	private final OrganisationRepository organisations;

	ParkManagement(ParkRepository parks, OrganisationRepository organisations) {
		this.parks = parks;
		this.organisations = organisations;
	}

	@Transactional(readOnly = true)
	public List<ParkView> parks(SignedInUser user) {
		String county = user.scope().countyCode();
		java.util.Map<UUID, java.util.Map<ParkRelation, Integer>> counts = new java.util.HashMap<>();
		for (OrganisationRepository.ParkCount count : this.organisations.countInParks(county)) {
			counts.computeIfAbsent(count.parkId(), id -> new java.util.EnumMap<>(ParkRelation.class))
				.put(count.parkRelation(), count.organisations());
		}
		return this.parks.findByCounty(county).stream().map(park -> {
			java.util.Map<ParkRelation, Integer> of = counts.getOrDefault(park.id(), java.util.Map.of());
			return park.toView(of.getOrDefault(ParkRelation.HOSTED, 0), of.getOrDefault(ParkRelation.AFFILIATED, 0));
		}).toList();
	}

	public ParkView register(SignedInUser user, ParkInput input) {
		if (user.role() != Role.OPERATOR && user.role() != Role.ADMIN) {
			throw new AccessDeniedException("only operators register parks");
		}
		if (input.name() == null || input.name().isBlank() || input.name().strip().length() > 100) {
			throw RegistryException.because("registry.error.park-name");
		}
		if ((input.location() != null && input.location().strip().length() > 200)
				|| (input.operator() != null && input.operator().strip().length() > 100)) {
			throw RegistryException.because("registry.error.too-long");
		}
		if (input.areaM2() != null && input.areaM2() < 0) {
			throw RegistryException.because("registry.error.park-area");
		}
		Park park = Park.create(user.scope().countyCode(), input);
		try {
			this.parks.save(park);
		}
		catch (RuntimeException ex) {
			if (ex.getCause() instanceof DuplicateKeyException || ex instanceof DuplicateKeyException) {
				throw RegistryException.because("registry.error.park-exists");
			}
			throw ex;
		}
		return park.toView(0, 0);
	}

}
