package org.farmgate.orders;

/**
 * An orders request that was refused; the message is a message-bundle key that says what
 * to fix, with its arguments.
 */
public class OrderException extends org.farmgate.web.RefusedException {

	OrderException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	/** A record that does not exist within the caller's scope (or at all). */
	public static OrderException notFound() {
		return new OrderException("orders.error.not-found");
	}

	public static OrderException because(String messageKey, Object... arguments) {
		return new OrderException(messageKey, arguments);
	}

}
