package org.farmgate.accounts;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Module events go through Spring Modulith's JDBC publication registry: a publication
 * whose listener failed stays in the database and is delivered again, which is what
 * happens to outstanding publications when the application restarts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
@Import(EventPublicationTests.FlakyListenerConfiguration.class)
class EventPublicationTests {

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	FlakyListener listener;

	@Test
	void aPublicationWhoseListenerFailedIsKeptAndDeliveredAgain() {
		this.accounts.createAccount("event-subject", "Event subject", Role.OPERATOR, DataScope.county("520122"),
				"event-password");

		await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.calls() == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> openPublications() == 1);

		this.incomplete.resubmitIncompletePublications(publication -> true);

		await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.calls() == 2);
		await().atMost(Duration.ofSeconds(10)).until(() -> openPublications() == 0);
		assertThat(this.listener.delivered()).isEqualTo("event-subject");
	}

	private long openPublications() {
		return this.jdbc.sql(
				"SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE '%AccountCreated'")
			.query(Long.class)
			.single();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FlakyListenerConfiguration {

		@Bean
		FlakyListener flakyListener() {
			return new FlakyListener();
		}

	}

	/**
	 * A listener that fails on its first delivery, as one would while a downstream
	 * service is down.
	 */
	static class FlakyListener {

		private final AtomicInteger calls = new AtomicInteger();

		private volatile String delivered;

		int calls() {
			return this.calls.get();
		}

		String delivered() {
			return this.delivered;
		}

		@ApplicationModuleListener
		void on(AccountCreated event) {
			if (!event.username().equals("event-subject")) {
				return;
			}
			if (this.calls.incrementAndGet() == 1) {
				throw new IllegalStateException("downstream unavailable (on purpose, in a test)");
			}
			this.delivered = event.username();
		}

	}

}
