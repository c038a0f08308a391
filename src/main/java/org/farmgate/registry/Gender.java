package org.farmgate.registry;

/**
 * An entrepreneur's gender, as the county's statistics count it.
 */
public enum Gender {

	FEMALE, MALE, OTHER

}
