package org.farmgate.storefront.payment;

import java.math.BigDecimal;

/**
 * Amounts in fen shown in yuan.
 */
final class Fen {

	private Fen() {
	}

	/** The amount in yuan with two decimals and no grouping, e.g. {@code 1234.50}. */
	static String yuan(long fen) {
		return BigDecimal.valueOf(fen, 2).toPlainString();
	}

}
