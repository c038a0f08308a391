package org.farmgate.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organisation that sells: the aggregate guards its admission review, keeping every
 * move with who made it and when.
 */
@Table("registry_organisation")
class Organisation {

	@Id
	private final UUID id;

	private final String countyCode;

	private OrganisationType type;

	private String name;

	private String creditCode;

	private String legalRepresentative;

	private String address;

	private UUID villageId;

	private LocalDate foundedOn;

	private SalesModel salesModel;

	private AdmissionStatus admission;

	private UUID parkId;

	private ParkRelation parkRelation;

	@MappedCollection(idColumn = "organisation_id", keyColumn = "position")
	private List<AdmissionEvent> admissionHistory;

	@MappedCollection(idColumn = "organisation_id", keyColumn = "position")
	private List<AdmissionDocument> documents;

	@Version
	private Integer version;

	@PersistenceCreator
	Organisation(UUID id, String countyCode, OrganisationType type, String name, String creditCode,
			String legalRepresentative, String address, UUID villageId, LocalDate foundedOn, SalesModel salesModel,
			AdmissionStatus admission, UUID parkId, ParkRelation parkRelation, List<AdmissionEvent> admissionHistory,
			List<AdmissionDocument> documents, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.type = type;
		this.name = name;
		this.creditCode = creditCode;
		this.legalRepresentative = legalRepresentative;
		this.address = address;
		this.villageId = villageId;
		this.foundedOn = foundedOn;
		this.salesModel = salesModel;
		this.admission = admission;
		this.parkId = parkId;
		this.parkRelation = parkRelation;
		this.admissionHistory = new ArrayList<>(admissionHistory);
		this.documents = new ArrayList<>((documents != null) ? documents : List.of());
		this.version = version;
	}

	/** An organisation applying for admission (or registered by an operator). */
	static Organisation apply(String countyCode, OrganisationInput input, String actor, Instant now) {
		Organisation organisation = new Organisation(UUID.randomUUID(), countyCode, null, null, null, null, null, null,
				null, null, AdmissionStatus.APPLIED, null, null, List.of(), List.of(), null);
		organisation.change(input);
		organisation.admissionHistory.add(new AdmissionEvent(null, AdmissionStatus.APPLIED, null, actor, now));
		return organisation;
	}

	void change(OrganisationInput input) {
		this.type = input.type();
		this.name = input.name().strip();
		this.creditCode = CreditCode.normalize(input.creditCode());
		this.legalRepresentative = blankToNull(input.legalRepresentative());
		this.address = blankToNull(input.address());
		this.villageId = input.villageId();
		this.foundedOn = input.foundedOn();
		this.salesModel = input.salesModel();
	}

	/**
	 * Moves the admission status; a rejection needs a reason.
	 * @throws RegistryException when the move is not allowed
	 */
	void review(AdmissionStatus next, String reason, String actor, Instant now) {
		if (!this.admission.canMoveTo(next)) {
			throw new RegistryException("registry.error.admission-move");
		}
		if (next == AdmissionStatus.REJECTED && (reason == null || reason.isBlank())) {
			throw new RegistryException("registry.error.reason-required");
		}
		this.admissionHistory.add(new AdmissionEvent(this.admission, next, blankToNull(reason), actor, now));
		this.admission = next;
	}

	/**
	 * Adds a document's details to the application; the same kind and number twice is
	 * refused.
	 */
	void addDocument(DocumentInput input, String actor, Instant now) {
		String number = input.number().strip();
		if (this.documents.stream()
			.anyMatch(document -> document.kind() == input.kind() && document.number().equalsIgnoreCase(number))) {
			throw RegistryException.because("registry.error.document-exists");
		}
		this.documents.add(new AdmissionDocument(input.kind(), number, blankToNull(input.issuer()), input.validUntil(),
				actor, now));
	}

	/**
	 * Removes the document at the given place in the list; once admitted, only the
	 * operations centre removes what admission rested on.
	 */
	void removeDocument(int index, boolean byOperator) {
		if (index < 0 || index >= this.documents.size()) {
			throw RegistryException.notFound();
		}
		if (approved() && !byOperator) {
			throw RegistryException.because("registry.error.document-by-operator");
		}
		this.documents.remove(index);
	}

	/** Hosts the organisation in a park, affiliates it to one, or (both null) neither. */
	void placeInPark(UUID parkId, ParkRelation relation) {
		if ((parkId == null) != (relation == null)) {
			throw RegistryException.because("registry.error.park-relation");
		}
		this.parkId = parkId;
		this.parkRelation = relation;
	}

	/** Whether the input changes who the organisation is (what admission reviewed). */
	boolean identityChangedBy(OrganisationInput input) {
		return input.type() != this.type || !input.name().strip().equals(this.name)
				|| !CreditCode.normalize(input.creditCode()).equals(this.creditCode);
	}

	boolean approved() {
		return this.admission == AdmissionStatus.APPROVED;
	}

	UUID id() {
		return this.id;
	}

	String countyCode() {
		return this.countyCode;
	}

	OrganisationView toView() {
		return new OrganisationView(this.id, this.countyCode, this.type, this.name, this.creditCode,
				this.legalRepresentative, this.address, this.villageId, this.foundedOn, this.salesModel, this.admission,
				this.parkId, this.parkRelation, List.copyOf(this.admissionHistory),
				this.documents.stream().map(AdmissionDocument::shown).toList());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
