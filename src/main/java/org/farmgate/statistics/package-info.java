/**
 * The county's figures, learnt only from other modules' events (never their tables):
 * payments, cancellations and refunds of orders; organisations, shops, entrepreneurs and
 * households of the registry; products and SKUs of the catalog; income linked to farmers;
 * training attendance. Each publication is taken once (a ledger of the keys taken), into
 * facts and daily rollups (per day × county × shop × destination, and per day × county ×
 * shop × SKU) that the dashboard, the reports, the public open data and the API read.
 * Owns the {@code statistics_*} tables; consumes the events above and the
 * {@code …Restated} events modules publish when asked to tell their history again;
 * publishes none.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "accounts", "registry", "catalog", "geo", "orders", "income", "training", "web" })
package org.farmgate.statistics;
