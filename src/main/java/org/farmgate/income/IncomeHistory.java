package org.farmgate.income;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells every procurement, wage and dividend again as {@link IncomeRestated} events, in
 * chunks: how the statistics catch up with income recorded before they listened, or
 * written directly by the demo.
 */
@Component
public class IncomeHistory {

	private static final int CHUNK = 5_000;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	IncomeHistory(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
	}

	/** Publishes every income record, {@value #CHUNK} of a kind to an event. */
	public void restate() {
		List<ProcurementRecorded> procurements = this.jdbc.sql("""
				SELECT id, county_code, organisation_id, household_id, occurred_on, product_id, quantity, unit,
				       amount, reverses
				FROM income_procurement""")
			.query((rs, n) -> new ProcurementRecorded(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), null, rs.getObject(5, LocalDate.class),
					rs.getObject(6, UUID.class), rs.getBigDecimal(7), rs.getString(8), rs.getBigDecimal(9),
					rs.getObject(10, UUID.class)))
			.list();
		for (int from = 0; from < procurements.size(); from += CHUNK) {
			publish(new IncomeRestated(UUID.randomUUID(), slice(procurements, from), List.of(), List.of()));
		}
		List<WageRecorded> wages = this.jdbc.sql("""
				SELECT id, county_code, organisation_id, household_id, month, work, amount, reverses
				FROM income_wage""")
			.query((rs, n) -> new WageRecorded(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), null,
					YearMonth.from(rs.getObject(5, LocalDate.class)), rs.getString(6), rs.getBigDecimal(7),
					rs.getObject(8, UUID.class)))
			.list();
		for (int from = 0; from < wages.size(); from += CHUNK) {
			publish(new IncomeRestated(UUID.randomUUID(), List.of(), slice(wages, from), List.of()));
		}
		Map<UUID, DividendDistributed> dividends = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT id, county_code, organisation_id, year, LEAST(declared_on, make_date(year, 12, 31)), total,
				       reverses
				FROM income_dividend""").query(rs -> {
			UUID id = rs.getObject(1, UUID.class);
			dividends.put(id,
					new DividendDistributed(id, rs.getString(2), rs.getObject(3, UUID.class), rs.getInt(4),
							rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), new ArrayList<>(),
							rs.getObject(7, UUID.class)));
		});
		this.jdbc.sql("SELECT dividend_id, household_id, amount FROM income_dividend_share ORDER BY household_id")
			.query(rs -> {
				DividendDistributed dividend = dividends.get(rs.getObject(1, UUID.class));
				if (dividend != null) {
					dividend.shares().add(new DividendShare(rs.getObject(2, UUID.class), rs.getBigDecimal(3)));
				}
			});
		List<DividendDistributed> all = new ArrayList<>(dividends.values());
		// a chunk of a few distributions: each carries every member's share
		for (int from = 0; from < all.size(); from += 20) {
			publish(new IncomeRestated(UUID.randomUUID(), List.of(), List.of(),
					List.copyOf(all.subList(from, Math.min(all.size(), from + 20)))));
		}
	}

	private void publish(IncomeRestated restated) {
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(restated));
	}

	private static <T> List<T> slice(List<T> all, int from) {
		return List.copyOf(all.subList(from, Math.min(all.size(), from + CHUNK)));
	}

}
