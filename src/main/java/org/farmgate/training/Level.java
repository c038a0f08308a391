package org.farmgate.training;

/** A course's level. */
public enum Level {

	BEGINNER, INTERMEDIATE, ADVANCED

}
