package org.farmgate.orders.channels;

import java.util.List;

import org.farmgate.registry.Platform;

/**
 * One marketplace's export layout: which tables it recognises by their headers, and how
 * it reads them (together: Taobao's order report and item report) into orders.
 */
interface ChannelFormat {

	Platform platform();

	/** Whether the table is one of this platform's exports. */
	boolean recognises(ExportTable table);

	/**
	 * A few words for the message when a file is not recognised, e.g. its key headers.
	 */
	String expectedHeaders();

	ChannelRead read(List<ExportTable> tables);

}
