package org.farmgate.income;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.BatchManagement;
import org.farmgate.catalog.BatchView;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.ProductView;
import org.farmgate.registry.HouseholdEntry;
import org.farmgate.registry.OrganisationView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records purchases from farmer households with a receipt number, pays what was owed, and
 * corrects a purchase by reversing it (and recording the right one) in one transaction:
 * nothing is edited, nothing is saved half-way.
 */
@Service
@Transactional
public class ProcurementManagement {

	private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");

	private static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("10000000");

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

	/** A page of the list. */
	public static final int PAGE = 50;

	private final ProcurementRepository procurements;

	private final IncomeScope scope;

	private final ProductManagement products;

	private final BatchManagement batches;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProcurementManagement(ProcurementRepository procurements, IncomeScope scope, ProductManagement products,
			BatchManagement batches, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.procurements = procurements;
		this.scope = scope;
		this.products = products;
		this.batches = batches;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a purchase.
	 * @throws IncomeException saying what to fix
	 */
	public ProcurementView record(SignedInUser user, ProcurementInput input) {
		return record(user, input, null, null);
	}

	/**
	 * Records a purchase once per request id: the same form sent twice (a double tap on a
	 * slow network) answers the purchase recorded the first time.
	 * @throws IncomeException saying what to fix
	 */
	public ProcurementView record(SignedInUser user, ProcurementInput input, UUID requestId) {
		return record(user, input, null, requestId);
	}

	private ProcurementView record(SignedInUser user, ProcurementInput input, UUID corrects, UUID requestId) {
		OrganisationView organisation = this.scope.organisationFor(user, input.organisationId());
		if (requestId != null) {
			// two copies of one request wait for each other: the second finds the first
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
				.param("income-request:" + organisation.id() + ":" + requestId)
				.query()
				.listOfRows();
			Optional<ProcurementView> sent = this.jdbc.sql(SELECT + " WHERE p.organisation_id = ? AND p.request_id = ?")
				.params(organisation.id(), requestId)
				.query(ProcurementManagement::view)
				.optional();
			if (sent.isPresent()) {
				return sent.get();
			}
		}
		HouseholdEntry household = this.scope.householdFor(user, input.householdId(), organisation);
		this.scope.checkDate(input.occurredOn(), "income.error.occurred-on");
		String produce = produce(user, input, organisation);
		check(input);
		Procurement procurement = Procurement.record(organisation.countyCode(), organisation.id(),
				nextReceiptNo(organisation.id(), input.occurredOn().getYear()), input, produce, corrects,
				user.getUsername(), this.clock.instant());
		this.procurements.save(procurement);
		if (requestId != null) {
			this.jdbc.sql("UPDATE income_procurement SET request_id = ? WHERE id = ?")
				.params(requestId, procurement.id())
				.update();
		}
		this.events.publishEvent(procurement.recorded(household.villageId()));
		return procurement.toView(null);
	}

	/**
	 * Takes a purchase back with a reversal that says why.
	 * @throws IncomeException when it is a reversal or reversed already, or without a
	 * reason
	 */
	public ProcurementView reverse(SignedInUser user, UUID id, String reason) {
		this.scope.requireWriter(user);
		visible(user, id).orElseThrow(IncomeException::notFound);
		String why = IncomeScope.reason(reason);
		lock(id);
		// read again under the lock: a payment just made is copied into the reversal
		Procurement original = this.procurements.findById(id).orElseThrow(IncomeException::notFound);
		if (reversalOf(id).isPresent()) {
			throw IncomeException.because("income.error.reversed-already");
		}
		Procurement reversal = original.reversal(
				nextReceiptNo(original.organisationId(), original.toView(null).occurredOn().getYear()), why,
				user.getUsername(), this.clock.instant());
		this.procurements.save(reversal);
		this.events.publishEvent(reversal.recorded(this.scope.villageOf(original.toView(null).householdId())));
		return reversal.toView(null);
	}

	/**
	 * Corrects a purchase: reverses it and records the right one, together or not at all.
	 * @throws IncomeException saying what to fix (then nothing is saved)
	 */
	public ProcurementView correct(SignedInUser user, UUID id, ProcurementInput input, String reason) {
		ProcurementView original = procurement(user, id).orElseThrow(IncomeException::notFound);
		reverse(user, id, reason);
		return record(user,
				new ProcurementInput(original.organisationId(), input.householdId(), input.occurredOn(),
						input.productId(), input.produce(), input.batchId(), input.quantity(), input.unit(),
						input.unitPrice(), input.grade(), input.payment(), input.paymentMethod()),
				id, null);
	}

	/**
	 * An owed purchase is paid.
	 * @throws IncomeException when it is not owed, or the date or method is wrong
	 */
	public ProcurementView pay(SignedInUser user, UUID id, LocalDate paidOn, PaymentMethod method) {
		this.scope.requireWriter(user);
		visible(user, id).orElseThrow(IncomeException::notFound);
		lock(id);
		Procurement procurement = this.procurements.findById(id).orElseThrow(IncomeException::notFound);
		if (reversalOf(id).isPresent()) {
			throw IncomeException.because("income.error.not-owed");
		}
		if (paidOn != null) {
			this.scope.checkDate(paidOn, "income.error.paid-on");
		}
		procurement.pay(paidOn, method);
		this.procurements.save(procurement);
		return procurement.toView(null);
	}

	@Transactional(readOnly = true)
	public Optional<ProcurementView> procurement(SignedInUser user, UUID id) {
		// a role that reads no income is refused, not told the record is missing
		this.scope.requireReader(user);
		return visible(user, id).map(procurement -> procurement.toView(reversalOf(id).orElse(null)));
	}

	/**
	 * A page of the purchases the user sees, newest first; of one household or one year
	 * when given.
	 */
	@Transactional(readOnly = true)
	public List<ProcurementView> procurements(SignedInUser user, UUID householdId, Integer year, int page) {
		this.scope.requireReader(user);
		UUID own = IncomeScope.ownOrganisation(user);
		return this.jdbc
			.sql(SELECT
					+ """
							WHERE p.county_code = :county AND (CAST(:own AS UUID) IS NULL OR p.organisation_id = :own)
							  AND (CAST(:household AS UUID) IS NULL OR p.household_id = :household)
							  AND (CAST(:year AS INTEGER) IS NULL OR p.occurred_on BETWEEN make_date(:year, 1, 1) AND make_date(:year, 12, 31))
							ORDER BY p.occurred_on DESC, p.recorded_at DESC, p.id LIMIT :limit OFFSET :offset""")
			.param("county", user.scope().countyCode())
			.param("own", own)
			.param("household", householdId)
			.param("year", IncomeScope.listYear(year))
			.param("limit", PAGE + 1)
			.param("offset", IncomeScope.offset(page, PAGE))
			.query(ProcurementManagement::view)
			.list();
	}

	/**
	 * The households the user's organisation (or county) bought from last, up to eight.
	 */
	@Transactional(readOnly = true)
	public List<UUID> recentHouseholds(SignedInUser user) {
		this.scope.requireReader(user);
		return this.jdbc.sql("""
				SELECT household_id FROM income_procurement
				WHERE county_code = :county AND (CAST(:own AS UUID) IS NULL OR organisation_id = :own)
				  AND occurred_on > CAST(:since AS DATE)
				GROUP BY household_id ORDER BY max(recorded_at) DESC, household_id LIMIT 8""")
			.param("county", user.scope().countyCode())
			.param("own", IncomeScope.ownOrganisation(user))
			.param("since", this.scope.today().minusDays(90))
			.query(UUID.class)
			.list();
	}

	private Optional<Procurement> visible(SignedInUser user, UUID id) {
		if (id == null || !IncomeScope.reads(user)) {
			return Optional.empty();
		}
		return this.procurements.findById(id)
			.filter(procurement -> this.scope.sees(user, procurement.organisationId(), procurement.countyCode()));
	}

	/**
	 * Two clerks reversing or paying the same purchase at once: one waits for the other.
	 */
	private void lock(UUID id) {
		this.jdbc.sql("SELECT id FROM income_procurement WHERE id = ? FOR UPDATE").param(id).query(UUID.class).list();
	}

	private Optional<UUID> reversalOf(UUID id) {
		return this.jdbc.sql("SELECT id FROM income_procurement WHERE reverses = ?")
			.param(id)
			.query(UUID.class)
			.optional();
	}

	private String produce(SignedInUser user, ProcurementInput input, OrganisationView organisation) {
		String produce = (input.produce() != null) ? input.produce().strip() : "";
		if (input.productId() != null) {
			ProductView product = this.products.product(user, input.productId())
				.filter(candidate -> candidate.organisationId().equals(organisation.id()))
				.orElseThrow(() -> IncomeException.because("income.error.product"));
			if (produce.isEmpty()) {
				produce = product.nameZh();
			}
		}
		if (input.batchId() != null) {
			BatchView batch = this.batches.batch(user, input.batchId())
				.filter(candidate -> candidate.organisationId().equals(organisation.id()))
				.filter(candidate -> input.productId() == null || candidate.productId().equals(input.productId()))
				.orElseThrow(() -> IncomeException.because("income.error.batch"));
			if (produce.isEmpty()) {
				produce = this.products.product(user, batch.productId()).map(ProductView::nameZh).orElse("");
			}
		}
		if (produce.isEmpty()) {
			throw IncomeException.because("income.error.produce");
		}
		if (produce.length() > 100) {
			throw IncomeException.because("income.error.too-long");
		}
		return produce;
	}

	private static void check(ProcurementInput input) {
		if (input.quantity() == null || input.quantity().signum() <= 0 || input.quantity().scale() > 3
				|| input.quantity().compareTo(MAX_QUANTITY) >= 0) {
			throw IncomeException.because("income.error.quantity");
		}
		if (input.unit() == null) {
			throw IncomeException.because("income.error.unit");
		}
		if (input.unitPrice() == null || input.unitPrice().signum() <= 0 || input.unitPrice().scale() > 2
				|| input.unitPrice().compareTo(MAX_UNIT_PRICE) >= 0) {
			throw IncomeException.because("income.error.unit-price");
		}
		BigDecimal amount = Procurement.amountOf(input.quantity(), input.unitPrice());
		if (amount.signum() <= 0) {
			// 0.001 kg at 1 fen: nothing to pay
			throw IncomeException.because("income.error.amount-zero");
		}
		if (amount.compareTo(MAX_AMOUNT) >= 0) {
			throw IncomeException.because("income.error.amount-too-large");
		}
		if (input.grade() == null) {
			throw IncomeException.because("income.error.grade");
		}
		if (input.payment() == null) {
			throw IncomeException.because("income.error.payment");
		}
		if (input.payment() == Payment.PAID && input.paymentMethod() == null) {
			throw IncomeException.because("income.error.payment-method");
		}
	}

	private String nextReceiptNo(UUID organisationId, int year) {
		int serial = this.jdbc.sql("""
				INSERT INTO income_receipt_serial (organisation_id, year, last_serial) VALUES (?, ?, 1)
				ON CONFLICT (organisation_id, year) DO UPDATE SET last_serial = income_receipt_serial.last_serial + 1
				RETURNING last_serial""").params(organisationId, year).query(Integer.class).single();
		return String.format(Locale.ROOT, "SG-%d-%06d", year, serial);
	}

	static final String SELECT = """
			SELECT p.id, p.county_code, p.organisation_id, p.household_id, p.receipt_no, p.occurred_on, p.product_id,
			       p.produce, p.batch_id, p.quantity, p.unit, p.unit_price, p.amount, p.grade, p.payment,
			       p.payment_method, p.paid_on, p.reverses, p.corrects, p.reason, p.recorded_by, p.recorded_at,
			       (SELECT r.id FROM income_procurement r WHERE r.reverses = p.id) AS reversed_by
			FROM income_procurement p
			""";

	static ProcurementView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ProcurementView(rs.getObject("id", UUID.class), rs.getString("county_code"),
				rs.getObject("organisation_id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getString("receipt_no"), rs.getObject("occurred_on", LocalDate.class),
				rs.getObject("product_id", UUID.class), rs.getString("produce"), rs.getObject("batch_id", UUID.class),
				rs.getBigDecimal("quantity"), org.farmgate.catalog.Unit.valueOf(rs.getString("unit")),
				rs.getBigDecimal("unit_price"), rs.getBigDecimal("amount"), Grade.valueOf(rs.getString("grade")),
				Payment.valueOf(rs.getString("payment")),
				(rs.getString("payment_method") != null) ? PaymentMethod.valueOf(rs.getString("payment_method")) : null,
				rs.getObject("paid_on", LocalDate.class), rs.getObject("reverses", UUID.class),
				rs.getObject("corrects", UUID.class), rs.getString("reason"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant(), rs.getObject("reversed_by", UUID.class));
	}

}
