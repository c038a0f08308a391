package org.farmgate.training;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.farmgate.FarmgateTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A person proves a phone number with the six-digit code the notifier sends (the default
 * notifier writes it to the log, the number masked): the right code identifies the
 * person, once; wrong codes are counted and run out; too many codes an hour are refused;
 * numbers that are not mainland mobiles are refused. Every test has numbers of its own.
 */
@FarmgateTest
@ExtendWith(OutputCaptureExtension.class)
class PhoneVerificationTests {

	private static final String COUNTY = TrainingFixtures.COUNTY;

	@Autowired
	TraineeManagement trainees;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theRightCodeIdentifiesThePersonMadeOnceWithTheNameGiven(CapturedOutput output) {
		String phone = TrainingFixtures.phone();

		UUID first = this.trainees.identify(COUNTY, phone, codeSentTo(phone, output), "欧阳娜娜");
		UUID again = this.trainees.identify(COUNTY, phone, codeSentTo(phone, output), "别的名字");

		assertThat(again).as("the same phone is the same trainee").isEqualTo(first);
		TraineeView trainee = this.trainees.trainee(first).orElseThrow();
		assertThat(trainee.name()).as("the name given the first time").isEqualTo("欧阳娜娜");
		assertThat(trainee.countyCode()).isEqualTo(COUNTY);
		assertThat(traineesWith(phone)).isEqualTo(1);
	}

	@Test
	void theCodeIsSentToTheMaskedNumberAndTheFullNumberIsNeverLogged(CapturedOutput output) {
		String phone = TrainingFixtures.phone();
		int before = output.getAll().length();

		this.trainees.sendCode(COUNTY, phone);

		String logged = output.getAll().substring(before);
		assertThat(logged).contains("Message to " + phone.substring(0, 3) + "****" + phone.substring(7) + ": ");
		assertThat(logged).doesNotContain(phone);
	}

	@Test
	void aNumberNobodyEnrolledWithIsToldSoWithoutANameAndNoTraineeIsMade(CapturedOutput output) {
		String phone = TrainingFixtures.phone();

		refused(() -> this.trainees.identify(COUNTY, phone, codeSentTo(phone, output), "  "),
				"training.error.no-trainee");

		assertThat(traineesWith(phone)).isZero();
	}

	@Test
	void aWrongCodeIsRefusedAndCountedUntilTheRightOneNoLongerWorks(CapturedOutput output) {
		String phone = TrainingFixtures.phone();
		String code = codeSentTo(phone, output);
		String wrong = wrongCode(code);

		for (int left = 4; left >= 0; left--) {
			TrainingException refusal = refused(() -> this.trainees.identify(COUNTY, phone, wrong, "错码"),
					"training.error.code-wrong");
			assertThat(refusal.arguments()).as("tries left").containsExactly(left);
		}
		assertThat(
				this.jdbc.queryForObject("SELECT attempts FROM training_phone_code WHERE county_code = ? AND phone = ?",
						Integer.class, COUNTY, phone))
			.as("the wrong tries are kept although each identify rolled back")
			.isEqualTo(5);

		refused(() -> this.trainees.identify(COUNTY, phone, code, "错码"), "training.error.code-tried-out");
		assertThat(traineesWith(phone)).isZero();
	}

	@Test
	void aWrongCodeThenTheRightOneIdentifies(CapturedOutput output) {
		String phone = TrainingFixtures.phone();
		String code = codeSentTo(phone, output);

		refused(() -> this.trainees.identify(COUNTY, phone, wrongCode(code), "先错后对"), "training.error.code-wrong");

		assertThat(this.trainees.identify(COUNTY, phone, code, "先错后对")).isNotNull();
		assertThat(traineesWith(phone)).isEqualTo(1);
	}

	@Test
	void aUsedCodeCannotBeUsedAgain(CapturedOutput output) {
		String phone = TrainingFixtures.phone();
		String code = codeSentTo(phone, output);
		this.trainees.identify(COUNTY, phone, code, "用过");

		refused(() -> this.trainees.identify(COUNTY, phone, code, "用过"), "training.error.code-expired");
	}

	@Test
	void onlyTheLatestCodeCounts(CapturedOutput output) {
		String phone = TrainingFixtures.phone();
		String older = codeSentTo(phone, output);
		String latest = codeSentTo(phone, output);

		if (!older.equals(latest)) {
			refused(() -> this.trainees.identify(COUNTY, phone, older, "旧码"), "training.error.code-wrong");
		}
		assertThat(this.trainees.identify(COUNTY, phone, latest, "旧码")).isNotNull();
	}

