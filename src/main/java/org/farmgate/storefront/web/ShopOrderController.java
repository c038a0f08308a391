package org.farmgate.storefront.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.farmgate.storefront.CartManagement;
import org.farmgate.storefront.CheckoutInput;
import org.farmgate.storefront.CheckoutManagement;
import org.farmgate.storefront.OrderTracking;
import org.farmgate.storefront.Placed;
import org.farmgate.storefront.Quote;
import org.farmgate.storefront.ReviewManagement;
import org.farmgate.storefront.StorefrontException;
import org.farmgate.storefront.TrackedOrder;
import org.farmgate.storefront.payment.PaymentMethod;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buyer's side of the storefront: the cart (kept by a cookie), checkout with the
 * address checked as it is typed and the shipping fee shown, the confirmation, order
 * tracking by number and phone, and reviews of delivered lines.
 */
@Controller
class ShopOrderController {

	/**
	 * The session attribute that remembers the orders a buyer found (for reviewing them).
	 */
	static final String FOUND = "storefront.found-orders";

	private final CartManagement carts;

	private final CheckoutManagement checkouts;

	private final OrderTracking tracking;

	private final ReviewManagement reviews;

	private final org.farmgate.storefront.payment.PaymentManagement payments;

	ShopOrderController(CartManagement carts, CheckoutManagement checkouts, OrderTracking tracking,
			ReviewManagement reviews, org.farmgate.storefront.payment.PaymentManagement payments) {
		this.payments = payments;
		this.carts = carts;
		this.checkouts = checkouts;
		this.tracking = tracking;
		this.reviews = reviews;
	}

