package org.farmgate.statistics;

import org.farmgate.orders.OrdersImported;

/**
 * An import's chunk the statistics could not take in the chunk's own transaction (the
 * import went on without them): kept in the event publication registry and taken after
 * the chunk committed, on the statistics' threads, as every other event is
 * ({@link StatisticsListeners}). Chunks waiting for the statistics before 2026-12-01 were
 * turned into these by V35.
 */
record ImportChunkDeferred(OrdersImported chunk) {

}
