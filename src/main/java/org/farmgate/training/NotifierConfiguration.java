package org.farmgate.training;

import org.farmgate.registry.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notifier when no SMS gateway bean is configured. With
 * {@code farmgate.training.log-messages} (on in demo mode, off otherwise) messages go to
 * the log with the phone masked, for a demo or a centre that reads codes out by phone.
 * Without it, nothing is sent and self-service enrolment says it is unavailable: a code
 * in a production log would let anyone who reads the log take over a trainee's identity.
 */
@Configuration(proxyBeanMethods = false)
class NotifierConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(NotifierConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(Notifier.class)
	Notifier notifier(@Value("${farmgate.training.log-messages:true}") boolean logMessages,
			@Value("${farmgate.demo:false}") boolean demo) {
		if (logMessages) {
			if (!demo) {
				logger.warn("No SMS gateway: trainees' verification codes are written to the log."
						+ " Configure a Notifier bean, or set farmgate.training.log-messages=false");
			}
			return (phone, text) -> logger.info("Message to {}: {}", PhoneNumber.masked(phone), text);
		}
		return (phone, text) -> {
			throw TrainingException.because("training.error.no-sms");
		};
	}

}
