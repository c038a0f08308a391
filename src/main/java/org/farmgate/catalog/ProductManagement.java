package org.farmgate.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.registry.OrganisationView;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and changes products, their certifications and photos, within the caller's scope.
 */
@Service
@Transactional
public class ProductManagement {

	private static final int MAX_SEARCH = 40;

	private final ProductRepository products;

	private final PhotoStore photos;

	private final SkuRepository skus;

	private final Categories categories;

	private final CatalogScope scope;

	private final CountyGeographyManagement geography;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PublicCatalogQueries publicQueries;

	ProductManagement(ProductRepository products, PhotoStore photos, SkuRepository skus, Categories categories,
			CatalogScope scope, CountyGeographyManagement geography, ApplicationEventPublisher events, Clock clock,
			PublicCatalogQueries publicQueries) {
		this.publicQueries = publicQueries;
		this.products = products;
		this.skus = skus;
		this.photos = photos;
		this.categories = categories;
		this.scope = scope;
		this.geography = geography;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ProductView> products(SignedInUser user) {
		List<Product> found = this.scope.within(user, this.products::findByOrganisation, this.products::findByCounty);
		Map<UUID, List<UUID>> photoIds = this.photos.idsByProduct(found.stream().map(Product::id).toList());
		return found.stream().map(product -> product.toView(photoIds.getOrDefault(product.id(), List.of()))).toList();
	}

	@Transactional(readOnly = true)
	public Optional<ProductView> product(SignedInUser user, UUID id) {
		return visible(user, id).map(this::view);
	}

	public ProductView add(SignedInUser user, ProductInput input) {
		OrganisationView organisation = this.scope.organisationFor(user, input.organisationId());
		check(organisation.countyCode(), input);
		Product product = Product.add(organisation.countyCode(), organisation.id(), input, this.clock.instant());
		this.products.save(product);
		this.events.publishEvent(
				new ProductAdded(product.id(), organisation.id(), organisation.countyCode(), input.categoryCode()));
		return view(product);
	}

	public ProductView change(SignedInUser user, UUID id, ProductInput input) {
		this.scope.requireWriter(user);
		Product product = visible(user, id).orElseThrow(CatalogException::notFound);
		check(product.countyCode(), input);
		String categoryBefore = product.categoryCode();
		product.change(input);
		this.products.save(product);
		if (!java.util.Objects.equals(categoryBefore, input.categoryCode())) {
			this.events.publishEvent(new ProductRecategorised(product.id(), product.organisationId(),
					product.countyCode(), input.categoryCode()));
		}
		return view(product);
	}

	public ProductView certify(SignedInUser user, UUID id, Certification certification) {
		this.scope.requireWriter(user);
		Product product = visible(user, id).orElseThrow(CatalogException::notFound);
		if (certification == null || certification.kind() == null || certification.number() == null
				|| certification.number().isBlank() || certification.number().strip().length() > 64) {
			throw CatalogException.because("catalog.error.certification-fields");
		}
		if (certification.validFrom() != null && certification.validUntil() != null
				&& certification.validUntil().isBefore(certification.validFrom())) {
			throw CatalogException.because("catalog.error.certification-dates");
		}
		product.certify(new Certification(certification.kind(), certification.number().strip(),
				certification.validFrom(), certification.validUntil()));
		this.products.save(product);
		return view(product);
	}

	public ProductView withdrawCertification(SignedInUser user, UUID id, int index) {
		this.scope.requireWriter(user);
		Product product = visible(user, id).orElseThrow(CatalogException::notFound);
		product.withdrawCertification(index);
		this.products.save(product);
		return view(product);
	}

	/**
	 * Adds a photo: the upload must be a JPEG, PNG, GIF or BMP image of at most 5 MB; it
	 * is stored resized, with a thumbnail.
	 */
	public UUID addPhoto(SignedInUser user, UUID id, byte[] upload) {
		this.scope.requireWriter(user);
		Product product = visible(user, id).orElseThrow(CatalogException::notFound);
		if (this.photos.idsByProduct(List.of(product.id())).getOrDefault(product.id(), List.of()).size() >= 9) {
			throw CatalogException.because("catalog.error.photo-count");
		}
		return this.photos.store(product.id(), PhotoProcessing.process(upload), this.clock.instant());
	}

	public void removePhoto(SignedInUser user, UUID id, UUID photoId) {
		this.scope.requireWriter(user);
		Product product = visible(user, id).orElseThrow(CatalogException::notFound);
		if (!this.photos.remove(product.id(), photoId)) {
			throw CatalogException.notFound();
		}
	}

	/**
	 * A product's photo, for anyone (photos carry no personal data): full size or
	 * thumbnail.
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> photo(UUID photoId, boolean thumbnail) {
		return this.photos.image(photoId, thumbnail);
	}

	/**
	 * Products as the public sees them: every product of the county with its SKUs and
	 * prices.
	 */
	@Transactional(readOnly = true)
	public List<PublicProduct> publicProducts(String countyCode) {
		List<Product> found = this.products.findByCounty(countyCode);
		Map<UUID, List<PublicProduct.Offer>> offers = new java.util.HashMap<>();
		this.skus.findByCounty(countyCode)
			.forEach(
					sku -> offers.computeIfAbsent(sku.productId(), key -> new java.util.ArrayList<>()).add(offer(sku)));
		return toPublic(found, offers);
	}

	/**
	 * The county's products any of whose three names contains the text (Latin letters in
	 * any case; {@code %} and {@code _} are plain characters), by Chinese name: at most
	 * {@code limit}. A blank text finds nothing; only the first 40 characters count.
	 */
	@Transactional(readOnly = true)
	public List<PublicProduct> searchPublic(String countyCode, String text, int limit) {
		if (countyCode == null || text == null || text.isBlank() || limit < 1) {
			return List.of();
		}
		String stripped = text.strip();
		if (stripped.codePointCount(0, stripped.length()) > MAX_SEARCH) {
			stripped = stripped.substring(0, stripped.offsetByCodePoints(0, MAX_SEARCH));
		}
		return publicProducts(this.publicQueries.search(countyCode, stripped, Math.min(limit, 200)));
	}

	/** The county's newest products, newest first. */
	@Transactional(readOnly = true)
	public List<PublicProduct> newestPublic(String countyCode, int limit) {
		return publicProducts(this.publicQueries.newest(countyCode, Math.max(0, Math.min(limit, 200))));
	}

	/** Whether each SKU of the county can be bought, by SKU id (never the count). */
	@Transactional(readOnly = true)
	public Map<UUID, Availability> publicAvailability(String countyCode) {
		return this.publicQueries.availability(countyCode, null);
	}

	/**
	 * A product of the county as its public page shows it; a product of another county is
	 * not found.
	 */
	@Transactional(readOnly = true)
	public Optional<PublicProductDetail> publicProduct(String countyCode, UUID productId) {
		if (countyCode == null || productId == null) {
			return Optional.empty();
		}
		return this.products.findById(productId)
			.filter(product -> product.countyCode().equals(countyCode))
			.map(product -> {
				PublicProduct found = publicProducts(List.of(product.id())).get(0);
				java.time.LocalDate today = java.time.LocalDate.now(this.clock);
				return new PublicProductDetail(found, this.publicQueries.availability(countyCode, product.id()),
						this.publicQueries.photos(product.id()),
						found.certifications().stream().filter(certification -> certification.validOn(today)).toList(),
						this.publicQueries.latestTraceCode(product.id()).orElse(null));
			});
	}

	private List<PublicProduct> publicProducts(List<UUID> ids) {
		Map<UUID, Product> byId = new java.util.HashMap<>();
		this.products.findAllById(ids).forEach(product -> byId.put(product.id(), product));
		Map<UUID, List<PublicProduct.Offer>> offers = new java.util.HashMap<>();
		for (UUID id : ids) {
			offers.put(id, this.skus.findByProduct(id).stream().map(ProductManagement::offer).toList());
		}
		return toPublic(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), offers);
	}

