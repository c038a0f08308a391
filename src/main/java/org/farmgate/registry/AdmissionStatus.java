package org.farmgate.registry;

import java.util.Set;

/**
 * Where an organisation stands in the seller admission review, and which moves it allows:
 * an application is approved or rejected; a rejected organisation may apply again.
 */
public enum AdmissionStatus {

	APPLIED, APPROVED, REJECTED;

	public boolean canMoveTo(AdmissionStatus next) {
		return switch (this) {
			case APPLIED -> Set.of(APPROVED, REJECTED).contains(next);
			case REJECTED -> next == APPLIED;
			case APPROVED -> next == REJECTED;
		};
	}

}
