package org.farmgate.registry;

import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A household's membership of an organisation (a cooperative's member farmers).
 */
@Table("registry_household_membership")
record Membership(UUID organisationId) {
}
