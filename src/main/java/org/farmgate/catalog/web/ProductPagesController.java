package org.farmgate.catalog.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.farmgate.accounts.Role;
import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.AdjustmentView;
import org.farmgate.catalog.BatchManagement;
import org.farmgate.catalog.Categories;
import org.farmgate.catalog.CatalogException;
import org.farmgate.catalog.Category;
import org.farmgate.catalog.CertificationKind;
import org.farmgate.catalog.ListingManagement;
import org.farmgate.catalog.ListingView;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.ProductView;
import org.farmgate.catalog.SkuManagement;
import org.farmgate.catalog.SkuView;
import org.farmgate.catalog.StockManagement;
import org.farmgate.catalog.StockView;
import org.farmgate.catalog.StorageClass;
import org.farmgate.catalog.Unit;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.VillageView;
import org.farmgate.registry.OrganisationView;
import org.farmgate.registry.RegistryManagement;
import org.farmgate.registry.ShopStatus;
import org.farmgate.registry.ShopView;
import org.farmgate.web.PageOf;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalog pages of products: the list (search, category, paging), a product with its
 * certifications, photos, SKUs, listings, stock and batches, and the forms that change
 * them. A merchant sees its own organisation's products; anything else is the 404 page.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT', 'ANALYST')")
class ProductPagesController {

	private final ProductManagement products;

	private final SkuManagement skus;

	private final ListingManagement listings;

	private final StockManagement stock;

	private final BatchManagement batches;

	private final Categories categories;

	private final RegistryManagement registry;

	private final CountyGeographyManagement geography;

	private final java.time.Clock clock;

	ProductPagesController(ProductManagement products, SkuManagement skus, ListingManagement listings,
			StockManagement stock, BatchManagement batches, Categories categories, RegistryManagement registry,
			CountyGeographyManagement geography, java.time.Clock clock) {
		this.clock = clock;
		this.products = products;
		this.skus = skus;
		this.listings = listings;
		this.stock = stock;
		this.batches = batches;
		this.categories = categories;
		this.registry = registry;
		this.geography = geography;
	}

	@ModelAttribute("categories")
	List<Category> categories() {
		return this.categories.all();
	}

	@ModelAttribute("storageClasses")
	StorageClass[] storageClasses() {
		return StorageClass.values();
	}

	@ModelAttribute("units")
	Unit[] units() {
		return Unit.values();
	}

	@ModelAttribute("certificationKinds")
	CertificationKind[] certificationKinds() {
		return CertificationKind.values();
	}

