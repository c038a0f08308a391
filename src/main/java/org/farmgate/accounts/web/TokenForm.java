package org.farmgate.accounts.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The form to issue a personal API token: a name that says what it is for.
 */
record TokenForm(
		@NotBlank(message = "{validation.required}") @Size(max = 80, message = "{validation.too-long}") String name) {

	static TokenForm empty() {
		return new TokenForm("");
	}

}
