package org.farmgate.catalog;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded photo into what is served: the type is found from the bytes (never
 * from the name), the size is read before the pixels are decoded (no decompression
 * bombs), and the picture is stored as a JPEG of at most 1200 pixels a side with a
 * 320-pixel thumbnail, so that a page on a slow network stays light.
 */
final class PhotoProcessing {

	private static final int MAX_SIDE_IN = 8000;

	private static final int MAX_SIDE = 1200;

	private static final int THUMBNAIL_SIDE = 320;

	private static final Set<String> FORMATS = Set.of("jpeg", "png", "gif", "bmp");

	private PhotoProcessing() {
	}

	/** A photo ready to store. */
	record Processed(int width, int height, byte[] image, byte[] thumbnail) {
	}

	static Processed process(byte[] upload) {
		if (upload == null || upload.length == 0) {
			throw CatalogException.because("catalog.error.photo-empty");
		}
		if (org.farmgate.uploads.UploadSize.tooLarge(upload.length)) {
			throw CatalogException.because("catalog.error.photo-too-large");
		}
		BufferedImage picture = read(upload);
		BufferedImage image = scaled(picture, MAX_SIDE);
		return new Processed(image.getWidth(), image.getHeight(), jpeg(image), jpeg(scaled(picture, THUMBNAIL_SIDE)));
	}

	private static BufferedImage read(byte[] upload) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = (in != null) ? ImageIO.getImageReaders(in) : null;
			if (readers == null || !readers.hasNext()) {
				throw CatalogException.because("catalog.error.photo-type");
			}
			ImageReader reader = readers.next();
			try {
				if (!FORMATS.contains(reader.getFormatName().toLowerCase(java.util.Locale.ROOT))) {
					throw CatalogException.because("catalog.error.photo-type");
				}
				reader.setInput(in, true, true);
				if (reader.getWidth(0) > MAX_SIDE_IN || reader.getHeight(0) > MAX_SIDE_IN) {
					throw CatalogException.because("catalog.error.photo-dimensions");
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof CatalogException refused) {
				throw refused;
			}
			throw CatalogException.because("catalog.error.photo-type");
		}
	}

	private static BufferedImage scaled(BufferedImage picture, int maxSide) {
		double factor = Math.min(1.0, (double) maxSide / Math.max(picture.getWidth(), picture.getHeight()));
		int width = Math.max(1, (int) Math.round(picture.getWidth() * factor));
		int height = Math.max(1, (int) Math.round(picture.getHeight() * factor));
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = out.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			// transparent parts of a PNG become white, not black
			graphics.setColor(java.awt.Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			graphics.drawImage(picture, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return out;
	}

	private static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(0.82f);
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

}
