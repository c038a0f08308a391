package org.farmgate.training.web;

import java.math.BigDecimal;
import java.util.List;

import org.farmgate.training.CourseInput;
import org.farmgate.training.CourseView;
import org.farmgate.training.Level;
import org.farmgate.training.Topic;

/** The form of a course. */
record CourseForm(String title, Topic topic, Level level, BigDecimal hours, String description, List<String> trainers) {

	static CourseForm empty() {
		return new CourseForm("", Topic.PRODUCT_PRESENTATION, Level.BEGINNER, BigDecimal.valueOf(3), "", List.of());
	}

	static CourseForm of(CourseView course) {
		return new CourseForm(course.title(), course.topic(), course.level(), course.hours(), course.description(),
				course.trainers());
	}

	CourseInput toInput() {
		return new CourseInput(this.title, this.topic, this.level, this.hours, this.description, this.trainers);
	}

}
