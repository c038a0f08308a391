package org.farmgate.catalog;

/**
 * How a product must be kept: at room temperature, chilled (0–8 °C) or frozen.
 */
public enum StorageClass {

	AMBIENT, CHILLED, FROZEN

}
