package org.farmgate.registry.web;

import java.time.LocalDate;
import java.util.UUID;

import org.farmgate.registry.Platform;
import org.farmgate.registry.ShopInput;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form of a new shop.
 */
record ShopForm(Platform platform, String name, String platformShopId, String url,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn) {

	static ShopForm empty() {
		return new ShopForm(Platform.TAOBAO, "", "", "", null);
	}

	ShopInput toInput(UUID organisationId) {
		return new ShopInput(organisationId, this.platform, this.name, this.platformShopId, this.url, this.openedOn);
	}

}
