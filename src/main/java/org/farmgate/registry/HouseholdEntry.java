package org.farmgate.registry;

import java.util.UUID;

/**
 * A household as pickers, lists and roll-ups of other modules need it, without its
 * memberships: name, village, whether it is registered as disadvantaged, the phone and ID
 * number masked.
 */
public record HouseholdEntry(UUID id, String countyCode, String headName, int members, UUID villageId,
		boolean disadvantaged, String maskedPhone, String maskedNationalId) {

	/**
	 * The last four digits of the phone, for finding a farmer by them; null without one.
	 */
	public String phoneTail() {
		if (this.maskedPhone == null || this.maskedPhone.length() < 4) {
			return null;
		}
		String tail = this.maskedPhone.substring(this.maskedPhone.length() - 4);
		return tail.chars().allMatch(Character::isDigit) ? tail : null;
	}

}
