-- statistics: an import's chunks are taken in the chunk's own transaction from now on
-- (decision 0016), so no listener takes an OrdersImported from the event publication
-- registry any more. Chunks still waiting there for the statistics are handed to the
-- listener of deferred chunks, wrapped as it reads them (ImportChunkDeferred).
UPDATE event_publication
SET event_type       = 'org.farmgate.statistics.ImportChunkDeferred',
    listener_id      = 'org.farmgate.statistics.StatisticsListeners.on(org.farmgate.statistics.ImportChunkDeferred)',
    serialized_event = '{"chunk":' || serialized_event || '}'
WHERE listener_id = 'org.farmgate.statistics.StatisticsListeners.on(org.farmgate.orders.OrdersImported)'
  AND completion_date IS NULL;
