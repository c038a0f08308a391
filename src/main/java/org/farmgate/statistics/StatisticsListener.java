package org.farmgate.statistics;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;

/**
 * A statistics listener: an {@link ApplicationModuleListener} that runs on the
 * statistics' own threads ({@link StatisticsExecutionConfiguration#LISTENERS}) instead of
 * the application's.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleListener
@Async(StatisticsExecutionConfiguration.LISTENERS)
@interface StatisticsListener {

}
