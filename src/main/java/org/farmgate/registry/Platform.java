package org.farmgate.registry;

/**
 * The marketplaces a shop can be on; LOCAL is the county's own storefront.
 */
public enum Platform {

	TAOBAO, TMALL, JD, SUNING, PINDUODUO, DOUYIN, LOCAL, OTHER

}
