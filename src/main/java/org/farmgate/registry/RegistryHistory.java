package org.farmgate.registry;

import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the registry again as {@link RegistryRestated} events: how a module that learns
 * from registry events (the statistics) catches up with what was registered before it
 * listened, or written directly by the demo.
 */
@Component
public class RegistryHistory {

	private static final int CHUNK = 5_000;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	RegistryHistory(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
	}

	/** Publishes every organisation, shop, entrepreneur and household, in chunks. */
	public void restate() {
		List<OrganisationRecorded> organisations = this.jdbc
			.sql("SELECT id, county_code, village_id, park_id, park_relation, admission FROM registry_organisation")
			.query((rs, n) -> new OrganisationRecorded(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
					(rs.getString(5) != null) ? ParkRelation.valueOf(rs.getString(5)) : null,
					"APPROVED".equals(rs.getString(6))))
			.list();
		List<ShopOpened> shops = this.jdbc
			.sql("SELECT id, organisation_id, county_code, platform, opened_on FROM registry_shop")
			.query((rs, n) -> new ShopOpened(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					Platform.valueOf(rs.getString(4)), rs.getObject(5, java.time.LocalDate.class)))
			.list();
		List<ShopClosed> closed = this.jdbc
			.sql("SELECT id, organisation_id, county_code, platform, closed_on FROM registry_shop"
					+ " WHERE status = 'CLOSED'")
			.query((rs, n) -> new ShopClosed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					Platform.valueOf(rs.getString(4)), rs.getObject(5, java.time.LocalDate.class)))
			.list();
		List<EntrepreneurRecorded> entrepreneurs = this.jdbc
			.sql("SELECT id, county_code, village_id, organisation_id FROM registry_entrepreneur")
			.query((rs, n) -> new EntrepreneurRecorded(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class)))
			.list();
		List<HouseholdRecorded> households = this.jdbc
			.sql("SELECT id, county_code, village_id, disadvantaged FROM registry_household")
			.query((rs, n) -> new HouseholdRecorded(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getBoolean(4)))
			.list();
		publish(new RegistryRestated(UUID.randomUUID(), organisations, shops, closed, List.of(), List.of()));
		for (int from = 0; from < Math.max(entrepreneurs.size(), households.size()); from += CHUNK) {
			publish(new RegistryRestated(UUID.randomUUID(), List.of(), List.of(), List.of(), slice(entrepreneurs, from),
					slice(households, from)));
		}
	}

	private void publish(RegistryRestated restated) {
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(restated));
	}

	private static <T> List<T> slice(List<T> all, int from) {
		return (from < all.size()) ? List.copyOf(all.subList(from, Math.min(all.size(), from + CHUNK))) : List.of();
	}

}
