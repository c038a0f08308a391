package org.farmgate.training;

import java.util.List;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations centre finds a trainee by part of the name or the last digits of the
 * phone, searched in the database; what is typed is text, never a pattern.
 */
@FarmgateTest
class TraineeSearchTests {

	@Autowired
	CourseManagement courses;

	@Autowired
	SessionManagement sessions;

	@Autowired
	EnrolmentManagement enrolments;

	@Autowired
	TraineeManagement trainees;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

	private TrainingFixtures fixtures;

	private String phone;

	private String name;

	@BeforeEach
	void aTraineeEnrolledByTheCentre() {
		this.fixtures = new TrainingFixtures(this.courses, this.sessions, this.accounts, this.users);
		SessionView session = this.fixtures.sessionTomorrow(this.fixtures.course("查找测试"), 5);
		this.phone = TrainingFixtures.phone();
		this.name = "欧阳" + this.fixtures.suffix;
		this.enrolments.enrolByOperator(this.fixtures.operator, session.id(), this.name, this.phone);
	}

	@Test
	void aTraineeIsFoundByPartOfTheNameOrTheLastDigitsOfThePhone() {
		assertThat(names(this.fixtures.suffix)).containsExactly(this.name);
		assertThat(names(this.phone.substring(7))).contains(this.name);
		assertThat(this.trainees.find(this.fixtures.operator, this.phone.substring(7), 200))
			.allSatisfy(trainee -> assertThat(trainee.maskedPhone()).endsWith(this.phone.substring(7)));
	}

	@Test
	void aPercentSignOrAnUnderscoreTypedIsTextNotAPattern() {
		assertThat(names("%")).isEmpty();
		assertThat(names("欧阳_")).isEmpty();
	}

	@Test
	void digitsFindAPhoneByItsEndNotItsMiddle() {
		String middle = this.phone.substring(3, 7);
		org.junit.jupiter.api.Assumptions.assumeFalse(this.phone.endsWith(middle), "a number ending as it goes on");

		assertThat(names(middle)).doesNotContain(this.name);
	}

	private List<String> names(String typed) {
		return this.trainees.find(this.fixtures.operator, typed, 200).stream().map(TraineeView::name).toList();
	}

}
