package org.farmgate.orders;

import java.time.ZoneId;

/**
 * Orders are dated in China Standard Time, whatever the server's zone.
 */
public final class OrderTimes {

	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private OrderTimes() {
	}

}
