package org.farmgate.training;

/** Mainland mobile numbers as people type them: spaces, dashes and +86 are dropped. */
final class PhoneNumbers {

	private PhoneNumbers() {
	}

	/**
	 * The number's eleven digits.
	 * @throws TrainingException when it is not a mainland mobile number
	 */
	static String normalize(String phone) {
		String digits = (phone == null) ? "" : phone.replaceAll("[\\s\\-()（）]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		else if (digits.startsWith("0086")) {
			digits = digits.substring(4);
		}
		if (!digits.matches("1[3-9][0-9]{9}")) {
			throw TrainingException.because("training.error.phone");
		}
		return digits;
	}

}
