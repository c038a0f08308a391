package org.farmgate.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and changes the SKUs of products, within the caller's scope; prices, quantities,
 * weights, barcodes and merchant codes are checked.
 */
@Service
@Transactional
public class SkuManagement {

	private static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1_000_000);

	private final SkuRepository skus;

	private final ProductManagement products;

	private final CatalogScope scope;

	private final org.springframework.context.ApplicationEventPublisher events;

	SkuManagement(SkuRepository skus, ProductManagement products, CatalogScope scope,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.skus = skus;
		this.products = products;
		this.scope = scope;
	}

	@Transactional(readOnly = true)
	public List<SkuView> skusOf(SignedInUser user, UUID productId) {
		this.products.visible(user, productId).orElseThrow(CatalogException::notFound);
		return this.skus.findByProduct(productId).stream().map(Sku::toView).toList();
	}

	@Transactional(readOnly = true)
	public List<SkuView> skus(SignedInUser user) {
		return this.scope.within(user, this.skus::findByOrganisation, this.skus::findByCounty)
			.stream()
			.map(Sku::toView)
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<SkuView> sku(SignedInUser user, UUID id) {
		return visible(user, id).map(Sku::toView);
	}

	public SkuView add(SignedInUser user, UUID productId, SkuInput input) {
		this.scope.requireWriter(user);
		Product product = this.products.visible(user, productId).orElseThrow(CatalogException::notFound);
		check(input);
		refuseTakenMerchantCode(product.organisationId(), input.merchantCode(), null);
		Sku sku = Sku.of(product.id(), product.countyCode(), product.organisationId(), input);
		this.skus.save(sku);
		this.events.publishEvent(new SkuAdded(sku.id(), product.id(), product.organisationId(), product.countyCode()));
		return sku.toView();
	}

	public SkuView change(SignedInUser user, UUID id, SkuInput input) {
		this.scope.requireWriter(user);
		Sku sku = visible(user, id).orElseThrow(CatalogException::notFound);
		check(input);
		refuseTakenMerchantCode(sku.organisationId(), input.merchantCode(), sku.id());
		sku.change(input);
		this.skus.save(sku);
		return sku.toView();
	}

	Optional<Sku> visible(SignedInUser user, UUID id) {
		this.scope.requireReader(user);
		if (id == null) {
			return Optional.empty();
		}
		return this.skus.findById(id).filter(sku -> this.scope.sees(user, sku.organisationId(), sku.countyCode()));
	}

	Optional<Sku> byId(UUID id) {
		return this.skus.findById(id);
	}

	/** The organisation's SKU with this merchant code (商家编码). */
	@Transactional(readOnly = true)
	public Optional<SkuView> merchantCodeOf(UUID organisationId, String merchantCode) {
		return this.skus.findByMerchantCode(organisationId, merchantCode).map(Sku::toView);
	}

	private void refuseTakenMerchantCode(UUID organisationId, String merchantCode, UUID self) {
		if (merchantCode == null || merchantCode.isBlank()) {
			return;
		}
		this.skus.findByMerchantCode(organisationId, merchantCode.strip())
			.filter(other -> !other.id().equals(self))
			.ifPresent(other -> {
				throw CatalogException.because("catalog.error.merchant-code-taken", merchantCode.strip());
			});
	}

	static void check(SkuInput input) {
		if (input.specification() == null || input.specification().isBlank()
				|| input.specification().strip().length() > 100) {
			throw CatalogException.because("catalog.error.specification");
		}
		if (input.unit() == null) {
			throw CatalogException.because("catalog.error.unit");
		}
		if (input.quantity() == null || input.quantity().signum() <= 0 || input.quantity().scale() > 3
				|| input.quantity().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
			throw CatalogException.because("catalog.error.quantity");
		}
		if (input.price() == null || input.price().signum() < 0 || input.price().scale() > 2
				|| input.price().compareTo(MAX_PRICE) > 0) {
			throw CatalogException.because("catalog.error.price");
		}
		if (input.unit().isWeight() && input.unit().grams(input.quantity()).compareTo(BigDecimal.ONE) < 0) {
			// weights are kept in whole grams: less than one gram is not a SKU
			throw CatalogException.because("catalog.error.quantity");
		}
		if (input.netWeightGrams() != null && input.netWeightGrams() <= 0) {
			throw CatalogException.because("catalog.error.net-weight");
		}
		if (input.unit().isWeight() && input.netWeightGrams() != null
				&& input.unit()
					.grams(input.quantity())
					.subtract(BigDecimal.valueOf(input.netWeightGrams()))
					.abs()
					.compareTo(BigDecimal.ONE) >= 0) {
			// 1.5 kg is 1500 g: a SKU saying otherwise would mislead the buyer and the
			// rates
			throw CatalogException.because("catalog.error.unit-mismatch",
					Unit.plain(input.unit().grams(input.quantity())).toPlainString(),
					String.valueOf(input.netWeightGrams()));
		}
		if (input.barcode() != null && !input.barcode().isBlank() && !Gtin.isValid(input.barcode().strip())) {
			throw CatalogException.because("catalog.error.barcode");
		}
		if (input.merchantCode() != null && !input.merchantCode().isBlank()
				&& !input.merchantCode().strip().matches("[A-Za-z0-9._\\-]{1,64}")) {
			throw CatalogException.because("catalog.error.merchant-code");
		}
	}

	/**
	 * The SKUs among these that the county's storefront may sell, with today's prices
	 * (unknown ids are left out).
	 */
	@Transactional(readOnly = true)
	public List<SaleableSku> saleable(java.util.Collection<UUID> ids) {
		List<SaleableSku> found = new java.util.ArrayList<>();
		for (Sku sku : this.skus.findAllById(ids.stream().distinct().toList())) {
			SkuView view = sku.toView();
			this.products.productById(view.productId())
				.ifPresent(product -> found.add(new SaleableSku(view.id(), product.id(), view.organisationId(),
						product.countyCode(), product.nameZh(), product.nameEn(), product.nameFr(),
						view.specification(), view.unit(), view.netWeightGrams(), view.price(), view.merchantCode())));
		}
		return found;
	}

}
