/**
 * Farmers' income: what the county's organisations pay farmer households — procurement of
 * their produce (with a receipt for the farmer), wages of household members, a
 * cooperative's yearly dividends — and the read model that sums it per household, village
 * and year: whose income linked to the platform increased over the year before, the
 * disadvantaged households among them, and the disadvantaged households with no linked
 * income yet. Records are never edited: a correction reverses the old record with a new
 * one. Owns the {@code income_*} tables. Publishes
 * {@link org.farmgate.income.ProcurementRecorded},
 * {@link org.farmgate.income.WageRecorded} and
 * {@link org.farmgate.income.DividendDistributed} (a reversal is one of them with
 * negative amounts and the id it reverses); consumes no events.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "accounts", "registry", "catalog", "geo", "web" })
package org.farmgate.income;
