package org.farmgate.orders.channels;

import java.util.ArrayList;
import java.util.List;

/**
 * An address written in parts (省, 市, 区, 街道, 详细地址) as one raw text, leaving out the masked
 * parts and a street the detail already repeats.
 */
final class Addresses {

	private Addresses() {
	}

	static String joined(ExportTable table, ExportTable.Row row) {
		List<String> parts = new ArrayList<>();
		for (String header : new String[] { "省", "市", "区", "街道", "详细地址" }) {
			String part = Cells.personal(table.cell(row, header));
			if (part != null && !part.equals("*")) {
				parts.add(part);
			}
		}
		String detail = parts.isEmpty() ? null : parts.get(parts.size() - 1);
		if (parts.size() >= 2 && detail != null && detail.startsWith(parts.get(parts.size() - 2))) {
			parts.remove(parts.size() - 2);
		}
		return parts.isEmpty() ? null : String.join(" ", parts);
	}

}
