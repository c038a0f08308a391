package org.farmgate.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores user accounts.
 */
interface UserAccountRepository extends ListCrudRepository<UserAccount, UUID> {

	@Query("SELECT * FROM accounts_user_account WHERE lower(username) = lower(:username)")
	Optional<UserAccount> findByUsername(String username);

	@Query("SELECT * FROM accounts_user_account ORDER BY role, username")
	List<UserAccount> findAllOrdered();

	@Query("SELECT * FROM accounts_user_account WHERE demo AND enabled")
	List<UserAccount> findEnabledDemoAccounts();

	/** The enabled administrators, locked until the end of the transaction. */
	@Query("SELECT id FROM accounts_user_account WHERE role = 'ADMIN' AND enabled FOR UPDATE")
	List<UUID> lockEnabledAdministrators();

	@Query("SELECT count(*) FROM accounts_user_account WHERE id = :id AND enabled AND version = :version")
	int countCurrent(UUID id, int version);

}
