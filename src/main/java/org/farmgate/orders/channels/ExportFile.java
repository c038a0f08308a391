package org.farmgate.orders.channels;

/**
 * An uploaded export file: its name and bytes.
 */
public record ExportFile(String name, byte[] content) {
}
