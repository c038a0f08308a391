package org.farmgate.accounts.web;

import org.farmgate.accounts.AccountView;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The administrator's form to create or edit an account; the password is asked for only
 * when creating.
 */
record UserForm(@NotBlank(message = "{accounts.error.username-format}") String username,
		@NotBlank(message = "{validation.required}") @Size(max = 100,
				message = "{validation.too-long}") String displayName,
		@NotNull(message = "{validation.required}") Role role,
		@NotBlank(message = "{validation.required}") @Pattern(regexp = "[0-9]{6}",
				message = "{accounts.error.county-code}") String countyCode,
		UUID organisationId, UUID stationId, String password) {

	static UserForm empty(String countyCode) {
		return new UserForm("", "", Role.OPERATOR, countyCode, null, null, "");
	}

	static UserForm of(AccountView account) {
		return new UserForm(account.username(), account.displayName(), account.role(), account.scope().countyCode(),
				account.scope().organisationId(), account.scope().stationId(), "");
	}

	DataScope scope() {
		return DataScope.forRole(this.role, this.countyCode, this.organisationId, this.stationId);
	}

}
