package org.farmgate.training;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A course with its trainers and materials. */
public record CourseView(UUID id, String title, Topic topic, Level level, BigDecimal hours, String description,
		List<String> trainers, List<MaterialView> materials) {
}
