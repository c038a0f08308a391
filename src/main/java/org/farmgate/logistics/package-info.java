/**
 * Logistics: how parcels leave the villages and goods come back. The county's service
 * stations (village points, township stations, the county hub) and the villages each
 * serves; carriers with their tracking-number hints and rate tables; shipments (parcels)
 * made from paid orders, merged or split, with their 100 × 150 mm labels and the
 * platforms' bulk-shipping files; tracking events pushed by carriers or scanned at a
 * station; inbound deliveries of goods to village shops; and the daily
 * pickup-and-delivery runs of the county's vans, planned with jsprit
 * ({@code logistics.routing}). Moves orders on through
 * {@link org.farmgate.orders.OrderFulfilment}. Owns the {@code logistics_*} tables.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "accounts", "registry", "catalog", "geo", "orders", "web" })
package org.farmgate.logistics;
