package org.farmgate.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopStatus;
import org.farmgate.registry.ShopView;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists SKUs in the organisation's shops, and matches incoming order lines to SKUs.
 */
@Service
@Transactional
public class ListingManagement {

	private final ListingRepository listings;

	private final SkuManagement skus;

	private final RegistryManagement registry;

	private final CatalogScope scope;

	ListingManagement(ListingRepository listings, SkuManagement skus, RegistryManagement registry, CatalogScope scope) {
		this.listings = listings;
		this.skus = skus;
		this.registry = registry;
		this.scope = scope;
	}

	@Transactional(readOnly = true)
	public List<ListingView> listings(SignedInUser user) {
		return this.scope.within(user, this.listings::findByOrganisation, this.listings::findByCounty)
			.stream()
			.map(Listing::toView)
			.toList();
	}

	/** The listings of all of a product's SKUs the user sees, in one query. */
	@Transactional(readOnly = true)
	public List<ListingView> listingsOfProduct(SignedInUser user, UUID productId) {
		return this.scope
			.within(user, own -> this.listings.findByProductInOrganisation(productId, own),
					county -> this.listings.findByProductInCounty(productId, county))
			.stream()
			.map(Listing::toView)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<ListingView> listingsOf(SignedInUser user, UUID skuId) {
		this.skus.visible(user, skuId).orElseThrow(CatalogException::notFound);
		return this.listings.findBySku(skuId).stream().map(Listing::toView).toList();
	}

	/**
	 * Lists a SKU in a shop of the same organisation; the platform's item and SKU id may
	 * be listed once per shop.
	 */
	public ListingView list(SignedInUser user, ListingInput input) {
		this.scope.requireWriter(user);
		Sku sku = this.skus.visible(user, input.skuId()).orElseThrow(CatalogException::notFound);
		ShopView shop = (input.shopId() != null) ? this.registry.shop(user, input.shopId())
			.filter(candidate -> candidate.organisationId().equals(sku.organisationId()))
			.orElseThrow(() -> CatalogException.because("catalog.error.shop")) : null;
		if (shop == null) {
			throw CatalogException.because("catalog.error.shop");
		}
		if (shop.status() != ShopStatus.ACTIVE) {
			throw CatalogException.because("catalog.error.shop-closed");
		}
		if (input.platformItemId() == null || input.platformItemId().isBlank() || input.title() == null
				|| input.title().isBlank()) {
			throw CatalogException.because("catalog.error.listing-fields");
		}
		if (input.platformItemId().strip().length() > 64
				|| (input.platformSkuId() != null && input.platformSkuId().strip().length() > 64)
				|| (input.merchantCode() != null && input.merchantCode().strip().length() > 64)
				|| input.title().strip().length() > 200) {
			throw CatalogException.because("catalog.error.too-long");
		}
		if (this.listings.findByItem(shop.id(), input.platformItemId().strip())
			.stream()
			.anyMatch(listing -> listing.isFor(input.platformSkuId()))) {
			throw CatalogException.because("catalog.error.listing-exists");
		}
		Listing listing = Listing.of(sku, shop.id(), shop.platform(), input);
		try {
			this.listings.save(listing);
		}
		catch (DuplicateKeyException ex) {
			throw CatalogException.because("catalog.error.listing-exists");
		}
		return listing.toView();
	}

	public void unlist(SignedInUser user, UUID listingId) {
		this.scope.requireWriter(user);
		Listing listing = this.listings.findById(listingId)
			.filter(candidate -> this.scope.sees(user, candidate.organisationId(), candidate.countyCode()))
			.orElseThrow(CatalogException::notFound);
		this.listings.delete(listing);
	}

	/**
	 * The SKU an incoming order line is for, trying the most certain key first: item and
	 * SKU id, the item id of an item listed once, the merchant code of a listing in the
	 * shop or of one of the organisation's SKUs, and last the exact title of a listing.
	 * Empty when nothing matches, or when a key matches more than one SKU.
	 */
	@Transactional(readOnly = true)
	public Optional<ListingMatch> match(OrderLineKey line) {
		if (ListingMatch.FARMGATE_SKU_ITEM.equals(line.platformItemId()) && line.organisationId() != null) {
			UUID named;
			try {
				named = UUID.fromString(String.valueOf(line.platformSkuId()).strip());
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
			// only a SKU of the order's own organisation
			return this.skus.byId(named)
				.filter(sku -> sku.organisationId().equals(line.organisationId()))
				.map(sku -> new ListingMatch(sku.id(), null, ListingMatch.MatchedBy.FARMGATE_SKU));
		}
		if (line.shopId() != null && present(line.platformItemId())) {
			List<Listing> item = this.listings.findByItem(line.shopId(), line.platformItemId().strip());
			Optional<Listing> exact = item.stream().filter(listing -> listing.isFor(line.platformSkuId())).findFirst();
			if (exact.isPresent()) {
				return exact.map(listing -> matched(listing, ListingMatch.MatchedBy.ITEM_AND_SKU_ID));
			}
			if (onlyOneSku(item)) {
				return Optional.of(matched(item.get(0), ListingMatch.MatchedBy.ITEM_ID));
			}
		}
		if (present(line.merchantCode())) {
			String code = line.merchantCode().strip();
			if (line.shopId() != null) {
				List<Listing> byCode = this.listings.findByMerchantCode(line.shopId(), code);
				if (onlyOneSku(byCode)) {
					return Optional.of(matched(byCode.get(0), ListingMatch.MatchedBy.LISTING_MERCHANT_CODE));
				}
			}
			if (line.organisationId() != null) {
				Optional<SkuView> sku = this.skus.merchantCodeOf(line.organisationId(), code);
				if (sku.isPresent()) {
					return Optional
						.of(new ListingMatch(sku.get().id(), null, ListingMatch.MatchedBy.SKU_MERCHANT_CODE));
				}
			}
		}
		if (line.shopId() != null && present(line.title())) {
			List<Listing> byTitle = this.listings.findByTitle(line.shopId(), line.title().strip());
			if (onlyOneSku(byTitle)) {
				return Optional.of(matched(byTitle.get(0), ListingMatch.MatchedBy.TITLE));
			}
		}
		return Optional.empty();
	}

	/** {@link #match(OrderLineKey)} for a user, who must see the shop. */
	@Transactional(readOnly = true)
	public Optional<ListingMatch> match(SignedInUser user, OrderLineKey line) {
		this.scope.requireReader(user);
		ShopView shop = this.registry.shop(user, line.shopId()).orElseThrow(CatalogException::notFound);
		return match(new OrderLineKey(shop.organisationId(), shop.id(), line.platformItemId(), line.platformSkuId(),
				line.merchantCode(), line.title()));
	}

	private static boolean onlyOneSku(List<Listing> listings) {
		return !listings.isEmpty() && listings.stream().map(Listing::skuId).distinct().count() == 1;
	}

	private static ListingMatch matched(Listing listing, ListingMatch.MatchedBy by) {
		return new ListingMatch(listing.skuId(), listing.id(), by);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
