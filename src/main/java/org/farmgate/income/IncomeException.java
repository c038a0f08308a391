package org.farmgate.income;

/**
 * An income record that was refused; the message is a message-bundle key that says what
 * to fix, with its arguments.
 */
public class IncomeException extends RuntimeException implements org.farmgate.web.Refusal {

	private final transient Object[] arguments;

	IncomeException(String messageKey, Object... arguments) {
		super(messageKey);
		this.arguments = arguments;
	}

	/** A record that does not exist within the caller's scope (or at all). */
	public static IncomeException notFound() {
		return new IncomeException("income.error.not-found");
	}

	static IncomeException because(String messageKey, Object... arguments) {
		return new IncomeException(messageKey, arguments);
	}

	@Override
	public String messageKey() {
		return getMessage();
	}

	@Override
	public Object[] arguments() {
		return this.arguments.clone();
	}

}
