package org.farmgate.orders;

/**
 * Why an order is held in the exception queue while its status stays what the platform
 * says: stock could not be reserved, a line matches no SKU, the address does not resolve,
 * or the platform locked it. A held order cannot be shipped until every reason is
 * cleared.
 */
public enum HoldReason {

	OVERSOLD, UNMATCHED_LINE, ADDRESS_UNRESOLVED, PLATFORM_LOCKED

}
