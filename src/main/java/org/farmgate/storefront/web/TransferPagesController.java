package org.farmgate.storefront.web;

import java.util.UUID;

import org.farmgate.accounts.SignedInUser;
import org.farmgate.storefront.payment.PaymentException;
import org.farmgate.storefront.payment.PaymentManagement;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' list of the bank transfers the storefront waits for: one seen on the
 * county's account is confirmed here, and its orders move to paid.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
class TransferPagesController {

	private final PaymentManagement payments;

	TransferPagesController(PaymentManagement payments) {
		this.payments = payments;
	}

	@GetMapping("/storefront/transfers")
	String awaited(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("transfers", this.payments.awaitedTransfers(user));
		return "storefront/transfers";
	}

	@PostMapping("/storefront/transfers/{id}")
	String received(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			this.payments.transferReceived(user, id);
			redirect.addFlashAttribute("notice", "storefront.transfers.received");
		}
		catch (PaymentException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/storefront/transfers";
	}

}
