package org.farmgate.catalog;

import java.util.UUID;

/**
 * A product photo as public pages show it: the stored image (at most 1200 pixels a side)
 * and its thumbnail (at most 320), each with its size in pixels.
 */
public record PublicPhoto(UUID id, String url, int width, int height, String thumbnailUrl, int thumbnailWidth,
		int thumbnailHeight) {

	private static final int THUMBNAIL_SIDE = 320;

	static PublicPhoto of(UUID id, int width, int height) {
		double factor = Math.min(1.0, (double) THUMBNAIL_SIDE / Math.max(width, height));
		return new PublicPhoto(id, "/catalog/photos/" + id + ".jpg", width, height,
				"/catalog/photos/" + id + "/thumbnail.jpg", Math.max(1, (int) Math.round(width * factor)),
				Math.max(1, (int) Math.round(height * factor)));
	}

	/**
	 * Whether the thumbnail is smaller than the image (else one size is all there is).
	 */
	public boolean hasThumbnail() {
		return this.thumbnailWidth < this.width;
	}

}
