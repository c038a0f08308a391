package org.farmgate.logistics;

/**
 * A logistics request that was refused; the message is a message-bundle key that says
 * what to fix, with its arguments.
 */
public class LogisticsException extends RuntimeException implements org.farmgate.web.Refusal {

	private final transient Object[] arguments;

	LogisticsException(String messageKey, Object... arguments) {
		super(messageKey);
		this.arguments = arguments;
	}

	/** A record that does not exist within the caller's scope (or at all). */
	public static LogisticsException notFound() {
		return new LogisticsException("logistics.error.not-found");
	}

	public static LogisticsException because(String messageKey, Object... arguments) {
		return new LogisticsException(messageKey, arguments);
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
