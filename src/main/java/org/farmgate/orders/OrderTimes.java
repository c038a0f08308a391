package org.farmgate.orders;

import java.time.ZoneId;

/**
 * Orders are dated in China Standard Time, whatever the server's zone.
 */
final class OrderTimes {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private OrderTimes() {
	}

}
