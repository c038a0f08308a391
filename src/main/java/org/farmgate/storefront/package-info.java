/**
 * Storefront: the county's own public shop (platform LOCAL), no sign-in. Browsing the
 * county's products by category, village and organisation, search by name (a trigram
 * index), product pages with their origin and latest batch; a guest's cart kept across
 * visits, checkout with the address resolved live and the shipping fee from the county's
 * rates, payment through providers (cash on delivery, bank transfer, an online gateway
 * sandbox); the orders join the organisations' inboxes as LOCAL orders with stock
 * reserved like any other channel; order tracking by order number and phone
 * (rate-limited); buyers' reviews of delivered lines, moderated by operators. Owns the
 * {@code storefront_*} tables.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "accounts", "registry", "catalog", "geo", "orders", "logistics", "web" })
package org.farmgate.storefront;
