package org.farmgate.catalog;

/**
 * A catalog change that was refused; the message is a message-bundle key that says what
 * to fix, with its arguments.
 */
public class CatalogException extends RuntimeException implements org.farmgate.web.Refusal {

	private final transient Object[] arguments;

	protected CatalogException(String messageKey, Object... arguments) {
		super(messageKey);
		this.arguments = arguments;
	}

	/** A record that does not exist within the caller's scope (or at all). */
	public static CatalogException notFound() {
		return new CatalogException("catalog.error.not-found");
	}

	public static CatalogException because(String messageKey, Object... arguments) {
		return new CatalogException(messageKey, arguments);
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
