package org.farmgate.registry.web;

import java.time.LocalDate;
import java.util.UUID;

import org.farmgate.registry.OrganisationInput;
import org.farmgate.registry.OrganisationType;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.SalesModel;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form of an organisation.
 */
record OrganisationForm(OrganisationType type, String name, String creditCode, String legalRepresentative,
		String address, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate foundedOn, SalesModel salesModel,
		UUID villageId) {

	static OrganisationForm empty() {
		return new OrganisationForm(OrganisationType.COOPERATIVE, "", "", "", "", null, null, null);
	}

	static OrganisationForm of(OrganisationView view) {
		return new OrganisationForm(view.type(), view.name(), view.creditCode(), view.legalRepresentative(),
				view.address(), view.foundedOn(), view.salesModel(), view.villageId());
	}

	OrganisationInput toInput() {
		return new OrganisationInput(this.type, this.name, (this.creditCode != null) ? this.creditCode : "",
				this.legalRepresentative, this.address, this.foundedOn, this.salesModel, this.villageId);
	}

}
