/**
 * Geography: the GB/T 2260 division table (with its history, the Hong Kong and Macao
 * districts and a reviewed patch for later changes), the shipping-address resolver, and
 * the county's own townships and villages. Owns the tables {@code geo_township} and
 * {@code geo_village}; the division table is bundled data, loaded once. Publishes and
 * consumes no events yet.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "uploads" })
package org.farmgate.geo;
