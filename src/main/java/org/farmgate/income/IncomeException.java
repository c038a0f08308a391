package org.farmgate.income;

/**
 * An income record that was refused; the message is a message-bundle key that says what
 * to fix, with its arguments.
 */
public class IncomeException extends org.farmgate.web.RefusedException {

	IncomeException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	/** A record that does not exist within the caller's scope (or at all). */
	public static IncomeException notFound() {
		return new IncomeException("income.error.not-found");
	}

	static IncomeException because(String messageKey, Object... arguments) {
		return new IncomeException(messageKey, arguments);
	}

}
