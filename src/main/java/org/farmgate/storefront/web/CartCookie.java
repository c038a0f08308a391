package org.farmgate.storefront.web;

import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;

/**
 * The cookie that keeps a guest's cart across visits: the cart's random id, for 90 days,
 * HttpOnly, SameSite=Lax, Secure on HTTPS.
 */
final class CartCookie {

	static final String NAME = "fg_cart";

	private CartCookie() {
	}

	static UUID of(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName())) {
				try {
					return UUID.fromString(cookie.getValue());
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}
		}
		return null;
	}

	static void keep(HttpServletRequest request, HttpServletResponse response, UUID cart) {
		response.addHeader("Set-Cookie",
				ResponseCookie.from(NAME, cart.toString())
					.path("/shop")
					.maxAge(Duration.ofDays(90))
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Lax")
					.build()
					.toString());
	}

}
