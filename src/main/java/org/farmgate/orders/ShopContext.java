package org.farmgate.orders;

import java.util.UUID;

import org.farmgate.registry.Platform;

/**
 * The shop orders arrive for, with what they inherit: its organisation, county and
 * platform.
 */
record ShopContext(UUID shopId, UUID organisationId, String countyCode, Platform platform) {

	/**
	 * Whether the shop takes orders of this platform (Taobao and Tmall share one export).
	 */
	boolean takes(Platform platform) {
		if (this.platform == platform) {
			return true;
		}
		return (this.platform == Platform.TMALL && platform == Platform.TAOBAO)
				|| (this.platform == Platform.TAOBAO && platform == Platform.TMALL);
	}

}
