package org.farmgate.training;

import java.math.BigDecimal;
import java.util.List;

/** A course as a form or the API gives it; trainers are trainer accounts' usernames. */
public record CourseInput(String title, Topic topic, Level level, BigDecimal hours, String description,
		List<String> trainers) {
}
