package org.farmgate.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the county's e-commerce entrepreneurs within the caller's scope: a merchant
 * sees and registers only its own organisation's people; operators the county; analysts
 * read.
 */
@Service
@Transactional
public class EntrepreneurManagement {

	private final RegistryEvents events;

	private final EntrepreneurRepository entrepreneurs;

	private final OrganisationRepository organisations;

	private final CountyGeographyManagement geography;

	private final Clock clock;

	EntrepreneurManagement(EntrepreneurRepository entrepreneurs, OrganisationRepository organisations,
			CountyGeographyManagement geography, Clock clock, RegistryEvents events) {
		this.events = events;
		this.entrepreneurs = entrepreneurs;
		this.organisations = organisations;
		this.geography = geography;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<EntrepreneurView> entrepreneurs(SignedInUser user) {
		RegistryManagement.requireReader(user);
		List<Entrepreneur> found;
		if (user.role() == Role.MERCHANT) {
			UUID own = user.scope().organisationId();
			found = (own != null) ? this.entrepreneurs.findByOrganisation(own) : List.of();
		}
		else {
			found = this.entrepreneurs.findByCounty(user.scope().countyCode());
		}
		return found.stream().map(Entrepreneur::toView).toList();
	}

	@Transactional(readOnly = true)
	public Optional<EntrepreneurView> entrepreneur(SignedInUser user, UUID id) {
		return visible(user, id).map(Entrepreneur::toView);
	}

	public EntrepreneurView register(SignedInUser user, EntrepreneurInput input) {
		EntrepreneurInput checked = scoped(user, input);
		Entrepreneur entrepreneur = Entrepreneur.register(user.scope().countyCode(), checked);
		this.entrepreneurs.save(entrepreneur);
		this.events.publishEvent(EntrepreneurRecorded.of(entrepreneur.toView()));
		return entrepreneur.toView();
	}

	/**
	 * Changes an entrepreneur; a phone left blank keeps the one on record (pages show it
	 * masked).
	 */
	public EntrepreneurView update(SignedInUser user, UUID id, EntrepreneurInput input) {
		Entrepreneur entrepreneur = visible(user, id).orElseThrow(RegistryException::notFound);
		if (input.phone() == null || input.phone().isBlank()) {
			input = new EntrepreneurInput(input.name(), entrepreneur.phone(), input.gender(), input.birthYear(),
					input.villageId(), input.organisationId(), input.sellingSince());
		}
		entrepreneur.change(scoped(user, input));
		this.entrepreneurs.save(entrepreneur);
		this.events.publishEvent(EntrepreneurRecorded.of(entrepreneur.toView()));
		return entrepreneur.toView();
	}

	/**
	 * The input checked, with a merchant's entrepreneurs always in its own organisation.
	 */
	private EntrepreneurInput scoped(SignedInUser user, EntrepreneurInput input) {
		if (user.role() != Role.OPERATOR && user.role() != Role.ADMIN && user.role() != Role.MERCHANT) {
			throw new AccessDeniedException("role " + user.role() + " reads only");
		}
		UUID organisationId = input.organisationId();
		if (user.role() == Role.MERCHANT) {
			UUID own = user.scope().organisationId();
			if (own == null) {
				throw RegistryException.because("registry.error.no-organisation");
			}
			if (organisationId != null && !organisationId.equals(own)) {
				throw RegistryException.notFound();
			}
			organisationId = own;
		}
		String county = user.scope().countyCode();
		if (input.name() == null || input.name().isBlank() || input.name().strip().length() > 50) {
			throw RegistryException.because("registry.error.person-name");
		}
		if (input.phone() != null && !input.phone().isBlank() && !input.phone().strip().matches("[0-9+\\- ]{5,20}")) {
			throw RegistryException.because("registry.error.phone");
		}
		int thisYear = Year.now(this.clock).getValue();
		if (input.birthYear() != null && (input.birthYear() < 1920 || input.birthYear() > thisYear - 14)) {
			throw RegistryException.because("registry.error.birth-year");
		}
		if (input.sellingSince() != null && input.sellingSince().isAfter(LocalDate.now(this.clock))) {
			throw RegistryException.because("registry.error.selling-since");
		}
		if (organisationId != null && this.organisations.findById(organisationId)
			.filter(organisation -> organisation.countyCode().equals(county))
			.isEmpty()) {
			throw RegistryException.notFound();
		}
		if (input.villageId() != null && this.geography.village(county, input.villageId()).isEmpty()) {
			throw RegistryException.because("registry.error.village");
		}
		return new EntrepreneurInput(input.name(), input.phone(), input.gender(), input.birthYear(), input.villageId(),
				organisationId, input.sellingSince());
	}

	private Optional<Entrepreneur> visible(SignedInUser user, UUID id) {
		if (id == null || !RegistryManagement.readsRegistry(user)) {
			return Optional.empty();
		}
		Optional<Entrepreneur> entrepreneur = this.entrepreneurs.findById(id);
		if (user.role() == Role.MERCHANT) {
			UUID own = user.scope().organisationId();
			return entrepreneur.filter(candidate -> own != null && own.equals(candidate.organisationId()));
		}
		return entrepreneur.filter(candidate -> candidate.countyCode().equals(user.scope().countyCode()));
	}

}
