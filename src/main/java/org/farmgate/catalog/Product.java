package org.farmgate.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A product an organisation sells: its names, category, origin village, keeping, and the
 * certifications it holds.
 */
@Table("catalog_product")
class Product {

	@Id
	private final UUID id;

	private final String countyCode;

	private final UUID organisationId;

	private String categoryCode;

	private String nameZh;

	private String nameEn;

	private String nameFr;

	private String description;

	private UUID originVillageId;

	private Integer shelfLifeDays;

	private StorageClass storage;

	private final Instant createdAt;

	@MappedCollection(idColumn = "product_id", keyColumn = "position")
	private List<Certification> certifications;

	@Version
	private Integer version;

	@PersistenceCreator
	Product(UUID id, String countyCode, UUID organisationId, String categoryCode, String nameZh, String nameEn,
			String nameFr, String description, UUID originVillageId, Integer shelfLifeDays, StorageClass storage,
			Instant createdAt, List<Certification> certifications, Integer version) {
		this.id = id;
		this.countyCode = countyCode;
		this.organisationId = organisationId;
		this.categoryCode = categoryCode;
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.nameFr = nameFr;
		this.description = description;
		this.originVillageId = originVillageId;
		this.shelfLifeDays = shelfLifeDays;
		this.storage = storage;
		this.createdAt = createdAt;
		this.certifications = new ArrayList<>((certifications != null) ? certifications : List.of());
		this.version = version;
	}

	static Product add(String countyCode, UUID organisationId, ProductInput input, Instant now) {
		Product product = new Product(UUID.randomUUID(), countyCode, organisationId, null, null, null, null, null, null,
				null, null, now, List.of(), null);
		product.change(input);
		return product;
	}

	void change(ProductInput input) {
		this.categoryCode = input.categoryCode();
		this.nameZh = input.nameZh().strip();
		this.nameEn = blankToNull(input.nameEn());
		this.nameFr = blankToNull(input.nameFr());
		this.description = blankToNull(input.description());
		this.originVillageId = input.originVillageId();
		this.shelfLifeDays = input.shelfLifeDays();
		this.storage = (input.storage() != null) ? input.storage() : StorageClass.AMBIENT;
	}

	void certify(Certification certification) {
		if (this.certifications.stream()
			.anyMatch(held -> held.kind() == certification.kind() && held.number().equals(certification.number()))) {
			throw CatalogException.because("catalog.error.certification-exists");
		}
		this.certifications.add(certification);
	}

	void withdrawCertification(int index) {
		if (index < 0 || index >= this.certifications.size()) {
			throw CatalogException.notFound();
		}
		this.certifications.remove(index);
	}

	UUID id() {
		return this.id;
	}

	String countyCode() {
		return this.countyCode;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	String categoryCode() {
		return this.categoryCode;
	}

	ProductView toView(List<UUID> photoIds) {
		return new ProductView(this.id, this.countyCode, this.organisationId, this.categoryCode, this.nameZh,
				this.nameEn, this.nameFr, this.description, this.originVillageId, this.shelfLifeDays, this.storage,
				List.copyOf(this.certifications), photoIds);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
