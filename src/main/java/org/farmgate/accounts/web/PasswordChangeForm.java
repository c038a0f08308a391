package org.farmgate.accounts.web;

import org.farmgate.accounts.AccountManagement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A user's form to change their own password.
 */
record PasswordChangeForm(@NotBlank(message = "{validation.required}") String currentPassword,
		@Size(min = AccountManagement.MIN_PASSWORD_LENGTH,
				message = "{accounts.error.password-length}") String newPassword,
		String confirmPassword) {

	boolean confirmed() {
		return this.newPassword != null && this.newPassword.equals(this.confirmPassword);
	}

	static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}

}
