package org.farmgate.statistics;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.farmgate.catalog.Categories;
import org.farmgate.catalog.Category;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.PublicProduct;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.Division;
import org.farmgate.geo.Divisions;
import org.farmgate.geo.VillageView;
import org.farmgate.registry.PublicRegistry;

import org.springframework.stereotype.Component;

/**
 * The names figures are shown with (divisions, villages, organisations, products,
 * categories), read through the other modules' public APIs: names only, never a figure.
 * Organisations are named only when approved (public), so a view never shows a name the
 * public registry would not.
 */
@Component
public class Labels {

	private final Divisions divisions;

	private final CountyGeographyManagement geography;

	private final PublicRegistry registry;

	private final ProductManagement products;

	private final Categories categories;

	Labels(Divisions divisions, CountyGeographyManagement geography, PublicRegistry registry,
			ProductManagement products, Categories categories) {
		this.divisions = divisions;
		this.geography = geography;
		this.registry = registry;
		this.products = products;
		this.categories = categories;
	}

	/**
	 * The names of the villages, organisations and products of an area: of the county, or
	 * of every county of the city (a code ending in 00).
	 */
	public Names of(String area, Locale locale) {
		if (!area.endsWith("00")) {
			return county(area, locale);
		}
		Map<String, String> names = new HashMap<>();
		for (Division county : this.divisions.children(area)) {
			names.putAll(county(county.code(), locale).byId());
		}
		return new Names(names);
	}

	private Names county(String countyCode, Locale locale) {
		Map<String, String> names = new HashMap<>();
		for (VillageView village : this.geography.villages(countyCode)) {
			names.put(village.id().toString(), village.townshipName() + " " + village.name());
		}
		for (PublicRegistry.PublicOrganisation organisation : this.registry.organisations(countyCode)) {
			names.put(organisation.id().toString(), organisation.name());
		}
		for (PublicProduct product : this.products.publicProducts(countyCode)) {
			String name = "en".equals(locale.getLanguage()) ? product.nameEn()
					: "fr".equals(locale.getLanguage()) ? product.nameFr() : null;
			names.put(product.id().toString(), (name != null && !name.isBlank()) ? name : product.nameZh());
		}
		return new Names(names);
	}

	/** The name of a division code (a province, city-level or county-level unit). */
	public String division(String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		return this.divisions.byCode(code).map(Division::name).orElse(code);
	}

	/** The name of a catalog category in the reader's language. */
	public String category(String code, Locale locale) {
		return this.categories.find(code).map((Category category) -> category.name(locale)).orElse(code);
	}

	/** Names by id (as text): villages, organisations and products. */
	public record Names(Map<String, String> byId) {

		/** The name of an id, or a short form of the id when it has none to show. */
		public String of(String id) {
			if (id == null || id.isEmpty()) {
				return "—";
			}
			String name = this.byId.get(id);
			return (name != null) ? name : "#" + id.substring(0, Math.min(8, id.length()));
		}

		public String of(UUID id) {
			return (id != null) ? of(id.toString()) : "—";
		}

	}

}
