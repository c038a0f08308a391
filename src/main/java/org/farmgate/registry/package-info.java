/**
 * Registry: who sells in the county. Organisations (cooperatives, associations,
 * companies, individual businesses) with their unified social credit code and seller
 * admission review, and the online shops they run on each platform. Owns the tables
 * {@code registry_organisation}, {@code registry_admission_event} and
 * {@code registry_shop}. Publishes {@link org.farmgate.registry.OrganisationApproved} and
 * {@link org.farmgate.registry.ShopOpened}; consumes no events. Farmer households,
 * entrepreneurs and industrial parks arrive next.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "geo", "uploads" })
package org.farmgate.registry;
