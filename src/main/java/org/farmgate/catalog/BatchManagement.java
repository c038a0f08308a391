package org.farmgate.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.RegistryManagement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records batches with their supplying households under a trace code (the county's code,
 * the year and a serial: {@code 520122-2026-000042}), and answers the public trace page.
 */
@Service
@Transactional
public class BatchManagement {

	private static final int MAX_SUPPLIERS = 500;

	private final BatchRepository batches;

	private final ProductManagement products;

	private final HouseholdManagement households;

	private final RegistryManagement registry;

	private final CountyGeographyManagement geography;

	private final CatalogScope scope;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BatchManagement(BatchRepository batches, ProductManagement products, HouseholdManagement households,
			RegistryManagement registry, CountyGeographyManagement geography, CatalogScope scope, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.batches = batches;
		this.products = products;
		this.households = households;
		this.registry = registry;
		this.geography = geography;
		this.scope = scope;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<BatchView> batches(SignedInUser user) {
		return this.scope.within(user, this.batches::findByOrganisation, this.batches::findByCounty)
			.stream()
			.map(Batch::toView)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<BatchView> batchesOf(SignedInUser user, UUID productId) {
		this.products.visible(user, productId).orElseThrow(CatalogException::notFound);
		return this.batches.findByProduct(productId).stream().map(Batch::toView).toList();
	}

	@Transactional(readOnly = true)
	public Optional<BatchView> batch(SignedInUser user, UUID id) {
		this.scope.requireReader(user);
		if (id == null) {
			return Optional.empty();
		}
		return this.batches.findById(id)
			.filter(batch -> this.scope.sees(user, batch.organisationId(), batch.countyCode()))
			.map(Batch::toView);
	}

	public BatchView record(SignedInUser user, BatchInput input) {
		this.scope.requireWriter(user);
		Product product = this.products.visible(user, input.productId()).orElseThrow(CatalogException::notFound);
		LocalDate today = LocalDate.now(this.clock);
		if (input.producedOn() == null || input.producedOn().isAfter(today)
				|| input.producedOn().isBefore(today.minusYears(10))) {
			throw CatalogException.because("catalog.error.produced-on");
		}
		if (input.harvestedOn() != null && input.harvestedOn().isAfter(input.producedOn())) {
			throw CatalogException.because("catalog.error.harvested-on");
		}
		if (input.quantity() == null || input.quantity().signum() <= 0 || input.quantity().scale() > 3
				|| input.quantity().compareTo(BigDecimal.valueOf(100_000_000)) >= 0) {
			throw CatalogException.because("catalog.error.quantity");
		}
		if (input.unit() == null) {
			throw CatalogException.because("catalog.error.unit");
		}
		if (input.note() != null && input.note().length() > 500) {
			throw CatalogException.because("catalog.error.too-long");
		}
		UUID village = (input.villageId() != null) ? input.villageId() : product.toView(List.of()).originVillageId();
		if (village != null && this.geography.village(product.countyCode(), village).isEmpty()) {
			throw CatalogException.because("catalog.error.village");
		}
		List<BatchSupplier> suppliers = checkedSuppliers(user, input);
		String traceCode = nextTraceCode(product.countyCode(), today.getYear());
		Batch batch = Batch.record(product, traceCode, new BatchInput(product.id(), input.producedOn(),
				input.harvestedOn(), input.quantity(), input.unit(), village, input.note(), suppliers),
				this.clock.instant());
		this.batches.save(batch);
		this.events.publishEvent(new BatchRecorded(batch.id(), product.id(), product.organisationId(),
				product.countyCode(), traceCode, suppliers.size()));
		return batch.toView();
	}

	/** The trace code of a batch, as issued, when the code is one (for its QR code). */
	@Transactional(readOnly = true)
	public Optional<String> traceCode(String traceCode) {
		return batchOf(traceCode).map(batch -> batch.toView().traceCode());
	}

	private Optional<Batch> batchOf(String traceCode) {
		if (traceCode == null || !traceCode.strip().matches("[0-9A-Za-z\\-]{1,24}")) {
			return Optional.empty();
		}
		return this.batches.findByTraceCode(traceCode.strip().toUpperCase(Locale.ROOT));
	}

	/**
	 * What the public may know of a batch, found by its trace code.
	 */
	@Transactional(readOnly = true)
	public Optional<TraceView> trace(String traceCode) {
		return batchOf(traceCode).map(batch -> {
			BatchView view = batch.toView();
			ProductView product = this.products.productById(view.productId()).orElseThrow();
			LocalDate today = LocalDate.now(this.clock);
			Map<UUID, UUID> villages = this.households
				.villagesOf(view.suppliers().stream().map(BatchSupplier::householdId).toList());
			List<String> supplierVillages = villages.values()
				.stream()
				.distinct()
				.map(id -> villageName(batch.countyCode(), id))
				.filter(name -> name != null)
				.sorted()
				.toList();
			return new TraceView(view.traceCode(), product.id(), product.nameZh(), product.categoryCode(),
					this.registry.publicName(view.organisationId()).orElse(null),
					villageName(batch.countyCode(), view.villageId()), view.producedOn(), view.harvestedOn(),
					view.quantity(), view.unit(),
					product.certifications().stream().filter(certification -> certification.validOn(today)).toList(),
					view.suppliers().size(), supplierVillages, product.photoIds());
		});
	}

	private List<BatchSupplier> checkedSuppliers(SignedInUser user, BatchInput input) {
		List<BatchSupplier> suppliers = (input.suppliers() != null) ? input.suppliers() : List.of();
		if (suppliers.size() > MAX_SUPPLIERS) {
			throw CatalogException.because("catalog.error.too-many-suppliers", MAX_SUPPLIERS);
		}
		Set<UUID> seen = new HashSet<>();
		BigDecimal total = BigDecimal.ZERO;
		for (BatchSupplier supplier : suppliers) {
			if (supplier == null || supplier.householdId() == null || supplier.quantity() == null
					|| supplier.quantity().signum() <= 0 || supplier.quantity().scale() > 3) {
				throw CatalogException.because("catalog.error.supplier");
			}
			if (!seen.add(supplier.householdId())) {
				throw CatalogException.because("catalog.error.supplier-twice");
			}
			// a merchant names only its own member households; an operator the county's
			if (this.households.household(user, supplier.householdId()).isEmpty()) {
				throw CatalogException.because("catalog.error.supplier-unknown");
			}
			total = total.add(supplier.quantity());
		}
		if (total.compareTo(input.quantity()) > 0) {
			throw CatalogException.because("catalog.error.suppliers-exceed", Unit.plain(total).toPlainString(),
					Unit.plain(input.quantity()).toPlainString());
		}
		return suppliers.stream()
			.map(supplier -> new BatchSupplier(supplier.householdId(), Unit.plain(supplier.quantity())))
			.toList();
	}

	private String nextTraceCode(String countyCode, int year) {
		int serial = this.jdbc.sql("""
				INSERT INTO catalog_trace_serial (county_code, year, last_serial) VALUES (?, ?, 1)
				ON CONFLICT (county_code, year) DO UPDATE SET last_serial = catalog_trace_serial.last_serial + 1
				RETURNING last_serial""").params(countyCode, year).query(Integer.class).single();
		return String.format(Locale.ROOT, "%s-%d-%06d", countyCode, year, serial);
	}

	private String villageName(String countyCode, UUID villageId) {
		return (villageId == null) ? null
				: this.geography.village(countyCode, villageId)
					.map(village -> village.townshipName() + " " + village.name())
					.orElse(null);
	}

}
