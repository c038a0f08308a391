package org.farmgate.catalog.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.catalog.BatchManagement;
import org.farmgate.catalog.BatchView;
import org.farmgate.catalog.CatalogException;
import org.farmgate.catalog.ProductManagement;
import org.farmgate.catalog.ProductView;
import org.farmgate.catalog.Unit;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.registry.HouseholdManagement;
import org.farmgate.registry.HouseholdView;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The batch pages: the list, the form that records a batch with its supplying households,
 * and a batch with its trace code, QR code and link to the public page.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT', 'ANALYST')")
class BatchPagesController {

	private final BatchManagement batches;

	private final ProductManagement products;

	private final HouseholdManagement households;

	private final CountyGeographyManagement geography;

	private final Clock clock;

	BatchPagesController(BatchManagement batches, ProductManagement products, HouseholdManagement households,
			CountyGeographyManagement geography, Clock clock) {
		this.batches = batches;
		this.products = products;
		this.households = households;
		this.geography = geography;
		this.clock = clock;
	}

	@GetMapping("/catalog/batches")
	String list(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("batches", this.batches.batches(user));
		model.addAttribute("productNames", productNames(user));
		return "catalog/batches";
	}

	@GetMapping("/catalog/batches/new")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String newBatch(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) UUID productId,
			Model model) {
		model.addAttribute("form", BatchForm.empty(productId, LocalDate.now(this.clock)));
		return batchForm(user, model);
	}

	@PostMapping("/catalog/batches")
	@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN', 'MERCHANT')")
	String record(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") BatchForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		return org.farmgate.web.FormSubmission.handle(result, redirect, "catalog.error.form-format",
				"catalog.batch-recorded", () -> "/catalog/batches/" + this.batches.record(user, form.toInput()).id(),
				() -> batchForm(user, model));
	}

	@GetMapping("/catalog/batches/{id}")
	String show(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, Model model) {
		BatchView batch = this.batches.batch(user, id).orElseThrow(ProductPagesController.NotFound::new);
		ProductView product = this.products.product(user, batch.productId())
			.orElseThrow(ProductPagesController.NotFound::new);
		Map<UUID, HouseholdView> suppliers = batch.suppliers()
			.stream()
			.map(supplier -> this.households.household(user, supplier.householdId()).orElse(null))
			.filter(household -> household != null)
			.collect(Collectors.toMap(HouseholdView::id, household -> household, (a, b) -> a));
		model.addAttribute("batch", batch);
		model.addAttribute("product", product);
		model.addAttribute("suppliers", suppliers);
		model.addAttribute("villageName",
				(batch.villageId() == null) ? null
						: this.geography.village(product.countyCode(), batch.villageId())
							.map(village -> village.townshipName() + " " + village.name())
							.orElse(null));
		return "catalog/batch";
	}

	private String batchForm(SignedInUser user, Model model) {
		model.addAttribute("productChoices", this.products.products(user));
		model.addAttribute("householdChoices", this.households.households(user));
		model.addAttribute("villages", this.geography.villages(user.scope().countyCode()));
		model.addAttribute("units", Unit.values());
		model.addAttribute("supplierRows", BatchForm.SUPPLIER_ROWS);
		return "catalog/batch-form";
	}

	private Map<UUID, String> productNames(SignedInUser user) {
		List<ProductView> all = this.products.products(user);
		return all.stream().collect(Collectors.toMap(ProductView::id, ProductView::nameZh));
	}

}
