package org.farmgate.storefront.web;

import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.storefront.ReviewManagement;
import org.farmgate.storefront.StorefrontException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operators' moderation of buyers' reviews before they are public. */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class ReviewModerationController {

	private final ReviewManagement reviews;

	ReviewModerationController(ReviewManagement reviews) {
		this.reviews = reviews;
	}

	@GetMapping("/storefront/reviews")
	String pending(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("reviews", this.reviews.pending(user));
		return "storefront/moderation";
	}

	@PostMapping("/storefront/reviews/{id}")
	String moderate(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, @RequestParam boolean approve,
			RedirectAttributes redirect) {
		try {
			this.reviews.moderate(user, id, approve);
			redirect.addFlashAttribute("notice", approve ? "storefront.review.approved" : "storefront.review.rejected");
		}
		catch (StorefrontException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/storefront/reviews";
	}

}
