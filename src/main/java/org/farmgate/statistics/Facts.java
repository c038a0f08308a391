package org.farmgate.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.farmgate.catalog.ProductAdded;
import org.farmgate.catalog.SkuAdded;
import org.farmgate.income.DividendDistributed;
import org.farmgate.income.DividendShare;
import org.farmgate.income.ProcurementRecorded;
import org.farmgate.income.WageRecorded;
import org.farmgate.registry.EntrepreneurRecorded;
import org.farmgate.registry.HouseholdRecorded;
import org.farmgate.registry.OrganisationRecorded;
import org.farmgate.registry.ShopClosed;
import org.farmgate.registry.ShopOpened;
import org.farmgate.training.SessionAttended;
import org.farmgate.training.TraineeLinked;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the facts other modules tell (organisations, shops, entrepreneurs, households,
 * products, income, attendance) in the statistics' own tables, each keyed by what it is
 * about, so that being told again changes nothing.
 */
@Component
class Facts {

	private final JdbcTemplate jdbc;

	Facts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void organisations(List<OrganisationRecorded> organisations) {
		dimensions(
				"""
						INSERT INTO statistics_organisation (organisation_id, county_code, village_id, park_id, park_relation,
						       approved)
						VALUES (?, ?, ?, ?, ?, ?)
						ON CONFLICT (organisation_id) DO UPDATE SET village_id = EXCLUDED.village_id,
						       park_id = EXCLUDED.park_id, park_relation = EXCLUDED.park_relation, approved = EXCLUDED.approved""",
				organisations.stream()
					.map(o -> new Object[] { o.organisationId(), o.countyCode(), o.villageId(), o.parkId(),
							(o.parkRelation() != null) ? o.parkRelation().name() : null, o.approved() })
					.toList());
	}

	void shops(List<ShopOpened> shops) {
		dimensions("""
				INSERT INTO statistics_shop (shop_id, county_code, organisation_id, platform, opened_on)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (shop_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id,
				       platform = EXCLUDED.platform, opened_on = EXCLUDED.opened_on""",
				shops.stream()
					.map(s -> new Object[] { s.shopId(), s.countyCode(), s.organisationId(), s.platform().name(),
							date(s.openedOn()) })
					.toList());
	}

	/**
	 * Shops closed. A closing told before the shop's opening (which another listener
	 * thread may take later) makes the shop's whole row, as the opening would. A closing
	 * published before closings named the organisation and platform makes a row without
	 * them, which the opening completes and the views leave out until it does.
	 */
	void closed(List<ShopClosed> shops) {
		dimensions("""
				INSERT INTO statistics_shop (shop_id, county_code, organisation_id, platform, closed_on)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (shop_id) DO UPDATE SET closed_on = EXCLUDED.closed_on,
				       organisation_id = coalesce(EXCLUDED.organisation_id, statistics_shop.organisation_id),
				       platform = coalesce(EXCLUDED.platform, statistics_shop.platform)""",
				shops.stream()
					.map(s -> new Object[] { s.shopId(), s.countyCode(), s.organisationId(),
							(s.platform() != null) ? s.platform().name() : null, date(s.closedOn()) })
					.toList());
	}

	void entrepreneurs(List<EntrepreneurRecorded> entrepreneurs) {
		batch("""
				INSERT INTO statistics_entrepreneur (entrepreneur_id, county_code, village_id, organisation_id)
				VALUES (?, ?, ?, ?)
				ON CONFLICT (entrepreneur_id) DO UPDATE SET village_id = EXCLUDED.village_id,
				       organisation_id = EXCLUDED.organisation_id""",
				entrepreneurs.stream()
					.map(e -> new Object[] { e.entrepreneurId(), e.countyCode(), e.villageId(), e.organisationId() })
					.toList());
	}

