package org.farmgate.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.SecretBox;
import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers organisations and their shops and runs the seller admission review, within
 * the caller's data scope: a merchant sees and changes only its own organisation (another
 * organisation's records are "not found", whatever id is guessed); operators and
 * administrators work on their county; analysts read.
 */
@Service
@Transactional
public class RegistryManagement {

	/** What webhook secrets are sealed for (bound into the seal). */
	static final String WEBHOOK_SECRET = "registry_shop.webhook_secret";

	private final OrganisationRepository organisations;

	private final ShopRepository shops;

	private final ParkRepository parks;

	private final org.farmgate.geo.CountyGeographyManagement geography;

	private final RegistryEvents events;

	private final Clock clock;

	private final SecretBox secrets;

	RegistryManagement(OrganisationRepository organisations, ShopRepository shops, ParkRepository parks,
			org.farmgate.geo.CountyGeographyManagement geography, RegistryEvents events, Clock clock,
			SecretBox secrets) {
		this.secrets = secrets;
		this.geography = geography;
		this.organisations = organisations;
		this.shops = shops;
		this.parks = parks;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<OrganisationView> organisations(SignedInUser user) {
		requireReader(user);
		if (user.role() == Role.MERCHANT) {
			return own(user).map(organisation -> List.of(organisation.toView())).orElse(List.of());
		}
		return this.organisations.findByCounty(user.scope().countyCode()).stream().map(Organisation::toView).toList();
	}

	@Transactional(readOnly = true)
	public Optional<OrganisationView> organisation(SignedInUser user, UUID id) {
		return visible(user, id).map(Organisation::toView);
	}

	/** An operator registers an organisation; it starts as an application to review. */
	public OrganisationView registerOrganisation(SignedInUser user, OrganisationInput input) {
		requireRole(user, Role.OPERATOR, Role.ADMIN);
		check(input);
		checkVillage(user.scope().countyCode(), input);
		if (this.organisations.findByCreditCode(CreditCode.normalize(input.creditCode())).isPresent()) {
			throw new RegistryException("registry.error.credit-code-taken");
		}
		Organisation organisation = Organisation.apply(user.scope().countyCode(), input, user.getUsername(), now());
		this.organisations.save(organisation);
		this.events.publishEvent(OrganisationRecorded.of(organisation));
		return organisation.toView();
	}

	/** Operators change any organisation of the county; a merchant changes its own. */
	public OrganisationView updateOrganisation(SignedInUser user, UUID id, OrganisationInput input) {
		requireRole(user, Role.OPERATOR, Role.ADMIN, Role.MERCHANT);
		Organisation organisation = visible(user, id).orElseThrow(RegistryManagement::notFound);
		check(input);
		checkVillage(organisation.countyCode(), input);
		if (user.role() == Role.MERCHANT && organisation.identityChangedBy(input)) {
			// who the organisation is was reviewed: only the operations centre changes it
			throw RegistryException.because("registry.error.identity-by-operator");
		}
		Optional<Organisation> sameCode = this.organisations.findByCreditCode(CreditCode.normalize(input.creditCode()));
		if (sameCode.isPresent() && !sameCode.get().id().equals(id)) {
			throw new RegistryException("registry.error.credit-code-taken");
		}
		organisation.change(input);
		this.organisations.save(organisation);
		this.events.publishEvent(OrganisationRecorded.of(organisation));
		return organisation.toView();
	}

	/**
	 * An operator approves an application, or rejects it (or withdraws an approval) with
	 * a reason.
	 */
	public OrganisationView review(SignedInUser user, UUID id, AdmissionStatus decision, String reason) {
		// a merchant may only apply again after a rejection; deciding is the operators'
		if (decision == AdmissionStatus.APPLIED) {
			requireRole(user, Role.OPERATOR, Role.ADMIN, Role.MERCHANT);
		}
		else {
			requireRole(user, Role.OPERATOR, Role.ADMIN);
		}
		Organisation organisation = visible(user, id).orElseThrow(RegistryManagement::notFound);
		if (reason != null && reason.length() > 500) {
			throw RegistryException.because("registry.error.too-long");
		}
		organisation.review(decision, reason, user.getUsername(), now());
		this.organisations.save(organisation);
		this.events.publishEvent(OrganisationRecorded.of(organisation));
		if (decision == AdmissionStatus.APPROVED) {
			this.events.publishEvent(new OrganisationApproved(organisation.id(), organisation.countyCode()));
		}
		else {
			// only approved organisations own active shops
			LocalDate today = LocalDate.now(this.clock);
			for (Shop shop : this.shops.findByOrganisation(organisation.id())) {
				if (shop.active()) {
					shop.close(today);
					this.shops.save(shop);
					this.events.publishEvent(new ShopClosed(shop.id(), organisation.id(), organisation.countyCode(),
							shop.platform(), today));
				}
			}
			this.events.publishEvent(new OrganisationRejected(organisation.id(), organisation.countyCode()));
		}
		return organisation.toView();
	}

	/**
	 * Adds a document's details to an organisation's admission application: its merchant
	 * or an operator.
	 */
	public OrganisationView addDocument(SignedInUser user, UUID id, DocumentInput input) {
		requireRole(user, Role.OPERATOR, Role.ADMIN, Role.MERCHANT);
		Organisation organisation = visible(user, id).orElseThrow(RegistryManagement::notFound);
		if (input == null || input.kind() == null || input.number() == null || input.number().isBlank()) {
			throw RegistryException.because("registry.error.document-fields");
		}
		if (input.number().strip().length() > 64 || (input.issuer() != null && input.issuer().strip().length() > 100)) {
			throw RegistryException.because("registry.error.too-long");
		}
		if (input.kind() == DocumentKind.LEGAL_REPRESENTATIVE_ID && !NationalId.isValid(input.number())) {
			throw RegistryException.because("registry.error.national-id");
		}
		if (input.kind() == DocumentKind.LEGAL_REPRESENTATIVE_ID) {
			input = new DocumentInput(input.kind(), NationalId.normalize(input.number()), input.issuer(),
					input.validUntil());
		}
		organisation.addDocument(input, user.getUsername(), now());
		this.organisations.save(organisation);
		this.events.publishEvent(OrganisationRecorded.of(organisation));
		return organisation.toView();
	}

	/** Removes a document from an application (by its place in the list). */
	public OrganisationView removeDocument(SignedInUser user, UUID id, int index) {
		requireRole(user, Role.OPERATOR, Role.ADMIN, Role.MERCHANT);
		Organisation organisation = visible(user, id).orElseThrow(RegistryManagement::notFound);
		organisation.removeDocument(index, user.role() != Role.MERCHANT);
		this.organisations.save(organisation);
		this.events.publishEvent(OrganisationRecorded.of(organisation));
		return organisation.toView();
	}

	/** An operator hosts an organisation in a park of the county, or affiliates it. */
	public OrganisationView placeInPark(SignedInUser user, UUID id, UUID parkId, ParkRelation relation) {
		requireRole(user, Role.OPERATOR, Role.ADMIN);
		Organisation organisation = visible(user, id).orElseThrow(RegistryManagement::notFound);
		if (parkId != null && this.parks.findById(parkId)
			.filter(park -> park.countyCode().equals(organisation.countyCode()))
			.isEmpty()) {
			throw notFound();
		}
		organisation.placeInPark(parkId, relation);
		this.organisations.save(organisation);
		this.events.publishEvent(OrganisationRecorded.of(organisation));
		return organisation.toView();
	}

	@Transactional(readOnly = true)
	public List<ShopView> shops(SignedInUser user) {
		requireReader(user);
		if (user.role() == Role.MERCHANT) {
			return own(user).map(organisation -> this.shops.findByOrganisation(organisation.id()))
				.orElse(List.of())
				.stream()
				.map(Shop::toView)
				.toList();
		}
		return this.shops.findByCounty(user.scope().countyCode()).stream().map(Shop::toView).toList();
	}

	@Transactional(readOnly = true)
	public List<ShopView> shopsOf(SignedInUser user, UUID organisationId) {
		return visible(user, organisationId).map(organisation -> this.shops.findByOrganisation(organisation.id()))
			.orElseThrow(RegistryManagement::notFound)
			.stream()
			.map(Shop::toView)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<ShopView> shop(SignedInUser user, UUID id) {
		return visibleShop(user, id).map(Shop::toView);
	}

	/**
	 * Registers an active shop of an approved organisation; the returned secret signs its
	 * webhooks and is shown only now.
	 */
	public OpenedShop openShop(SignedInUser user, ShopInput input) {
		requireRole(user, Role.OPERATOR, Role.ADMIN, Role.MERCHANT);
		if (input.organisationId() == null) {
			throw new RegistryException("registry.error.organisation-required");
		}
		Organisation organisation = visible(user, input.organisationId()).orElseThrow(RegistryManagement::notFound);
		if (input.platform() == null || blank(input.name()) || blank(input.platformShopId())) {
			throw new RegistryException("registry.error.shop-fields");
		}
		if (input.name().strip().length() > 100 || input.platformShopId().strip().length() > 64
				|| (input.url() != null && input.url().length() > 500)) {
			throw new RegistryException("registry.error.too-long");
		}
		if (input.url() != null && !input.url().isBlank() && !input.url().strip().matches("(?i)https?://\\S+")) {
			throw new RegistryException("registry.error.url");
		}
		if (!organisation.approved()) {
			throw new RegistryException("registry.error.not-approved");
		}
		if (this.shops.findByPlatformShopId(input.platform().name(), input.platformShopId().strip()).isPresent()) {
			throw new RegistryException("registry.error.shop-exists");
		}
		String secret = Shop.newSecret();
		Shop shop = Shop.open(organisation.countyCode(), organisation.id(), input,
				this.secrets.seal(WEBHOOK_SECRET, secret));
		this.shops.save(shop);
		this.events.publishEvent(new ShopOpened(shop.id(), organisation.id(), organisation.countyCode(),
				input.platform(), input.openedOn()));
		return new OpenedShop(shop.toView(), secret);
	}

	/** A new webhook secret for a shop, shown only now. */
	public String rotateWebhookSecret(SignedInUser user, UUID shopId) {
		requireRole(user, Role.OPERATOR, Role.ADMIN, Role.MERCHANT);
		Shop shop = visibleShop(user, shopId).orElseThrow(RegistryManagement::notFound);
		if (!shop.active()) {
			throw RegistryException.because("registry.error.shop-closed");
		}
		String secret = Shop.newSecret();
		shop.replaceSecret(this.secrets.seal(WEBHOOK_SECRET, secret));
		this.shops.save(shop);
		return secret;
	}

	/**
	 * The webhook secret of a shop, for verifying the signature of a webhook call to it
	 * (not for showing: it is shown only when created or rotated).
	 */
	@Transactional(readOnly = true)
	public Optional<String> webhookSecretOf(UUID shopId) {
		return this.shops.findById(shopId).map(shop -> opened(shop.storedSecret()));
	}

	private String opened(String stored) {
		return SecretBox.isSealed(stored) ? this.secrets.open(WEBHOOK_SECRET, stored) : stored;
	}

	/**
	 * Whose a shop is, for work that has no user (a webhook call, a resumed import job).
	 */
	@Transactional(readOnly = true)
	public Optional<ShopOwner> ownerOf(UUID shopId) {
		return this.shops.findById(shopId)
			.map(shop -> new ShopOwner(shop.id(), shop.organisationId(), shop.countyCode(), shop.toView().platform(),
					shop.active()));
	}

	/**
	 * An organisation's open shop on the county's own storefront (platform LOCAL), for
	 * the storefront's checkout (no user).
	 */
	@Transactional(readOnly = true)
	public Optional<ShopOwner> localShopOf(UUID organisationId) {
		return this.shops.findByOrganisation(organisationId)
			.stream()
			.filter(shop -> shop.toView().platform() == org.farmgate.registry.Platform.LOCAL && shop.active())
			.findFirst()
			.map(shop -> new ShopOwner(shop.id(), shop.organisationId(), shop.countyCode(),
					org.farmgate.registry.Platform.LOCAL, true));
	}

	/**
	 * An organisation's registered name, for public pages (a business's registered name
	 * is public information).
	 */
	@Transactional(readOnly = true)
	public Optional<String> publicName(UUID organisationId) {
		return this.organisations.findById(organisationId).map(organisation -> organisation.toView().name());
	}

	private Optional<Organisation> own(SignedInUser user) {
		UUID organisationId = user.scope().organisationId();
		return (organisationId != null) ? this.organisations.findById(organisationId) : Optional.empty();
	}

	private Optional<Organisation> visible(SignedInUser user, UUID id) {
		if (id == null || !readsRegistry(user)) {
			return Optional.empty();
		}
		if (user.role() == Role.MERCHANT) {
			return id.equals(user.scope().organisationId()) ? this.organisations.findById(id) : Optional.empty();
		}
		return this.organisations.findById(id)
			.filter(organisation -> organisation.countyCode().equals(user.scope().countyCode()));
	}

	private Optional<Shop> visibleShop(SignedInUser user, UUID id) {
		return this.shops.findById(id).filter(shop -> visible(user, shop.organisationId()).isPresent());
	}

	/** Who reads the registry: the county's staff and analysts, a merchant its own. */
	static boolean readsRegistry(SignedInUser user) {
		return switch (user.role()) {
			case ADMIN, OPERATOR, ANALYST, MERCHANT -> true;
			case STATION, TRAINER -> false;
		};
	}

	static void requireReader(SignedInUser user) {
		if (!readsRegistry(user)) {
			throw new org.springframework.security.access.AccessDeniedException("role " + user.role());
		}
	}

	private void checkVillage(String county, OrganisationInput input) {
		if (input.villageId() != null && this.geography.village(county, input.villageId()).isEmpty()) {
			throw RegistryException.because("registry.error.village");
		}
	}

	private static void check(OrganisationInput input) {
		if (input.type() == null || blank(input.name())) {
			throw new RegistryException("registry.error.organisation-fields");
		}
		if (input.name().strip().length() > 100 || longer(input.legalRepresentative(), 50)
				|| longer(input.address(), 200)) {
			throw new RegistryException("registry.error.too-long");
		}
		if (!CreditCode.isValid(input.creditCode())) {
			throw new RegistryException("registry.error.credit-code");
		}
	}

	private static void requireRole(SignedInUser user, Role... roles) {
		for (Role role : roles) {
			if (user.role() == role) {
				return;
			}
		}
		throw new org.springframework.security.access.AccessDeniedException("role " + user.role());
	}

	private static RegistryException notFound() {
		return RegistryException.notFound();
	}

	private static boolean longer(String value, int length) {
		return value != null && value.strip().length() > length;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

	/**
	 * A shop just registered, with the secret of its webhooks.
	 */
	public record OpenedShop(ShopView shop, String webhookSecret) {
	}

}
