package org.farmgate.storefront.web;

import jakarta.servlet.http.HttpServletRequest;

import org.farmgate.storefront.CartManagement;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The shop bar's cart count on every storefront page. */
@ControllerAdvice(basePackageClasses = ShopBarAdvice.class)
class ShopBarAdvice {

	private final CartManagement carts;

	ShopBarAdvice(CartManagement carts) {
		this.carts = carts;
	}

	@ModelAttribute("cartCount")
	int cartCount(HttpServletRequest request) {
		return this.carts.units(CartCookie.of(request));
	}

}
