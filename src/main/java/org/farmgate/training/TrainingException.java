package org.farmgate.training;

/**
 * A training request that was refused; the message is a message-bundle key that says what
 * to fix, with its arguments.
 */
public class TrainingException extends RuntimeException implements org.farmgate.web.Refusal {

	private final transient Object[] arguments;

	TrainingException(String messageKey, Object... arguments) {
		super(messageKey);
		this.arguments = arguments;
	}

	/** A record that does not exist within the caller's scope (or at all). */
	public static TrainingException notFound() {
		return new TrainingException("training.error.not-found");
	}

	static TrainingException because(String messageKey, Object... arguments) {
		return new TrainingException(messageKey, arguments);
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
