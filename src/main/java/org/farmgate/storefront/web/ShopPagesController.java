package org.farmgate.storefront.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.farmgate.catalog.Availability;
import org.farmgate.catalog.Categories;
import org.farmgate.catalog.Category;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.PublicProduct;
import org.farmgate.catalog.PublicProductDetail;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.VillageView;
import org.farmgate.registry.PublicRegistry;
import org.farmgate.registry.PublicRegistry.PublicOrganisation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The read side of the county's public shop, for anyone (no sign-in): the home page,
 * search, lists by category, village and organisation, and product pages.
 */
@Controller
class ShopPagesController {

	private static final int FEATURED_PER_CATEGORY = 2;

	private static final int FEATURED = 12;

	private static final int NEWEST = 8;

	private static final int SEARCH_LIMIT = 60;

	private final ProductManagement products;

	private final Categories categories;

	private final CountyGeographyManagement geography;

	private final PublicRegistry registry;

	private final String county;

	private final org.farmgate.storefront.ReviewManagement reviews;

	ShopPagesController(ProductManagement products, Categories categories, CountyGeographyManagement geography,
			PublicRegistry registry, org.farmgate.storefront.ReviewManagement reviews,
			@Value("${farmgate.storefront.county:${farmgate.demo-county.code:520122}}") String county) {
		this.reviews = reviews;
		this.products = products;
		this.categories = categories;
		this.geography = geography;
		this.registry = registry;
		this.county = county;
	}