	@PostMapping("/shop/cart/lines")
	String add(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) UUID skuId,
			@RequestParam(defaultValue = "1") String quantity, RedirectAttributes redirect) {
		try {
			if (skuId == null) {
				throw StorefrontException.because("storefront.cart.not-sold");
			}
			UUID cart = this.carts.add(CartCookie.of(request), skuId, units(quantity));
			CartCookie.keep(request, response, cart);
			redirect.addFlashAttribute("notice", "storefront.cart.added");
		}
		catch (StorefrontException ex) {
			refused(redirect, ex);
		}
		return "redirect:/shop/cart";
	}

	@PostMapping("/shop/cart/lines/{skuId}")
	String change(HttpServletRequest request, @PathVariable UUID skuId,
			@RequestParam(defaultValue = "0") String quantity, RedirectAttributes redirect) {
		try {
			this.carts.change(CartCookie.of(request), skuId, units(quantity));
		}
		catch (StorefrontException ex) {
			refused(redirect, ex);
		}
		return "redirect:/shop/cart";
	}

	@GetMapping("/shop/cart")
	String cart(HttpServletRequest request, Model model) {
		model.addAttribute("cart", this.carts.cart(CartCookie.of(request)));
		return "storefront/cart";
	}

	@GetMapping("/shop/checkout")
	String checkoutPage(HttpServletRequest request, Model model) {
		UUID cart = CartCookie.of(request);
		if (this.carts.cart(cart).isEmpty()) {
			return "redirect:/shop/cart";
		}
		model.addAttribute("quote", this.checkouts.quote(cart, null));
		model.addAttribute("requestId", UUID.randomUUID());
		model.addAttribute("methods", PaymentMethod.values());
		return "storefront/checkout";
	}

	/** The price and the address check as the buyer types (htmx, a fragment). */
	@GetMapping("/shop/checkout/quote")
	String quote(HttpServletRequest request, @RequestParam(required = false) String address, Model model) {
		String typed = (address != null && address.length() > 200) ? address.substring(0, 200) : address;
		model.addAttribute("quote", this.checkouts.quote(CartCookie.of(request), typed));
		return "storefront/checkout :: quote";
	}

	@PostMapping("/shop/checkout")
	String checkout(HttpServletRequest request, @RequestParam(required = false) String recipientName,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String address,
			@RequestParam(required = false) String message, @RequestParam(required = false) String payment,
			@RequestParam(required = false) UUID requestId, @RequestParam(required = false) String seenTotal,
			Model model, RedirectAttributes redirect) {
		UUID cart = CartCookie.of(request);
		PaymentMethod method = java.util.Arrays.stream(PaymentMethod.values())
			.filter(known -> known.name().equals(payment))
			.findFirst()
			.orElse(null);
		try {
			Placed placed = this.checkouts.checkout(cart,
					new CheckoutInput(recipientName, phone, address, message, method, requestId, seenTotal));
			remember(request.getSession(), placed.orderNos());
			if (placed.payment() != null && placed.payment().redirectUrl() != null) {
				return "redirect:" + placed.payment().redirectUrl();
			}
			if (placed.payment() != null && placed.payment().instructions() != null) {
				redirect.addFlashAttribute("instructions", placed.payment().instructions());
			}
			return "redirect:/shop/checkouts/" + placed.checkoutId();
		}
		catch (org.farmgate.web.RefusedException ex) {
			model.addAttribute("problem", ex.messageKey());
			model.addAttribute("problemArguments", ex.arguments());
		}
		Quote quote = this.checkouts.quote(cart, address);
		if (quote.cart().isEmpty()) {
			return "redirect:/shop/cart";
		}
		model.addAttribute("quote", quote);
		model.addAttribute("requestId", UUID.randomUUID());
		model.addAttribute("methods", PaymentMethod.values());
		model.addAttribute("entered", new CheckoutInput(recipientName, phone, address, message, method, null, null));
		return "storefront/checkout";
	}

	@GetMapping("/shop/checkouts/{id}")
	String placed(@PathVariable UUID id, HttpSession session, Model model) {
		Placed placed = this.checkouts.placed(id).orElseThrow(NotFound::new);
		// the confirmation's address is the buyer's secret: it opens tracking without the
		// phone, so guesses by others on the order number never lock the buyer out
		remember(session, placed.orderNos());
		model.addAttribute("placed", placed);
		this.payments.paymentOfCheckout(id).ifPresent(payment -> model.addAttribute("payment", payment));
		return "storefront/placed";
	}

	@GetMapping("/shop/track")
	String trackPage(@RequestParam(required = false) String orderNo, HttpSession session, Model model) {
		if (orderNo != null && found(session).contains(orderNo)) {
			this.tracking.again(orderNo).ifPresent(order -> model.addAttribute("order", order));
		}
		return "storefront/track";
	}

	@PostMapping("/shop/track")
	String track(HttpServletRequest request, @RequestParam(required = false) String orderNo,
			@RequestParam(required = false) String phone, Model model) {
		try {
			java.util.Optional<TrackedOrder> order = this.tracking.find(request.getRemoteAddr(), orderNo, phone);
			if (order.isPresent()) {
				remember(request.getSession(), List.of(order.get().orderNo()));
				return "redirect:/shop/track?orderNo=" + order.get().orderNo();
			}
			model.addAttribute("problem", "storefront.track.not-found");
		}
		catch (StorefrontException ex) {
			model.addAttribute("problem", ex.messageKey());
		}
		model.addAttribute("orderNo", orderNo);
		return "storefront/track";
	}

	@PostMapping("/shop/reviews")
	String review(HttpSession session, @RequestParam String orderNo, @RequestParam String lineKey,
			@RequestParam(defaultValue = "0") int rating, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		if (!found(session).contains(orderNo)) {
			return "redirect:/shop/track";
		}
		try {
			this.reviews.review(orderNo, lineKey, rating, text);
			redirect.addFlashAttribute("notice", "storefront.review.thanks");
		}
		catch (StorefrontException ex) {
			refused(redirect, ex);
		}
		return "redirect:/shop/track?orderNo=" + orderNo;
	}

	@SuppressWarnings("unchecked")
	private static List<String> found(HttpSession session) {
		Object found = session.getAttribute(FOUND);
		return (found instanceof List<?> list) ? (List<String>) list : List.of();
	}

	private static void remember(HttpSession session, List<String> orderNos) {
		List<String> found = new ArrayList<>(found(session));
		orderNos.stream().filter(no -> !found.contains(no)).forEach(found::add);
		session.setAttribute(FOUND, List.copyOf(found.subList(Math.max(0, found.size() - 20), found.size())));
	}

	private static int units(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (RuntimeException ex) {
			throw StorefrontException.because("storefront.cart.quantity", 99);
		}
	}

	private static void refused(RedirectAttributes redirect, StorefrontException ex) {
		redirect.addFlashAttribute("problem", ex.messageKey());
		if (ex.arguments().length > 0) {
			redirect.addFlashAttribute("problemArguments", ex.arguments());
		}
	}

	/** An unknown checkout: the ordinary 404 page. */
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class NotFound extends RuntimeException {

		NotFound() {
			super("not found", null, false, false);
		}

	}

}
