package org.farmgate.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public shop may show of the registry, with no sign-in: the county's approved
 * organisations by their registered name, type and village (a business's registered name
 * is public; never its representative, credit code, address or documents), and how many
 * farmer households a village has (a count, never who).
 */
@Service
@Transactional(readOnly = true)
public class PublicRegistry {

	private static final String ORGANISATION = """
			SELECT id, type, name, village_id FROM registry_organisation
			WHERE county_code = :county AND admission = 'APPROVED'
			""";

	private final JdbcClient jdbc;

	PublicRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The county's approved organisations, by name. */
	public List<PublicOrganisation> organisations(String countyCode) {
		return this.jdbc.sql(ORGANISATION + " ORDER BY name, id")
			.param("county", countyCode)
			.query((rs, n) -> organisation(rs))
			.list();
	}

	/** An approved organisation of the county; another county's is not found. */
	public Optional<PublicOrganisation> organisation(String countyCode, UUID id) {
		if (id == null) {
			return Optional.empty();
		}
		return this.jdbc.sql(ORGANISATION + " AND id = :id")
			.param("county", countyCode)
			.param("id", id)
			.query((rs, n) -> organisation(rs))
			.optional();
	}

	/** How many farmer households of the county live in the village. */
	public int householdCount(String countyCode, UUID villageId) {
		return this.jdbc.sql("SELECT count(*) FROM registry_household WHERE county_code = ? AND village_id = ?")
			.params(countyCode, villageId)
			.query(Integer.class)
			.single();
	}

	private static PublicOrganisation organisation(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new PublicOrganisation(rs.getObject(1, UUID.class), OrganisationType.valueOf(rs.getString(2)),
				rs.getString(3), rs.getObject(4, UUID.class));
	}

	/**
	 * An organisation as the public shop shows it: registered name, type, village.
	 */
	public record PublicOrganisation(UUID id, OrganisationType type, String name, UUID villageId) {
	}

}
