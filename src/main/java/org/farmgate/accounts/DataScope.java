package org.farmgate.accounts;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The data a user may see: always a county (GB/T 2260 code), narrowed to an organisation
 * for merchants and to a service station for station staff once those are assigned.
 */
public record DataScope(String countyCode, UUID organisationId, UUID stationId) implements Serializable {

	public DataScope {
		Objects.requireNonNull(countyCode, "countyCode");
		if (!countyCode.matches("[0-9]{6}")) {
			throw new IllegalArgumentException("A county code has six digits: " + countyCode);
		}
	}

	/**
	 * The scope a user of this role gets: the organisation and the station are kept only
	 * for the roles limited to them.
	 */
	public static DataScope forRole(Role role, String countyCode, UUID organisationId, UUID stationId) {
		return new DataScope(countyCode, (role.scopeKind() == Role.ScopeKind.ORGANISATION) ? organisationId : null,
				(role.scopeKind() == Role.ScopeKind.STATION) ? stationId : null);
	}

	public static DataScope county(String countyCode) {
		return new DataScope(countyCode, null, null);
	}

}
