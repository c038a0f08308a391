package org.farmgate.registry;

/**
 * What kind of organisation sells: 合作社、协会、企业、个体工商户.
 */
public enum OrganisationType {

	COOPERATIVE, ASSOCIATION, COMPANY, INDIVIDUAL_BUSINESS

}
