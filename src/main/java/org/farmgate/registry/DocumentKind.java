package org.farmgate.registry;

/**
 * The kinds of document an admission application names: the business licence (营业执照), food
 * production or food business licences (食品生产许可证 / 食品经营许可证), the legal representative's
 * identity document, a trademark registration, a quality certificate.
 */
public enum DocumentKind {

	BUSINESS_LICENCE, FOOD_PRODUCTION_LICENCE, FOOD_BUSINESS_LICENCE, LEGAL_REPRESENTATIVE_ID, TRADEMARK_REGISTRATION,
	QUALITY_CERTIFICATE, OTHER

}
