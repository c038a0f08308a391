package org.farmgate.uploads;

/**
 * The size every upload may have (5 MB, as the pages say): village and registry files,
 * product photos; order exports, which run to hundreds of thousands of rows, 32 MB for
 * the files of one import together (read whole into memory: about 200,000 orders fit a
 * 512 MB heap). The server reads larger requests (up to 40 MB) so that each feature can
 * answer with its limit on its own page.
 */
public final class UploadSize {

	public static final long MAX_BYTES = 5L * 1024 * 1024;

	/** The order export files of one import, together (about 200,000 orders). */
	public static final long ORDER_EXPORTS_MAX_BYTES = 32L * 1024 * 1024;

	private UploadSize() {
	}

	public static boolean tooLarge(long bytes) {
		return bytes > MAX_BYTES;
	}

}
