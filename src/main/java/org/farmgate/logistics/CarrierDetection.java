package org.farmgate.logistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which carriers a tracking number looks like it comes from, from the public shapes of
 * their numbers. These are <em>hints</em> only: carriers change their number ranges, a
 * shape may fit several carriers, and digit-only numbers in particular are ambiguous. The
 * caller may suggest a carrier or warn about an unlikely one, but never refuses a number
 * because of its shape.
 * <p>
 * Shapes (after removing spaces and dashes and upper-casing):
 * <ul>
 * <li>SF: {@code SF} + 13 digits, or 12 digits (older numbers);</li>
 * <li>JD: {@code JD}, up to three letters ({@code JDV}, {@code JDX}, {@code JDVA}…), then
 * 11–13 digits;</li>
 * <li>YTO: {@code YT} + 13–16 digits;</li>
 * <li>J&amp;T: {@code JT} + 13 digits;</li>
 * <li>DEPPON: {@code DPK} + 12 digits, or 10 digits;</li>
 * <li>EMS: {@code [A-Z]{2}\d{9}[A-Z]{2}} (UPU S10, e.g. {@code EA123456789CN}), or 13
 * digits starting with 1;</li>
 * <li>STO: 13 digits starting with 77, 88, 66 or 55;</li>
 * <li>YUNDA: 13–15 digits starting with 43, 46, 31 or 10;</li>
 * <li>ZTO: 12–15 digits starting with 7, 5, 2 or 6.</li>
 * </ul>
 * Candidates come in this order: numbers with a letter prefix first (they fit one carrier
 * only), then for digit-only numbers the shapes with a two-digit prefix before those with
 * a one-digit prefix and those with none: STO, YUNDA, ZTO, EMS, SF, DEPPON.
 */
public final class CarrierDetection {

	/** The message key of the warning given by {@link #mismatch(Carrier, String)}. */
	public static final String MISMATCH = "logistics.carrier.mismatch";

	private static final List<Shape> SHAPES = List.of(new Shape(Carrier.SF, "SF\\d{13}"),
			new Shape(Carrier.JD, "JD[A-Z]{0,3}\\d{11,13}"), new Shape(Carrier.YTO, "YT\\d{13,16}"),
			new Shape(Carrier.JT, "JT\\d{13}"), new Shape(Carrier.DEPPON, "DPK\\d{12}"),
			new Shape(Carrier.EMS, "[A-Z]{2}\\d{9}[A-Z]{2}"), new Shape(Carrier.STO, "(?:77|88|66|55)\\d{11}"),
			new Shape(Carrier.YUNDA, "(?:43|46|31|10)\\d{11,13}"), new Shape(Carrier.ZTO, "[7526]\\d{11,14}"),
			new Shape(Carrier.EMS, "1\\d{12}"), new Shape(Carrier.SF, "\\d{12}"), new Shape(Carrier.DEPPON, "\\d{10}"));

	private CarrierDetection() {
	}

	/**
	 * The tracking number as carriers print it: without spaces or dashes, upper case;
	 * empty for null.
	 */
	public static String normalize(String trackingNo) {
		if (trackingNo == null) {
			return "";
		}
		return trackingNo.replaceAll("[\\s\\-\u2010-\u2015\u3000]", "").toUpperCase(Locale.ROOT);
	}

	/**
	 * The carriers whose number shape the tracking number fits, most likely first; empty
	 * when it fits none (which does not make it wrong).
	 */
	public static List<Carrier> candidates(String trackingNo) {
		String number = normalize(trackingNo);
		List<Carrier> carriers = new ArrayList<>();
		if (number.isEmpty()) {
			return carriers;
		}
		for (Shape shape : SHAPES) {
			if (!carriers.contains(shape.carrier()) && shape.pattern().matcher(number).matches()) {
				carriers.add(shape.carrier());
			}
		}
		return List.copyOf(carriers);
	}

	/**
	 * A warning (the message key {@value #MISMATCH}; the caller may name the
	 * {@link #candidates(String) candidates} in it) when the number fits other carriers'
	 * shapes but not the chosen one's; empty when it fits the chosen carrier or no known
	 * shape at all. Never a refusal.
	 */
	public static Optional<String> mismatch(Carrier chosen, String trackingNo) {
		List<Carrier> candidates = candidates(trackingNo);
		if (chosen == null || candidates.isEmpty() || candidates.contains(chosen)) {
			return Optional.empty();
		}
		return Optional.of(MISMATCH);
	}

	private record Shape(Carrier carrier, Pattern pattern) {

		Shape(Carrier carrier, String regex) {
			this(carrier, Pattern.compile(regex));
		}

	}

}
