package org.farmgate.statistics;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.UUID;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.CatalogHistory;
import org.farmgate.income.IncomeHistory;
import org.farmgate.orders.OrderHistory;
import org.farmgate.registry.RegistryHistory;
import org.farmgate.training.TrainingHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statistics' public face: who may see which area, and rebuilding everything the
 * statistics keep by asking every module to tell its history again (when the module
 * starts on data it never heard of, or after a fault). The figures themselves are read
 * through {@link StatisticsQueries}.
 */
@Service
public class StatisticsManagement {

	private static final Logger logger = LoggerFactory.getLogger(StatisticsManagement.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RegistryHistory registry;

	private final CatalogHistory catalog;

	private final IncomeHistory income;

	private final TrainingHistory training;

	private final OrderHistory orders;

	private final TaskExecutor executor;

	private final AtomicBoolean running = new AtomicBoolean();

	StatisticsManagement(JdbcClient jdbc, TransactionTemplate transactions, RegistryHistory registry,
			CatalogHistory catalog, IncomeHistory income, TrainingHistory training, OrderHistory orders,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.executor = executor;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.registry = registry;
		this.catalog = catalog;
		this.income = income;
		this.training = training;
		this.orders = orders;
	}

	/**
	 * Marks the histories as asked for, once per database.
	 * @return whether they were never asked for before
	 */
	boolean firstStart() {
		return this.jdbc
			.sql("INSERT INTO statistics_ledger (event_key) VALUES ('histories-told') ON CONFLICT DO NOTHING")
			.update() == 1;
	}

	/**
	 * Forgets everything the statistics keep, then has every module tell its history
	 * again in the background (a city's history takes minutes); the rollups fill as the
	 * events are taken.
	 * @return false when a rebuild is running already
	 */
	public boolean rebuild() {
		if (!this.running.compareAndSet(false, true)) {
			return false;
		}
		try {
			this.transactions.executeWithoutResult(status -> {
				this.jdbc.sql("""
						TRUNCATE statistics_ledger, statistics_organisation, statistics_shop, statistics_entrepreneur,
						         statistics_household, statistics_product, statistics_sku, statistics_sale,
						         statistics_sales_day, statistics_product_day, statistics_income, statistics_attendance,
						         statistics_trainee, statistics_sales_month, statistics_reach_month,
						         statistics_product_month, statistics_change""").update();
				// every reader's copy in memory is stale
				this.jdbc.sql("INSERT INTO statistics_change (county_code, day) VALUES ('*', DATE '2000-01-01')")
					.update();
			});
			firstStart();
		}
		catch (RuntimeException ex) {
			this.running.set(false);
			throw ex;
		}
		this.executor.execute(this::restateAndMark);
		return true;
	}

	/** Tells every history in the background, at the first start on a database. */
	void backfill() {
		if (firstStart() && this.running.compareAndSet(false, true)) {
			this.executor.execute(this::restateAndMark);
		}
	}

	private void restateAndMark() {
		try {
			restate();
			this.jdbc.sql("INSERT INTO statistics_ledger (event_key) VALUES ('histories-done') ON CONFLICT DO NOTHING")
				.update();
		}
		catch (RuntimeException ex) {
			logger.error("Statistics: telling the histories failed; an administrator can rebuild", ex);
		}
		finally {
			this.running.set(false);
		}
	}

	/**
	 * Asks every module to tell its history again; what the statistics knew already
	 * counts once.
	 * @return how many orders were told again
	 */
	public int restate() {
		this.registry.restate();
		this.catalog.restate();
		this.income.restate();
		this.training.restate();
		int orders = this.orders.restate();
		logger.info("Statistics: every module told its history again ({} paid orders)", orders);
		return orders;
	}

	/**
	 * Rebuilds the statistics for an administrator.
	 * @return false when a rebuild is running already
	 */
	public boolean rebuild(SignedInUser user) {
		if (user.role() != Role.ADMIN) {
			throw new AccessDeniedException("only administrators rebuild the statistics");
		}
		return rebuild();
	}

	/**
	 * The filter a user may see: operators, analysts and administrators see their county
	 * or its whole city; a merchant sees its own organisation only, whatever it asks for;
	 * stations and trainers see no statistics.
	 * @throws AccessDeniedException for another county or city, or a role without
	 * statistics
	 */
	public Filter filterFor(SignedInUser user, String area, UUID village, UUID organisation, UUID shop, UUID product,
			LocalDate from, LocalDate to) {
		String county = user.scope().countyCode();
		String chosen = (area == null || area.isBlank()) ? county : area.strip();
		String city = county.substring(0, 4) + "00";
		return switch (user.role()) {
			case OPERATOR, ANALYST, ADMIN -> {
				if (!chosen.equals(county) && !chosen.equals(city)) {
					throw new AccessDeniedException("statistics of another area");
				}
				yield new Filter(chosen, village, organisation, shop, product, from, to);
			}
			case MERCHANT -> {
				UUID own = user.scope().organisationId();
				if (own == null || (organisation != null && !organisation.equals(own)) || (!chosen.equals(county))) {
					throw new AccessDeniedException("statistics of another organisation");
				}
				yield new Filter(county, village, own, shop, product, from, to);
			}
			default -> throw new AccessDeniedException("no statistics for this role");
		};
	}

}
