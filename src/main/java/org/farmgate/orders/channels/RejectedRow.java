package org.farmgate.orders.channels;

/**
 * A row of an export that could not be read, with its file, line number and the reason (a
 * message-bundle key and its argument).
 */
public record RejectedRow(String file, int line, String reason, String detail) {
}
