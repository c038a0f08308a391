package org.farmgate.storefront;

/**
 * A storefront request that was refused; the message is a message-bundle key that says
 * what to fix, with its arguments.
 */
public class StorefrontException extends org.farmgate.web.RefusedException {

	StorefrontException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	public static StorefrontException notFound() {
		return new StorefrontException("storefront.error.not-found");
	}

	public static StorefrontException because(String messageKey, Object... arguments) {
		return new StorefrontException(messageKey, arguments);
	}

}
