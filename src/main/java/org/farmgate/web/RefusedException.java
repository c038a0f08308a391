package org.farmgate.web;

/**
 * The base of the modules' refusals (catalog, income, training, logistics, orders): the
 * exception's message is the message-bundle key that says what to fix, kept with its
 * arguments.
 */
public abstract class RefusedException extends RuntimeException implements Refusal {

	private final transient Object[] arguments;

	protected RefusedException(String messageKey, Object... arguments) {
		super(messageKey);
		this.arguments = (arguments != null) ? arguments : new Object[0];
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
