package org.farmgate.orders.channels;

/**
 * A file that is not an order export of a known platform, or files of different platforms
 * together: refused whole. The message key says what was expected.
 */
public class NotAnOrderExportException extends Exception {

	private final String fileName;

	NotAnOrderExportException(String messageKey, String fileName) {
		super(messageKey);
		this.fileName = fileName;
	}

	public String messageKey() {
		return getMessage();
	}

	public String fileName() {
		return this.fileName;
	}

}
