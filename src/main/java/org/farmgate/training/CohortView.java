package org.farmgate.training;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A named group of trainees (the online-marketing specialists), each with their progress:
 * sessions attended, hours, certificates, and whether they opened a shop.
 */
public record CohortView(UUID id, String name, String description, List<Member> members) {

	/** A member's progress. */
	public record Member(TraineeView trainee, int sessionsAttended, BigDecimal hours, int certificates,
			boolean openedShop) {
	}

}
