package org.farmgate.registry;

/**
 * The two sales models of the county's programme.
 */
public enum SalesModel {

	/** 农户 + 生产基地 + 网店. */
	FARMERS_FACILITIES_SHOPS,

	/** 协会 + 合作社 + 网店. */
	ASSOCIATIONS_COOPERATIVES_SHOPS

}
