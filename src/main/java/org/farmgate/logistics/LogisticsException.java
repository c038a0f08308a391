package org.farmgate.logistics;

/**
 * A logistics request that was refused; the message is a message-bundle key that says
 * what to fix, with its arguments.
 */
public class LogisticsException extends org.farmgate.web.RefusedException {

	LogisticsException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	/** A record that does not exist within the caller's scope (or at all). */
	public static LogisticsException notFound() {
		return new LogisticsException("logistics.error.not-found");
	}

	public static LogisticsException because(String messageKey, Object... arguments) {
		return new LogisticsException(messageKey, arguments);
	}

}