	@GetMapping("/catalog/products")
	String list(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "0") int page, Model model) {
		String query = q.strip().toLowerCase(Locale.ROOT);
		List<ProductView> matching = this.products.products(user)
			.stream()
			.filter(product -> query.isEmpty() || product.nameZh().toLowerCase(Locale.ROOT).contains(query)
					|| (product.nameEn() != null && product.nameEn().toLowerCase(Locale.ROOT).contains(query)))
			.filter(product -> category.isEmpty() || product.categoryCode().equals(category)
					|| product.categoryCode().startsWith(category + "."))
			.toList();
		model.addAttribute("list", PageOf.of(matching, page));
		model.addAttribute("q", q);
		model.addAttribute("category", category);
		model.addAttribute("categoryNames", categoryNames());
		return "catalog/products";
	}

	@GetMapping("/catalog/products/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String newProduct(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("form", ProductForm.empty());
		return productForm(user, null, model);
	}

	@PostMapping("/catalog/products")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String add(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") ProductForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return org.farmgate.web.FormSubmission.handle(result, redirect, "catalog.error.form-format",
				"catalog.product-added", () -> "/catalog/products/" + this.products.add(user, form.toInput()).id(),
				() -> productForm(user, null, model));
	}

	@GetMapping("/catalog/products/{id}/edit")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String edit(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		ProductView product = this.products.product(user, id).orElseThrow(NotFound::new);
		model.addAttribute("form", ProductForm.of(product));
		return productForm(user, product, model);
	}

	@PostMapping("/catalog/products/{id}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String change(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("form") ProductForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		ProductView product = this.products.product(user, id).orElseThrow(NotFound::new);
		return org.farmgate.web.FormSubmission.handle(result, redirect, "catalog.error.form-format", "catalog.saved",
				() -> {
					this.products.change(user, id, form.toInput());
					return "/catalog/products/" + id;
				}, () -> productForm(user, product, model));
	}

	@GetMapping("/catalog/products/{id}")
	String show(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		ProductView product = this.products.product(user, id).orElseThrow(NotFound::new);
		List<SkuView> skus = this.skus.skusOf(user, id);
		model.addAttribute("product", product);
		model.addAttribute("category", this.categories.find(product.categoryCode()).orElse(null));
		model.addAttribute("organisationName",
				this.registry.organisation(user, product.organisationId()).map(OrganisationView::name).orElse(null));
		model.addAttribute("villageName", villageName(product.countyCode(), product.originVillageId()));
		model.addAttribute("skus", skus);
		Map<UUID, List<ListingView>> listings = new java.util.HashMap<>();
		skus.forEach(sku -> listings.put(sku.id(), new java.util.ArrayList<>()));
		this.listings.listingsOfProduct(user, id).forEach(listing -> listings.get(listing.skuId()).add(listing));
		model.addAttribute("listings", listings);
		// the page shows each SKU's warehouse stock (stations' stock is on the stock
		// page)
		model.addAttribute("stock",
				this.stock.stockOfProduct(user, id)
					.stream()
					.filter(row -> row.locationKind() == org.farmgate.catalog.LocationKind.WAREHOUSE)
					.collect(Collectors.toMap(StockView::skuId, Function.identity())));
		List<ShopView> shops = this.registry.shopsOf(user, product.organisationId());
		model.addAttribute("shops", shops.stream().filter(shop -> shop.status() == ShopStatus.ACTIVE).toList());
		model.addAttribute("shopNames", shops.stream().collect(Collectors.toMap(ShopView::id, ShopView::name)));
		model.addAttribute("batches", this.batches.batchesOf(user, id));
		Map<UUID, List<AdjustmentView>> adjustments = new java.util.HashMap<>();
		skus.forEach(sku -> adjustments.put(sku.id(), new java.util.ArrayList<>()));
		this.stock.latestAdjustmentsOfProduct(user, id, 5)
			.forEach(adjustment -> adjustments.get(adjustment.skuId()).add(adjustment));
		model.addAttribute("adjustments", adjustments);
		model.addAttribute("mayChange", writes(user));
		model.addAttribute("today", java.time.LocalDate.now(this.clock));
		model.addAttribute("adjustmentReasons",
				java.util.Arrays.stream(org.farmgate.catalog.AdjustmentReason.values())
					.filter(reason -> reason != org.farmgate.catalog.AdjustmentReason.SHIPPED)
					.toList());
		for (String form : List.of("skuForm", "listingForm", "certificationForm", "adjustmentForm")) {
			if (!model.containsAttribute(form)) {
				model.addAttribute(form, switch (form) {
					case "skuForm" -> SkuForm.empty();
					case "listingForm" -> ListingForm.empty();
					case "certificationForm" -> CertificationForm.empty();
					default -> AdjustmentForm.empty();
				});
			}
		}
		return "catalog/product";
	}

	@PostMapping("/catalog/products/{id}/skus")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String addSku(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("skuForm") SkuForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		this.products.product(user, id).orElseThrow(NotFound::new);
		return org.farmgate.web.FormSubmission.handle(result, redirect, "catalog.error.form-format",
				"catalog.sku-added", () -> {
					this.skus.add(user, id, form.toInput());
					return "/catalog/products/" + id + "#skus";
				}, () -> show(user, id, model));
	}

	@PostMapping("/catalog/products/{id}/skus/{skuId}")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String changeSku(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable UUID skuId,
			@ModelAttribute SkuForm form, BindingResult result, RedirectAttributes redirect) {
		this.products.product(user, id).orElseThrow(NotFound::new);
		this.skus.sku(user, skuId).filter(sku -> sku.productId().equals(id)).orElseThrow(NotFound::new);
		if (result.hasErrors()) {
			redirect.addFlashAttribute("problem", "catalog.error.form-format");
		}
		else {
			try {
				this.skus.change(user, skuId, form.toInput());
				redirect.addFlashAttribute("notice", "catalog.saved");
			}
			catch (CatalogException ex) {
				redirect.addFlashAttribute("problem", ex.messageKey());
				redirect.addFlashAttribute("problemArguments", ex.arguments());
			}
		}
		return "redirect:/catalog/products/" + id + "#sku-" + skuId;
	}

	@PostMapping("/catalog/products/{id}/listings")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String list(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("listingForm") ListingForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		this.products.product(user, id).orElseThrow(NotFound::new);
		return org.farmgate.web.FormSubmission.handle(result, redirect, "catalog.error.form-format", "catalog.listed",
				() -> {
					this.listings.list(user, form.toInput());
					return "/catalog/products/" + id + "#skus";
				}, () -> show(user, id, model));
	}

	@PostMapping("/catalog/products/{id}/listings/{listingId}/delete")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String unlist(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable UUID listingId,
			RedirectAttributes redirect) {
		return removed(user, id, redirect, "catalog.unlisted", "#skus", () -> this.listings.unlist(user, listingId));
	}

	@PostMapping("/catalog/products/{id}/stock")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String adjust(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("adjustmentForm") AdjustmentForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		this.products.product(user, id).orElseThrow(NotFound::new);
		return org.farmgate.web.FormSubmission.handle(result, redirect, "catalog.error.form-format",
				"catalog.stock-adjusted", () -> {
					this.stock.adjustAndWarn(user, form.toInput(), form.lowThreshold());
					return "/catalog/products/" + id + "#skus";
				}, () -> show(user, id, model));
	}

	@PostMapping("/catalog/products/{id}/certifications")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String certify(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@ModelAttribute("certificationForm") CertificationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		this.products.product(user, id).orElseThrow(NotFound::new);
		return org.farmgate.web.FormSubmission.handle(result, redirect, "catalog.error.form-format", "catalog.saved",
				() -> {
					this.products.certify(user, id, form.toCertification());
					return "/catalog/products/" + id + "#certifications";
				}, () -> show(user, id, model));
	}

	@PostMapping("/catalog/products/{id}/certifications/{index}/delete")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String withdraw(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable int index,
			RedirectAttributes redirect) {
		return removed(user, id, redirect, "catalog.saved", "#certifications",
				() -> this.products.withdrawCertification(user, id, index));
	}

	@PostMapping("/catalog/products/{id}/photos")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String upload(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id,
			@RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes redirect)
			throws IOException {
		this.products.product(user, id).orElseThrow(NotFound::new);
		if (photo != null && org.farmgate.uploads.UploadSize.tooLarge(photo.getSize())) {
			// refused before its bytes are read into memory
			redirect.addFlashAttribute("problem", "catalog.error.photo-too-large");
			return "redirect:/catalog/products/" + id + "#photos";
		}
		try {
			this.products.addPhoto(user, id, (photo != null) ? photo.getBytes() : null);
			redirect.addFlashAttribute("notice", "catalog.photo-added");
		}
		catch (CatalogException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/catalog/products/" + id + "#photos";
	}

	@PostMapping("/catalog/products/{id}/photos/{photoId}/delete")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String removePhoto(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @PathVariable UUID photoId,
			RedirectAttributes redirect) {
		return removed(user, id, redirect, "catalog.photo-removed", "#photos",
				() -> this.products.removePhoto(user, id, photoId));
	}

	/**
	 * Removes something of a product the user sees (a listing, a certification, a photo):
	 * back to the product with a notice; something that is not there is the 404 page.
	 */
	private String removed(SignedInUser user, UUID id, RedirectAttributes redirect, String notice, String anchor,
			Runnable removal) {
		this.products.product(user, id).orElseThrow(NotFound::new);
		try {
			removal.run();
		}
		catch (CatalogException ex) {
			throw new NotFound();
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/catalog/products/" + id + anchor;
	}

	private String productForm(SignedInUser user, ProductView product, Model model) {
		model.addAttribute("product", product);
		model.addAttribute("villages", this.geography.villages(user.scope().countyCode()));
		model.addAttribute("organisations",
				(user.role() == Role.MERCHANT) ? List.of() : this.registry.organisations(user)
					.stream()
					.filter(organisation -> organisation.admission() == org.farmgate.registry.AdmissionStatus.APPROVED)
					.toList());
		return "catalog/product-form";
	}

	private Map<String, String> categoryNames() {
		Locale locale = LocaleContextHolder.getLocale();
		return this.categories.all().stream().collect(Collectors.toMap(Category::code, c -> c.name(locale)));
	}

	private String villageName(String county, UUID villageId) {
		return (villageId == null) ? null
				: this.geography.village(county, villageId)
					.map((VillageView village) -> village.townshipName() + " " + village.name())
					.orElse(null);
	}

	private static boolean writes(SignedInUser user) {
		return user.role() == Role.OPERATOR || user.role() == Role.ADMIN || user.role() == Role.MERCHANT;
	}

	/**
	 * A record that does not exist in the user's scope: the 404 page.
	 */
	@ResponseStatus(HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

	}

}