	@GetMapping("/shop")
	String home(Model model, Locale locale) {
		List<PublicProduct> all = this.products.publicProducts(this.county);
		Map<UUID, Availability> availability = this.products.publicAvailability(this.county);
		List<ShopProduct> cards = all.stream().map(product -> ShopProduct.of(product, availability, locale)).toList();
		Map<String, Integer> perCategory = new LinkedHashMap<>();
		List<ShopProduct> featured = new ArrayList<>();
		for (ShopProduct card : cards) {
			if (featured.size() < FEATURED && card.thumbnail() != null && card.available()
					&& perCategory.merge(card.categoryCode(), 1, Integer::sum) <= FEATURED_PER_CATEGORY) {
				featured.add(card);
			}
		}
		model.addAttribute("featured", featured);
		model.addAttribute("newest",
				this.products.newestPublic(this.county, NEWEST)
					.stream()
					.map(product -> ShopProduct.of(product, availability, locale))
					.toList());
		model.addAttribute("categoryGroups", categoryGroups(all));
		Set<UUID> villageIds = all.stream()
			.map(PublicProduct::originVillageId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		model.addAttribute("villages",
				this.geography.villages(this.county)
					.stream()
					.filter(village -> villageIds.contains(village.id()))
					.toList());
		Set<UUID> organisationIds = all.stream().map(PublicProduct::organisationId).collect(Collectors.toSet());
		model.addAttribute("organisations",
				this.registry.organisations(this.county)
					.stream()
					.filter(organisation -> organisationIds.contains(organisation.id()))
					.toList());
		return "storefront/home";
	}

	@GetMapping("/shop/search")
	String search(@RequestParam(required = false) String q, Model model, Locale locale) {
		String text = (q != null) ? q.strip() : "";
		List<PublicProduct> found = this.products.searchPublic(this.county, text, SEARCH_LIMIT);
		model.addAttribute("q", text);
		model.addAttribute("products", cards(found, locale));
		return "storefront/search";
	}

	@GetMapping("/shop/categories/{code}")
	String category(@PathVariable String code, Model model, Locale locale) {
		Category category = this.categories.find(code).orElseThrow(NotInShop::new);
		Set<String> codes = this.categories.all()
			.stream()
			.filter(candidate -> candidate.code().equals(code) || code.equals(candidate.parentCode()))
			.map(Category::code)
			.collect(Collectors.toSet());
		model.addAttribute("category", category);
		model.addAttribute("categoryName", category.name(locale));
		model.addAttribute("parent", (category.parentCode() != null)
				? this.categories.find(category.parentCode()).map(parent -> parent.name(locale)).orElse(null) : null);
		model.addAttribute("products", listed(product -> codes.contains(product.categoryCode()), locale));
		return "storefront/category";
	}

	@GetMapping("/shop/villages/{id}")
	String village(@PathVariable String id, Model model, Locale locale) {
		VillageView village = uuid(id).flatMap(uuid -> this.geography.village(this.county, uuid))
			.orElseThrow(NotInShop::new);
		model.addAttribute("village", village);
		model.addAttribute("households", this.registry.householdCount(this.county, village.id()));
		model.addAttribute("organisations",
				this.registry.organisations(this.county)
					.stream()
					.filter(organisation -> village.id().equals(organisation.villageId()))
					.toList());
		model.addAttribute("products", listed(product -> village.id().equals(product.originVillageId()), locale));
		return "storefront/village";
	}

	@GetMapping("/shop/organisations/{id}")
	String organisation(@PathVariable String id, Model model, Locale locale) {
		PublicOrganisation organisation = uuid(id).flatMap(uuid -> this.registry.organisation(this.county, uuid))
			.orElseThrow(NotInShop::new);
		model.addAttribute("organisation", organisation);
		model.addAttribute("village", (organisation.villageId() != null)
				? this.geography.village(this.county, organisation.villageId()).orElse(null) : null);
		model.addAttribute("products", listed(product -> organisation.id().equals(product.organisationId()), locale));
		return "storefront/organisation";
	}

	@GetMapping("/shop/products/{id}")
	String product(@PathVariable String id, Model model, Locale locale) {
		PublicProductDetail detail = uuid(id).flatMap(uuid -> this.products.publicProduct(this.county, uuid))
			.orElseThrow(NotInShop::new);
		PublicProduct product = detail.product();
		model.addAttribute("detail", detail);
		model.addAttribute("product", product);
		model.addAttribute("name", ShopProduct.name(product, locale));
		model.addAttribute("category",
				this.categories.find(product.categoryCode()).map(category -> category.name(locale)).orElse(null));
		model.addAttribute("village", (product.originVillageId() != null)
				? this.geography.village(this.county, product.originVillageId()).orElse(null) : null);
		model.addAttribute("organisation",
				this.registry.organisation(this.county, product.organisationId()).orElse(null));
		model.addAttribute("reviews", this.reviews.approved(product.id()));
		return "storefront/product";
	}

	private List<ShopProduct> listed(Predicate<PublicProduct> filter, Locale locale) {
		return cards(this.products.publicProducts(this.county).stream().filter(filter).toList(), locale);
	}

	private List<ShopProduct> cards(List<PublicProduct> found, Locale locale) {
		if (found.isEmpty()) {
			return List.of();
		}
		Map<UUID, Availability> availability = this.products.publicAvailability(this.county);
		return found.stream().map(product -> ShopProduct.of(product, availability, locale)).toList();
	}

	/** The top-level categories with those of their children that have products. */
	private List<CategoryGroup> categoryGroups(List<PublicProduct> all) {
		Set<String> used = all.stream()
			.map(PublicProduct::categoryCode)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		List<CategoryGroup> groups = new ArrayList<>();
		for (Category category : this.categories.all()) {
			if (category.topLevel()) {
				groups.add(new CategoryGroup(category, new ArrayList<>()));
			}
			else if (used.contains(category.code()) && !groups.isEmpty()
					&& groups.get(groups.size() - 1).category().code().equals(category.parentCode())) {
				groups.get(groups.size() - 1).children().add(category);
			}
		}
		return groups.stream().filter(group -> !group.children().isEmpty()).toList();
	}

	private static Optional<UUID> uuid(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** A top-level category and its children that have products. */
	record CategoryGroup(Category category, List<Category> children) {
	}

	/**
	 * An id that names nothing in the shop: the ordinary 404 page.
	 */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class NotInShop extends RuntimeException {

	}

}
