package org.farmgate.orders;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A webhook or API call that meets another writer of its order is made again; any other
 * failure is answered at once.
 */
class OrderConflictsTests {

	@Test
	void aCallThatMeetsAnotherWriterIsMadeAgainUntilItGoesThrough() {
		AtomicInteger calls = new AtomicInteger();

		String answer = OrderConflicts.retried(() -> {
			if (calls.incrementAndGet() == 1) {
				throw new DuplicateKeyException("an import chunk inserted the order meanwhile");
			}
			if (calls.get() == 2) {
				// what Spring Data JDBC throws: the deadlock wrapped in its own exception
				throw new IllegalStateException("save failed",
						new UncategorizedSQLException("save", "UPDATE", new SQLException("deadlock", "40P01")));
			}
			return "taken";
		});

		assertThat(answer).isEqualTo("taken");
		assertThat(calls).hasValue(3);
	}

	@Test
	void aCallThatKeepsMeetingOthersGivesUpAfterFourAttempts() {
		AtomicInteger calls = new AtomicInteger();

		assertThatThrownBy(() -> OrderConflicts.retried(() -> {
			calls.incrementAndGet();
			throw new OptimisticLockingFailureException("changed meanwhile");
		})).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(calls).hasValue(4);
	}

	@Test
	void anyOtherFailureIsAnsweredAtOnce() {
		AtomicInteger calls = new AtomicInteger();

		assertThatThrownBy(() -> OrderConflicts.retried(() -> {
			calls.incrementAndGet();
			throw new DataIntegrityViolationException("a check the order breaks");
		})).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(calls).hasValue(1);
	}

}