	@Test
	void aCodeForAnotherNumberDoesNotProveThisOne(CapturedOutput output) {
		String phone = TrainingFixtures.phone();
		String other = TrainingFixtures.phone();
		String othersCode = codeSentTo(other, output);

		refused(() -> this.trainees.identify(COUNTY, phone, othersCode, "冒名"), "training.error.code-expired");
		String mine = codeSentTo(phone, output);
		if (!mine.equals(othersCode)) {
			refused(() -> this.trainees.identify(COUNTY, phone, othersCode, "冒名"), "training.error.code-wrong");
		}
	}

	@Test
	void aSixthCodeWithinAnHourIsRefused(CapturedOutput output) {
		String phone = TrainingFixtures.phone();
		for (int i = 0; i < 5; i++) {
			assertThat(this.trainees.sendCode(COUNTY, phone)).isEqualTo(phone);
		}
		int before = output.getAll().length();

		refused(() -> this.trainees.sendCode(COUNTY, "+86 " + phone), "training.error.too-many-codes");

		assertThat(output.getAll().substring(before)).as("no sixth message is sent").doesNotContain("验证码");
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM training_phone_code WHERE county_code = ? AND phone = ?",
						Integer.class, COUNTY, phone))
			.isEqualTo(5);
		assertThat(this.trainees.sendCode(COUNTY, TrainingFixtures.phone())).as("another number is not held back")
			.isNotNull();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "12345", "1390000111", "139000011112", "23900001111", "12900001111", "1390000111a",
			"+1 139 0000 1111", "<script>" })
	void aNumberThatIsNotAMainlandMobileIsRefused(String phone) {
		refused(() -> this.trainees.sendCode(COUNTY, phone), "training.error.phone");
		refused(() -> this.trainees.identify(COUNTY, phone, "123456", "错号"), "training.error.phone");
	}

	@Test
	void aNumberTypedWithPlusEightySixSpacesAndDashesIsAcceptedAndNormalized(CapturedOutput output) {
		String phone = TrainingFixtures.phone();
		String typed = "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);

		int before = output.getAll().length();
		String number = this.trainees.sendCode(COUNTY, typed);

		assertThat(number).isEqualTo(phone);
		String code = lastCode(output.getAll().substring(before), phone);
		UUID trainee = this.trainees.identify(COUNTY, typed, code, "格式");
		assertThat(this.jdbc.queryForObject("SELECT phone FROM training_trainee WHERE id = ?", String.class, trainee))
			.isEqualTo(phone);
		assertThat(this.trainees.identify(COUNTY, phone, codeSentTo(phone, output), null))
			.as("the plain number is the same person")
			.isEqualTo(trainee);
	}

	// helpers

	/**
	 * Sends a code to the phone and reads it from the log, as the default notifier writes
	 * it.
	 */
	private String codeSentTo(String phone, CapturedOutput output) {
		int before = output.getAll().length();
		this.trainees.sendCode(COUNTY, phone);
		return lastCode(output.getAll().substring(before), phone);
	}

	private static String lastCode(String logged, String phone) {
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		Matcher matcher = Pattern.compile("Message to " + Pattern.quote(masked) + ": \\S*验证码 ([0-9]{6})")
			.matcher(logged);
		String code = null;
		while (matcher.find()) {
			code = matcher.group(1);
		}
		assertThat(code).as("a code sent to " + masked + " in the log").isNotNull();
		return code;
	}

	private static String wrongCode(String code) {
		return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
	}

	private int traineesWith(String phone) {
		return this.jdbc.queryForObject("SELECT count(*) FROM training_trainee WHERE county_code = ? AND phone = ?",
				Integer.class, COUNTY, phone);
	}

	private static TrainingException refused(ThrowingCallable call, String messageKey) {
		TrainingException refusal = catchThrowableOfType(TrainingException.class, call);
		assertThat(refusal).as("refused with " + messageKey).isNotNull();
		assertThat(refusal.messageKey()).isEqualTo(messageKey);
		return refusal;
	}

	@Test
	void oneClientAddressGetsTwentyCodesAnHourWhateverTheNumbers() {
		String client = "198.51.100." + (System.nanoTime() % 200);
		for (int i = 0; i < PhoneVerification.MAX_CODES_A_CLIENT_AN_HOUR; i++) {
			this.trainees.sendCode(COUNTY, TrainingFixtures.phone(), client);
		}

		refused(() -> this.trainees.sendCode(COUNTY, TrainingFixtures.phone(), client),
				"training.error.too-many-codes");
		// another client is not held back
		this.trainees.sendCode(COUNTY, TrainingFixtures.phone(), client + "1");
	}

	@Test
	void aNumberGetsNoMoreCodesByChangingTheCounty() {
		String phone = TrainingFixtures.phone();
		for (int i = 0; i < PhoneVerification.MAX_CODES_AN_HOUR; i++) {
			this.trainees.sendCode((i % 2 == 0) ? COUNTY : "520121", phone);
		}

		refused(() -> this.trainees.sendCode("520123", phone), "training.error.too-many-codes");
	}

}
