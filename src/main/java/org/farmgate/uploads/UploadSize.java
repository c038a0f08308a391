package org.farmgate.uploads;

/**
 * The size every upload may have (5 MB, as the pages say): village and registry files,
 * product photos. The server reads larger requests (up to 20 MB) so that each feature can
 * answer with this limit on its own page.
 */
public final class UploadSize {

	public static final long MAX_BYTES = 5L * 1024 * 1024;

	private UploadSize() {
	}

	public static boolean tooLarge(long bytes) {
		return bytes > MAX_BYTES;
	}

}
