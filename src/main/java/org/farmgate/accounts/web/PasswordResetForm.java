package org.farmgate.accounts.web;

import org.farmgate.accounts.AccountManagement;

import jakarta.validation.constraints.Size;

/**
 * The administrator's form to set a new password for an account.
 */
record PasswordResetForm(@Size(min = AccountManagement.MIN_PASSWORD_LENGTH,
		message = "{accounts.error.password-length}") String newPassword) {
}
