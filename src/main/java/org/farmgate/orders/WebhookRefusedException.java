package org.farmgate.orders;

/**
 * A webhook call whose shop, timestamp or signature is not right: answered 401 without
 * saying which.
 */
public class WebhookRefusedException extends RuntimeException {

	WebhookRefusedException() {
		super("webhook refused", null, false, false);
	}

}
