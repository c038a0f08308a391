package org.farmgate.training;

/**
 * A training request that was refused; the message is a message-bundle key that says what
 * to fix, with its arguments.
 */
public class TrainingException extends org.farmgate.web.RefusedException {

	TrainingException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	/** A record that does not exist within the caller's scope (or at all). */
	public static TrainingException notFound() {
		return new TrainingException("training.error.not-found");
	}

	static TrainingException because(String messageKey, Object... arguments) {
		return new TrainingException(messageKey, arguments);
	}

}
