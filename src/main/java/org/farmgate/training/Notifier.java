package org.farmgate.training;

/**
 * Sends a short message to a phone (an SMS gateway in production): the extension point
 * for verification codes and waiting-list promotions. The default writes to the log.
 */
public interface Notifier {

	/**
	 * Sends the text to the phone number.
	 * @param phone the full number (an implementation must not log it in full)
	 * @param text what to send
	 */
	void send(String phone, String text);

}
