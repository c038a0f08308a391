package org.farmgate.training;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the training centre reports for a period (DOMAIN.md): person-times (人次, one per
 * attendance), trainees (people who attended at least once), and conversion — trainees
 * who opened an active shop within six months of their first session ever. A shop counts
 * when it was opened in that window and is active (open, and open 30 days or more by
 * today); trainees whose six months are not over yet may still convert and are counted
 * apart.
 */
public record TrainingFigures(LocalDate from, LocalDate to, int personTimes, int trainees, int converted,
		int stillWithinSixMonths, Set<UUID> convertedTrainees) {

	/** One attendance: who, on which day. */
	public record Attendance(UUID traineeId, LocalDate date) {
	}

	/** A shop of the organisation a trainee's entrepreneur belongs to. */
	public record ShopOpening(LocalDate openedOn, boolean active) {
	}

	/**
	 * Converted trainees as a share of the trainees whose six months are over (or who
	 * converted already): a trainee of last week has not had the time to open a shop; 0
	 * when there are none.
	 */
	public double conversion() {
		int decided = this.trainees - this.stillWithinSixMonths;
		return (decided <= 0) ? 0 : (double) this.converted / decided;
	}

	/**
	 * @param attendances every attendance ever (first sessions may precede the period)
	 * @param shops the shops of each trainee's entrepreneur's organisation
	 */
	public static TrainingFigures of(LocalDate from, LocalDate to, Collection<Attendance> attendances,
			Map<UUID, List<ShopOpening>> shops, LocalDate today) {
		Map<UUID, LocalDate> first = new HashMap<>();
		Set<UUID> trainees = new TreeSet<>();
		int personTimes = 0;
		for (Attendance attendance : attendances) {
			first.merge(attendance.traineeId(), attendance.date(), (a, b) -> a.isBefore(b) ? a : b);
			if (!attendance.date().isBefore(from) && !attendance.date().isAfter(to)) {
				personTimes++;
				trainees.add(attendance.traineeId());
			}
		}
		Set<UUID> converted = new TreeSet<>();
		int within = 0;
		for (UUID trainee : trainees) {
			LocalDate start = first.get(trainee);
			LocalDate end = start.plusMonths(6);
			boolean opened = shops.getOrDefault(trainee, List.of())
				.stream()
				.anyMatch(shop -> shop.active() && !shop.openedOn().isBefore(start) && !shop.openedOn().isAfter(end)
						&& !shop.openedOn().isAfter(today.minusDays(30)));
			if (opened) {
				converted.add(trainee);
			}
			else if (end.isAfter(today)) {
				within++;
			}
		}
		return new TrainingFigures(from, to, personTimes, trainees.size(), converted.size(), within, converted);
	}

}
