package org.farmgate.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Stores API tokens.
 */
interface ApiTokenRepository extends ListCrudRepository<ApiToken, UUID> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByUserAccountIdOrderByCreatedAtDesc(UUID userAccountId);

	// Touching last_used_at once a minute at most keeps API calls from writing on every
	// request.
	@Modifying
	@Query("UPDATE accounts_api_token SET last_used_at = :now WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :before)")
	void touch(UUID id, Instant now, Instant before);

}
