package org.farmgate.storefront.payment;

import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The sandbox gateway's own page, public like the shop: the amount and order number with
 * "Pay" and "Cancel"; either sends the buyer back to the shop's return page while the
 * gateway notifies the shop.
 */
@Controller
@ConditionalOnExpression(SandboxGateway.ENABLED)
class SandboxPayController {

	private final SandboxGateway gateway;

	SandboxPayController(SandboxGateway gateway) {
		this.gateway = gateway;
	}

	@GetMapping("/shop/pay/sandbox/{paymentId}")
	String page(@PathVariable UUID paymentId, Model model) {
		PaymentView payment = this.gateway.payment(paymentId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("payment", payment);
		model.addAttribute("amount", Fen.yuan(payment.amountFen()));
		model.addAttribute("open", payment.status() == PaymentStatus.PENDING && payment.buyerChoice() == null);
		return "storefront/sandbox-pay";
	}

	@PostMapping("/shop/pay/sandbox/{paymentId}")
	RedirectView choose(@PathVariable UUID paymentId, @RequestParam(required = false) String choice) {
		PaymentView payment = this.gateway.payment(paymentId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!"pay".equals(choice) && !"cancel".equals(choice)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		// a second press (another tab, a double click) changes nothing
		this.gateway.choose(paymentId, "pay".equals(choice));
		RedirectView back = new RedirectView(payment.returnUrl(), true);
		back.setExpandUriTemplateVariables(false);
		return back;
	}

}
