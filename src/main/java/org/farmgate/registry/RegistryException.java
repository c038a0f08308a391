package org.farmgate.registry;

/**
 * A registry change that was refused; the message is a message-bundle key that says what
 * to fix.
 */
public class RegistryException extends RuntimeException {

	RegistryException(String messageKey) {
		super(messageKey);
	}

	/** A record that does not exist within the caller's scope (or at all). */
	public static RegistryException notFound() {
		return new RegistryException("registry.error.not-found");
	}

	public static RegistryException because(String messageKey) {
		return new RegistryException(messageKey);
	}

	public String messageKey() {
		return getMessage();
	}

}
