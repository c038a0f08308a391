package org.farmgate.registry;

/**
 * Whether a shop sells.
 */
public enum ShopStatus {

	ACTIVE, CLOSED

}