	private List<PublicProduct> toPublic(List<Product> found, Map<UUID, List<PublicProduct.Offer>> offers) {
		Map<UUID, List<UUID>> photoIds = this.photos.idsByProduct(found.stream().map(Product::id).toList());
		return found.stream().map(product -> {
			ProductView view = product.toView(photoIds.getOrDefault(product.id(), List.of()));
			return new PublicProduct(view.id(), view.organisationId(), view.categoryCode(), view.nameZh(),
					view.nameEn(), view.nameFr(), view.description(), view.originVillageId(), view.shelfLifeDays(),
					view.storage(), view.certifications(),
					view.photoIds().stream().map(id -> "/catalog/photos/" + id + ".jpg").toList(),
					offers.getOrDefault(product.id(), List.of()));
		}).toList();
	}

	private static PublicProduct.Offer offer(Sku sku) {
		SkuView view = sku.toView();
		return new PublicProduct.Offer(view.id(), view.specification(), view.unit(), view.quantity(),
				view.netWeightGrams(), view.price(), view.barcode());
	}

	@Transactional(readOnly = true)
	Optional<ProductView> productById(UUID id) {
		return this.products.findById(id).map(this::view);
	}

	Optional<Product> visible(SignedInUser user, UUID id) {
		this.scope.requireReader(user);
		if (id == null) {
			return Optional.empty();
		}
		return this.products.findById(id)
			.filter(product -> this.scope.sees(user, product.organisationId(), product.countyCode()));
	}

	private ProductView view(Product product) {
		return product.toView(this.photos.idsByProduct(List.of(product.id())).getOrDefault(product.id(), List.of()));
	}

	private void check(String county, ProductInput input) {
		if (input.nameZh() == null || input.nameZh().isBlank() || input.nameZh().strip().length() > 100) {
			throw CatalogException.because("catalog.error.product-name");
		}
		if ((input.nameEn() != null && input.nameEn().strip().length() > 150)
				|| (input.nameFr() != null && input.nameFr().strip().length() > 150)
				|| (input.description() != null && input.description().length() > 4000)) {
			throw CatalogException.because("catalog.error.too-long");
		}
		if (input.categoryCode() == null
				|| this.categories.find(input.categoryCode()).filter(category -> !category.topLevel()).isEmpty()) {
			throw CatalogException.because("catalog.error.category");
		}
		if (input.shelfLifeDays() != null && (input.shelfLifeDays() < 1 || input.shelfLifeDays() > 3650)) {
			throw CatalogException.because("catalog.error.shelf-life");
		}
		if (input.originVillageId() != null && this.geography.village(county, input.originVillageId()).isEmpty()) {
			throw CatalogException.because("catalog.error.village");
		}
	}

}
