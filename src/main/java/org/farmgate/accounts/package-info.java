/**
 * Accounts: the people who sign in to Farmgate, their role and data scope (a county; for
 * a merchant its organisation, for station staff their service station), form login,
 * personal API tokens, login throttling and the audit log. Owns the tables
 * {@code accounts_user_account}, {@code accounts_api_token},
 * {@code accounts_login_failure} and {@code accounts_audit_entry}. Publishes
 * {@link org.farmgate.accounts.AccountCreated} and
 * {@link org.farmgate.accounts.AccountDisabled}; consumes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.farmgate.accounts;
