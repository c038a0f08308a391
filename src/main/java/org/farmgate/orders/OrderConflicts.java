package org.farmgate.orders;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

/**
 * A webhook or API call that met another writer of the same order (an import chunk that
 * inserted or changed it meanwhile, a deadlock on stock rows): its transaction was rolled
 * back whole, and taking an order is idempotent, so the call is simply made again, a few
 * times, before it is answered with an error.
 */
final class OrderConflicts {

	private static final int ATTEMPTS = 4;

	/** Unique violation, serialization failure, deadlock, lock not available. */
	private static final Set<String> CONFLICT_STATES = Set.of("23505", "40001", "40P01", "55P03");

	private OrderConflicts() {
	}

	static <T> T retried(Supplier<T> call) {
		for (int attempt = 1;; attempt++) {
			try {
				return call.get();
			}
			catch (RuntimeException ex) {
				if (attempt >= ATTEMPTS || !conflict(ex)) {
					throw ex;
				}
				try {
					Thread.sleep(20L * attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	static boolean conflict(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConcurrencyFailureException || cause instanceof DuplicateKeyException) {
				return true;
			}
			if (cause instanceof SQLException sql && CONFLICT_STATES.contains(sql.getSQLState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
