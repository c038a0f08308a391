package org.farmgate.registry;

/**
 * A person's phone number as pages and the API show it: masked, never in full.
 */
public final class PhoneNumber {

	private PhoneNumber() {
	}

	/**
	 * The number with all but a few digits hidden: 138****5678, or *****32 for a short
	 * one.
	 */
	public static String masked(String phone) {
		if (phone == null) {
			return null;
		}
		if (phone.length() < 11) {
			// a short (landline) number: no more than its last two digits
			return "*".repeat(Math.max(4, phone.length() - 2)) + phone.substring(Math.max(0, phone.length() - 2));
		}
		return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
	}

}
