package org.farmgate.catalog;

/**
 * Certifications of farm products: green food (绿色食品), organic (有机产品), geographical
 * indication (地理标志), pollution-free (无公害农产品).
 */
public enum CertificationKind {

	GREEN_FOOD, ORGANIC, GEOGRAPHICAL_INDICATION, POLLUTION_FREE, OTHER

}
