package org.farmgate.geo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A township's or village's facts as typed in a form or read from a CSV row: text that
 * {@link #problems(String)} checks and {@link #toPlace()} turns into a {@link Place}.
 */
public record PlaceInput(String name, String statCode, String households, String population, String latitude,
		String longitude) {

	static final int MAX_NAME = 60;

	/**
	 * What is wrong with this input, as message keys; empty when it can be saved in the
	 * county with this code.
	 */
	public List<String> problems(String countyCode) {
		List<String> problems = new ArrayList<>();
		String trimmedName = trim(this.name);
		if (trimmedName == null) {
			problems.add("geo.error.name-required");
		}
		else if (trimmedName.length() > MAX_NAME || trimmedName.chars().anyMatch(Character::isISOControl)) {
			problems.add("geo.error.name-format");
		}
		String code = trim(this.statCode);
		if (code != null && (!code.matches("[0-9]{12}") || !code.startsWith(countyCode))) {
			problems.add("geo.error.stat-code");
		}
		if (!isCount(this.households)) {
			problems.add("geo.error.households");
		}
		if (!isCount(this.population)) {
			problems.add("geo.error.population");
		}
		BigDecimal lat = decimal(this.latitude);
		BigDecimal lon = decimal(this.longitude);
		boolean latGiven = trim(this.latitude) != null;
		boolean lonGiven = trim(this.longitude) != null;
		if ((latGiven && (lat == null || lat.abs().compareTo(BigDecimal.valueOf(90)) > 0))
				|| (lonGiven && (lon == null || lon.abs().compareTo(BigDecimal.valueOf(180)) > 0))
				|| latGiven != lonGiven) {
			problems.add("geo.error.coordinates");
		}
		return problems;
	}

	public Place toPlace() {
		return new Place(trim(this.statCode), count(this.households), count(this.population), scaled(this.latitude),
				scaled(this.longitude));
	}

	String trimmedName() {
		return trim(this.name);
	}

	static PlaceInput of(String name, Place place) {
		return new PlaceInput(name, place.statCode(), text(place.households()), text(place.population()),
				text(place.latitude()), text(place.longitude()));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static String trim(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static boolean isCount(String value) {
		String trimmed = trim(value);
		return trimmed == null || (trimmed.matches("[0-9]{1,8}"));
	}

	private static Integer count(String value) {
		String trimmed = trim(value);
		return (trimmed != null) ? Integer.valueOf(trimmed) : null;
	}

	private static BigDecimal decimal(String value) {
		String trimmed = trim(value);
		if (trimmed == null || trimmed.length() > 20) {
			return null;
		}
		try {
			return new BigDecimal(trimmed);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static BigDecimal scaled(String value) {
		BigDecimal decimal = decimal(value);
		return (decimal != null) ? decimal.setScale(6, java.math.RoundingMode.HALF_UP) : null;
	}

}
