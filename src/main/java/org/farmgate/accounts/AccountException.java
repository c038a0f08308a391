package org.farmgate.accounts;

/**
 * A change to an account that was refused; the message is a message-bundle key that says
 * what to fix.
 */
public class AccountException extends RuntimeException {

	AccountException(String messageKey) {
		super(messageKey);
	}

	public String messageKey() {
		return getMessage();
	}

}
