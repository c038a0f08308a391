package org.farmgate.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.farmgate.training.TrainingFigures.Attendance;
import org.farmgate.training.TrainingFigures.ShopOpening;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The training centre's figures on hand-built attendance and shops (DOMAIN.md):
 * person-times count attendances, trainees count people, and conversion counts trainees
 * who opened an active shop (open, and for 30 days or more) within six months of their
 * first session ever.
 */
class TrainingFiguresTests {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

	private static final LocalDate FROM = LocalDate.of(2025, 1, 1);

	private static final LocalDate TO = LocalDate.of(2025, 6, 30);

	private final List<Attendance> attendances = new ArrayList<>();

	private UUID attended(LocalDate... days) {
		UUID trainee = UUID.randomUUID();
		for (LocalDate day : days) {
			this.attendances.add(new Attendance(trainee, day));
		}
		return trainee;
	}

	private TrainingFigures figures(Map<UUID, List<ShopOpening>> shops) {
		return TrainingFigures.of(FROM, TO, this.attendances, shops, TODAY);
	}

	private static ShopOpening open(LocalDate on) {
		return new ShopOpening(on, true);
	}

	// person-times and trainees

	@Test
	void onePersonAttendingTwiceIsTwoPersonTimesAndOneTrainee() {
		attended(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 3, 10));

		TrainingFigures figures = figures(Map.of());

