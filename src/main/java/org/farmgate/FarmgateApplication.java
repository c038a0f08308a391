package org.farmgate;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Farmgate: the platform a rural county runs to sell its farm products online.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FarmgateApplication {

	public static void main(String[] args) {
		SpringApplication.run(FarmgateApplication.class, args);
	}

	/** The time source of every module, replaceable in tests. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
