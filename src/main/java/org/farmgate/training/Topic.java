package org.farmgate.training;

/**
 * What a course teaches: the six workshops of the operations centre, and live-streaming
 * sales, customer service and product photography.
 */
public enum Topic {

	PRODUCT_PRESENTATION, COMMUNICATION_PR, MARKET_RESEARCH, ONLINE_PRODUCT_DEVELOPMENT, BRANDING, MARKETING_PLANNING,
	LIVE_STREAMING, CUSTOMER_SERVICE, PRODUCT_PHOTOGRAPHY

}