		assertThat(figures.personTimes()).isEqualTo(2);
		assertThat(figures.trainees()).isEqualTo(1);
	}

	@Test
	void traineesAreDistinctPeopleAndPersonTimesEveryAttendance() {
		attended(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 3, 10), LocalDate.of(2025, 4, 10));
		attended(LocalDate.of(2025, 2, 10));
		attended(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 5, 1));

		TrainingFigures figures = figures(Map.of());

		assertThat(figures.personTimes()).isEqualTo(6);
		assertThat(figures.trainees()).isEqualTo(3);
	}

	@Test
	void attendancesOutsideThePeriodAreNotPersonTimesOfIt() {
		attended(LocalDate.of(2024, 12, 31), FROM, TO, LocalDate.of(2025, 7, 1));
		attended(LocalDate.of(2024, 11, 5));

		TrainingFigures figures = figures(Map.of());

		assertThat(figures.personTimes()).as("both ends of the period are included, nothing outside").isEqualTo(2);
		assertThat(figures.trainees()).as("who attended only before the period is not a trainee of it").isEqualTo(1);
	}

	@Test
	void withoutAnyAttendanceEverythingIsZeroAndConversionIsZeroNotNaN() {
		TrainingFigures figures = figures(Map.of());

		assertThat(figures.personTimes()).isZero();
		assertThat(figures.trainees()).isZero();
		assertThat(figures.converted()).isZero();
		assertThat(figures.stillWithinSixMonths()).isZero();
		assertThat(figures.conversion()).isEqualTo(0.0);
	}

	// conversion

	@Test
	void aShopOpenedWithinSixMonthsOfTheFirstSessionConvertsEvenWhenThatSessionPrecedesThePeriod() {
		UUID trainee = attended(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 2, 10));

		TrainingFigures figures = figures(Map.of(trainee, List.of(open(LocalDate.of(2025, 5, 15)))));

		assertThat(figures.trainees()).isEqualTo(1);
		assertThat(figures.personTimes()).as("the session before the period is not a person-time of it").isEqualTo(1);
		assertThat(figures.converted()).isEqualTo(1);
		assertThat(figures.convertedTrainees()).containsExactly(trainee);
	}

	@Test
	void sixMonthsAreCountedFromTheFirstSessionEverNotFromALaterOneInThePeriod() {
		// within six months of 15 January, but not of 1 October, the first session
		UUID trainee = attended(LocalDate.of(2024, 10, 1), LocalDate.of(2025, 1, 15));

		TrainingFigures figures = figures(Map.of(trainee, List.of(open(LocalDate.of(2025, 4, 20)))));

		assertThat(figures.trainees()).isEqualTo(1);
		assertThat(figures.converted()).isZero();
		assertThat(figures.convertedTrainees()).isEmpty();
	}

	@Test
	void aShopOpenedBeforeTheFirstSessionDoesNotConvert() {
		UUID trainee = attended(LocalDate.of(2025, 1, 20));

		TrainingFigures figures = figures(Map.of(trainee, List.of(open(LocalDate.of(2025, 1, 19)))));

		assertThat(figures.converted()).isZero();
	}

	@Test
	void aShopOpenedOnTheDayOfTheFirstSessionConverts() {
		UUID trainee = attended(LocalDate.of(2025, 1, 20));

		TrainingFigures figures = figures(Map.of(trainee, List.of(open(LocalDate.of(2025, 1, 20)))));

		assertThat(figures.converted()).isEqualTo(1);
	}

	@Test
	void aShopOpenedSevenMonthsAfterTheFirstSessionDoesNotConvert() {
		UUID trainee = attended(LocalDate.of(2024, 10, 15), LocalDate.of(2025, 1, 15));

		TrainingFigures figures = figures(Map.of(trainee, List.of(open(LocalDate.of(2025, 5, 15)))));

		assertThat(figures.trainees()).isEqualTo(1);
		assertThat(figures.converted()).isZero();
	}

	@Test
	void theSixMonthsEndOnTheSameDayOfTheMonthSixMonthsLater() {
		UUID onTheLastDay = attended(LocalDate.of(2024, 11, 10), LocalDate.of(2025, 1, 10));
		UUID onTheDayAfter = attended(LocalDate.of(2024, 11, 10), LocalDate.of(2025, 1, 10));

		TrainingFigures figures = figures(Map.of(onTheLastDay, List.of(open(LocalDate.of(2025, 5, 10))), onTheDayAfter,
				List.of(open(LocalDate.of(2025, 5, 11)))));

		assertThat(figures.trainees()).isEqualTo(2);
		assertThat(figures.convertedTrainees()).containsExactly(onTheLastDay);
	}

	@Test
	void aClosedShopDoesNotConvert() {
		UUID trainee = attended(LocalDate.of(2025, 1, 20));

		TrainingFigures figures = figures(Map.of(trainee, List.of(new ShopOpening(LocalDate.of(2025, 3, 1), false))));

		assertThat(figures.converted()).isZero();
		assertThat(figures.convertedTrainees()).isEmpty();
	}

	@Test
	void aClosedShopDoesNotHideAnActiveOneOfTheSameTrainee() {
		UUID trainee = attended(LocalDate.of(2025, 1, 20));

		TrainingFigures figures = figures(Map.of(trainee,
				List.of(new ShopOpening(LocalDate.of(2025, 2, 1), false), open(LocalDate.of(2025, 3, 1)))));

		assertThat(figures.converted()).isEqualTo(1);
	}

	@Test
	void aShopOpenLessThanThirtyDaysIsNotActiveYet() {
		UUID trainee = attended(LocalDate.of(2025, 3, 1));

		TrainingFigures figures = figures(Map.of(trainee, List.of(open(TODAY.minusDays(29)))));

		assertThat(figures.converted()).isZero();
		assertThat(figures.stillWithinSixMonths()).as("its six months are not over: it may still convert").isEqualTo(1);
	}

	@Test
	void aShopOpenThirtyDaysIsActive() {
		UUID trainee = attended(LocalDate.of(2025, 3, 1));

		TrainingFigures figures = figures(Map.of(trainee, List.of(open(TODAY.minusDays(30)))));

		assertThat(figures.converted()).isEqualTo(1);
		assertThat(figures.stillWithinSixMonths()).as("a converted trainee is not still waiting to convert").isZero();
	}

	@Test
	void traineesWithoutShopsAreNotConverted() {
		UUID withShop = attended(LocalDate.of(2025, 1, 20));
		attended(LocalDate.of(2025, 1, 20));

		TrainingFigures figures = figures(
				Map.of(withShop, List.of(), UUID.randomUUID(), List.of(open(LocalDate.of(2025, 2, 1)))));

		assertThat(figures.trainees()).isEqualTo(2);
		assertThat(figures.converted()).as("a shop of someone who did not attend converts no one").isZero();
	}

	// still within six months, and the ratio

	@Test
	void stillWithinSixMonthsCountsUnconvertedTraineesWhoseSixMonthsAreNotOver() {
		attended(LocalDate.of(2025, 5, 1)); // until 1 November: not over
		attended(LocalDate.of(2025, 1, 2)); // until 2 July: not over
		attended(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 6, 1)); // until 1 June:
																		// over
		attended(LocalDate.of(2025, 1, 10)); // until 10 July, but converted
		UUID converted = this.attendances.get(this.attendances.size() - 1).traineeId();

		TrainingFigures figures = figures(Map.of(converted, List.of(open(LocalDate.of(2025, 2, 10)))));

		assertThat(figures.trainees()).isEqualTo(4);
		assertThat(figures.converted()).isEqualTo(1);
		assertThat(figures.stillWithinSixMonths()).isEqualTo(2);
	}

	@Test
	void conversionIsConvertedTraineesOverTraineesWhoseSixMonthsAreOver() {
		UUID first = attended(LocalDate.of(2025, 1, 5));
		UUID second = attended(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 2, 6));
		attended(LocalDate.of(2025, 1, 7));
		attended(LocalDate.of(2025, 1, 8));

		TrainingFigures figures = figures(Map.of(first, List.of(open(LocalDate.of(2025, 3, 1))), second,
				List.of(new ShopOpening(LocalDate.of(2025, 3, 1), false))));

		assertThat(figures.trainees()).isEqualTo(4);
		assertThat(figures.personTimes()).isEqualTo(5);
		assertThat(figures.converted()).isEqualTo(1);
		// on 30 June the three others are still within their six months: not counted yet
		assertThat(figures.stillWithinSixMonths()).isEqualTo(3);
		assertThat(figures.conversion()).isCloseTo(1.0, within(1e-9));
		// at the end of the year their time is over: one in four converted
		TrainingFigures later = TrainingFigures.of(FROM, TO, this.attendances,
				Map.of(first, List.of(open(LocalDate.of(2025, 3, 1))), second,
						List.of(new ShopOpening(LocalDate.of(2025, 3, 1), false))),
				LocalDate.of(2025, 12, 31));
		assertThat(later.stillWithinSixMonths()).isZero();
		assertThat(later.conversion()).isCloseTo(0.25, within(1e-9));
	}

}