	void households(List<HouseholdRecorded> households) {
		batch("""
				INSERT INTO statistics_household (household_id, county_code, village_id, disadvantaged)
				VALUES (?, ?, ?, ?)
				ON CONFLICT (household_id) DO UPDATE SET village_id = EXCLUDED.village_id,
				       disadvantaged = EXCLUDED.disadvantaged""",
				households.stream()
					.map(h -> new Object[] { h.householdId(), h.countyCode(), h.villageId(), h.disadvantaged() })
					.toList());
	}

	void products(List<ProductAdded> products) {
		dimensions("""
				INSERT INTO statistics_product (product_id, county_code, organisation_id, category_code)
				VALUES (?, ?, ?, ?)
				ON CONFLICT (product_id) DO UPDATE SET category_code = EXCLUDED.category_code""",
				products.stream()
					.map(p -> new Object[] { p.productId(), p.countyCode(), p.organisationId(), p.categoryCode() })
					.toList());
	}

	void skus(List<SkuAdded> skus) {
		dimensions("""
				INSERT INTO statistics_sku (sku_id, product_id, county_code) VALUES (?, ?, ?)
				ON CONFLICT (sku_id) DO NOTHING""",
				skus.stream().map(s -> new Object[] { s.skuId(), s.productId(), s.countyCode() }).toList());
	}

	void procurements(List<ProcurementRecorded> procurements) {
		income(procurements.stream()
			.map(p -> new Object[] { "P:" + p.id(), p.countyCode(), p.householdId(), p.organisationId(), "PROCUREMENT",
					date(p.occurredOn()), p.amount() })
			.toList());
	}

	void wages(List<WageRecorded> wages) {
		income(wages.stream()
			.map(w -> new Object[] { "W:" + w.id(), w.countyCode(), w.householdId(), w.organisationId(), "WAGES",
					date(w.month().atDay(1)), w.amount() })
			.toList());
	}

	void dividends(List<DividendDistributed> dividends) {
		income(dividends.stream()
			.flatMap(d -> d.shares()
				.stream()
				.map((DividendShare share) -> new Object[] { "D:" + d.id() + ":" + share.householdId(), d.countyCode(),
						share.householdId(), d.organisationId(), "DIVIDENDS", date(d.day()), share.amount() }))
			.toList());
	}

	void attendances(List<SessionAttended> attendances) {
		batch("""
				INSERT INTO statistics_attendance (enrolment_id, county_code, trainee_id, session_id, topic, day)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (enrolment_id) DO NOTHING""",
				attendances.stream()
					.map(a -> new Object[] { a.enrolmentId(), a.countyCode(), a.traineeId(), a.sessionId(), a.topic(),
							date(a.date()) })
					.toList());
	}

	void trainees(List<TraineeLinked> links) {
		batch("""
				INSERT INTO statistics_trainee (trainee_id, county_code, entrepreneur_id) VALUES (?, ?, ?)
				ON CONFLICT (trainee_id) DO UPDATE SET entrepreneur_id = EXCLUDED.entrepreneur_id""",
				links.stream().map(l -> new Object[] { l.traineeId(), l.countyCode(), l.entrepreneurId() }).toList());
	}

	private void income(List<Object[]> rows) {
		batch("""
				INSERT INTO statistics_income (fact_key, county_code, household_id, organisation_id, source, day, amount)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (fact_key) DO NOTHING""",
				rows);
	}

	/**
	 * Writes facts that name shops, organisations, products or SKUs, and notes that they
	 * changed for the readers that keep them in memory (SalesCube).
	 */
	private void dimensions(String sql, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(sql, rows);
			this.jdbc.update("""
					INSERT INTO statistics_change (county_code, day) VALUES ('#', DATE '2000-01-01')""");
		}
	}

	private void batch(String sql, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.jdbc.batchUpdate(sql, rows);
		}
	}

	private static Date date(LocalDate day) {
		return (day != null) ? Date.valueOf(day) : null;
	}

}
