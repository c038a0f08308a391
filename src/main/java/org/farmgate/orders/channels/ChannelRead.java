package org.farmgate.orders.channels;

import java.util.List;

import org.farmgate.registry.Platform;

/**
 * What the export files of one platform held: the orders read, the rows that could not be
 * read, and how many data rows there were.
 */
public record ChannelRead(Platform platform, List<ChannelOrder> orders, List<RejectedRow> rejected, int rowsRead) {
}
