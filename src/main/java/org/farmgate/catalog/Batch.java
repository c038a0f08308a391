package org.farmgate.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A batch (lot, 批次) of a product: when it was harvested or made, how much, from which
 * village and which farmer households, under its trace code.
 */
@Table("catalog_batch")
class Batch {

	@Id
	private final UUID id;

	private final String countyCode;

	private final UUID organisationId;

	private final UUID productId;

	private final String traceCode;

	private final LocalDate producedOn;

	private final LocalDate harvestedOn;

	private final BigDecimal quantity;

	private final Unit unit;

	private final UUID villageId;

	private final String note;

	private final Instant createdAt;

	@MappedCollection(idColumn = "batch_id", keyColumn = "position")
	private final List<BatchSupplier> suppliers;

	@Version
	private Integer version;

	@PersistenceCreator
	Batch(UUID id, String countyCode, UUID organisationId, UUID productId, String traceCode, LocalDate producedOn,
			LocalDate harvestedOn, BigDecimal quantity, Unit unit, UUID villageId, String note, Instant createdAt,
			List<BatchSupplier> suppliers, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.organisationId = organisationId;
		this.productId = productId;
		this.traceCode = traceCode;
		this.producedOn = producedOn;
		this.harvestedOn = harvestedOn;
		this.quantity = quantity;
		this.unit = unit;
		this.villageId = villageId;
		this.note = note;
		this.createdAt = createdAt;
		this.suppliers = new ArrayList<>((suppliers != null) ? suppliers : List.of());
		this.version = version;
	}

	static Batch record(Product product, String traceCode, BatchInput input, Instant now) {
		return new Batch(UUID.randomUUID(), product.countyCode(), product.organisationId(), product.id(), traceCode,
				input.producedOn(), input.harvestedOn(), Unit.plain(input.quantity()), input.unit(), input.villageId(),
				(input.note() == null || input.note().isBlank()) ? null : input.note().strip(), now,
				(input.suppliers() != null) ? input.suppliers() : List.of(), null);
	}

	UUID id() {
		return this.id;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	UUID productId() {
		return this.productId;
	}

	String countyCode() {
		return this.countyCode;
	}

	BatchView toView() {
		return new BatchView(this.id, this.productId, this.organisationId, this.traceCode, this.producedOn,
				this.harvestedOn, Unit.plain(this.quantity), this.unit, this.villageId, this.note,
				this.suppliers.stream()
					.map(supplier -> new BatchSupplier(supplier.householdId(), Unit.plain(supplier.quantity())))
					.toList());
	}

}
