/**
 * Registry: who sells in the county. Organisations (cooperatives, associations,
 * companies, individual businesses) with their unified social credit code and seller
 * admission review, their online shops, the farmer households that are their members,
 * e-commerce entrepreneurs and industrial parks, with bulk import from CSV or XLSX. Owns
 * the tables {@code registry_organisation}, {@code registry_admission_event},
 * {@code registry_admission_document}, {@code registry_shop} (webhook secrets sealed),
 * {@code registry_household}, {@code registry_household_membership},
 * {@code registry_entrepreneur} and {@code registry_park}. Publishes
 * {@link org.farmgate.registry.OrganisationApproved},
 * {@link org.farmgate.registry.OrganisationRejected} and
 * {@link org.farmgate.registry.ShopOpened}; consumes no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "geo", "uploads", "web" })
package org.farmgate.registry;
