package org.farmgate.accounts;

/**
 * What a user does on Farmgate; each role works within one kind of data scope.
 */
public enum Role {

	/** The platform's administrator: users, counties, settings. */
	ADMIN(ScopeKind.COUNTY),

	/** Operations-centre staff: registry, training, logistics, every report. */
	OPERATOR(ScopeKind.COUNTY),

	/** A cooperative's or company's e-commerce staff: its own organisation only. */
	MERCHANT(ScopeKind.ORGANISATION),

	/** Staff of a village or township service station. */
	STATION(ScopeKind.STATION),

	/** A workshop trainer. */
	TRAINER(ScopeKind.COUNTY),

	/** The commerce or agriculture bureau: read-only statistics. */
	ANALYST(ScopeKind.COUNTY);

	private final ScopeKind scopeKind;

	Role(ScopeKind scopeKind) {
		this.scopeKind = scopeKind;
	}

	public ScopeKind scopeKind() {
		return this.scopeKind;
	}

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * The kind of data a role is limited to.
	 */
	public enum ScopeKind {

		COUNTY, ORGANISATION, STATION

	}

}
