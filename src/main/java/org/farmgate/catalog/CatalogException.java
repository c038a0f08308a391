package org.farmgate.catalog;

/**
 * A catalog change that was refused; the message is a message-bundle key that says what
 * to fix, with its arguments.
 */
public class CatalogException extends org.farmgate.web.RefusedException {

	protected CatalogException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

	/** A record that does not exist within the caller's scope (or at all). */
	public static CatalogException notFound() {
		return new CatalogException("catalog.error.not-found");
	}

	public static CatalogException because(String messageKey, Object... arguments) {
		return new CatalogException(messageKey, arguments);
	}

}
