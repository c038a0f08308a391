/**
 * Catalog: what the county's organisations sell. Two-level categories, products with
 * photos and certifications, SKUs with their unit and net weight, listings that map a
 * platform's item and SKU ids in a shop to our SKU (and the lookup the orders module uses
 * to match an incoming order line), stock per SKU and location with adjustments and
 * reservations that never take available stock below zero, and batches with their
 * supplying households and a public trace code. Owns the {@code catalog_*} tables.
 * Publishes {@link org.farmgate.catalog.ProductAdded} and
 * {@link org.farmgate.catalog.BatchRecorded}; consumes no events.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "accounts", "registry", "geo", "uploads", "web" })
package org.farmgate.catalog;
