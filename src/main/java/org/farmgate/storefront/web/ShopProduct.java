package org.farmgate.storefront.web;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.farmgate.catalog.Availability;
import org.farmgate.catalog.PublicProduct;

/**
 * A product as the shop's lists show it: its name in the buyer's language, the thumbnail
 * of its first photo (may be absent), its lowest price and whether any SKU can be bought.
 */
record ShopProduct(UUID id, String name, String categoryCode, String thumbnail, BigDecimal fromPrice,
		boolean available) {

	static ShopProduct of(PublicProduct product, Map<UUID, Availability> availability, Locale locale) {
		String photo = product.photos().isEmpty() ? null
				: product.photos().get(0).replaceAll("\\.jpg$", "/thumbnail.jpg");
		BigDecimal from = product.skus()
			.stream()
			.map(PublicProduct.Offer::price)
			.filter(Objects::nonNull)
			.min(Comparator.naturalOrder())
			.orElse(null);
		boolean available = product.skus()
			.stream()
			.anyMatch(sku -> availability.getOrDefault(sku.id(), Availability.OUT) != Availability.OUT);
		return new ShopProduct(product.id(), name(product, locale), product.categoryCode(), photo, from, available);
	}

	/** The product's name in the language of the locale, else its Chinese name. */
	static String name(PublicProduct product, Locale locale) {
		String name = switch (locale.getLanguage()) {
			case "en" -> product.nameEn();
			case "fr" -> product.nameFr();
			default -> null;
		};
		return (name == null || name.isBlank()) ? product.nameZh() : name;
	}

}
