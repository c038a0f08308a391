package org.farmgate.storefront.payment;

/**
 * An adapter for one way to pay. Providers are Spring beans; {@link PaymentManagement}
 * records the payment and then asks the provider of its method to start it.
 */
public interface PaymentProvider {

	PaymentMethod method();

	/** Starts collecting a payment already recorded with status {@code PENDING}. */
	Started start(PaymentRequest request);

}
