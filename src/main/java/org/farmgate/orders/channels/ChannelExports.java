package org.farmgate.orders.channels;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the export files of one upload: recognises each file's platform from its headers
 * and has that platform's format read them together. A file that is no known order
 * export, or files of two platforms, are refused whole.
 */
public final class ChannelExports {

	private static final List<ChannelFormat> FORMATS = List.of(new TaobaoFormat(), new JdFormat(),
			new PinduoduoFormat(), new DouyinFormat());

	private ChannelExports() {
	}

	public static ChannelRead read(List<ExportFile> files) throws NotAnOrderExportException {
		if (files.isEmpty()) {
			throw new NotAnOrderExportException("orders.import.error.no-file", null);
		}
		ChannelFormat format = null;
		List<ExportTable> tables = new ArrayList<>();
		for (ExportFile file : files) {
			ExportTable table;
			try {
				table = ExportTable.read(file.name(), file.content());
			}
			catch (IOException ex) {
				throw new NotAnOrderExportException("orders.import.error.unreadable", file.name());
			}
			ChannelFormat recognised = FORMATS.stream()
				.filter(candidate -> candidate.recognises(table))
				.findFirst()
				.orElseThrow(() -> new NotAnOrderExportException("orders.import.error.not-an-export", file.name()));
			if (format != null && format != recognised) {
				throw new NotAnOrderExportException("orders.import.error.mixed-platforms", file.name());
			}
			format = recognised;
			tables.add(table);
		}
		return format.read(tables);
	}

	/**
	 * What each platform's files are recognised by, for the message of a refused file.
	 */
	public static List<String> expected() {
		return FORMATS.stream().map(format -> format.platform() + ": " + format.expectedHeaders()).toList();
	}

}
