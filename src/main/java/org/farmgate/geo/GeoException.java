package org.farmgate.geo;

import java.util.List;

/**
 * A change to the county's geography that was refused; the messages are message-bundle
 * keys that say what to fix.
 */
public class GeoException extends RuntimeException {

	private final List<String> messageKeys;

	GeoException(List<String> messageKeys) {
		super(String.join(", ", messageKeys));
		this.messageKeys = List.copyOf(messageKeys);
	}

	public List<String> messageKeys() {
		return this.messageKeys;
	}

}
