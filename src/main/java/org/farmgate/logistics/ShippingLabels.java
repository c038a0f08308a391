package org.farmgate.logistics;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.Barcode;
import com.lowagie.text.pdf.Barcode128;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.farmgate.web.PdfFonts;
import org.farmgate.web.QrCodes;

/**
 * Shipping labels (面单) as one PDF to print in bulk: one 100 × 150 mm page a label, the
 * size of the thermal labels Chinese express carriers use. Each has the carrier's name at
 * the top, the destination (the sorting text), a Code 128 barcode of the tracking number
 * with the number under it, the recipient, the sender, the order numbers and the weight,
 * and when given the QR code of the product's trace page with its trace code.
 * <p>
 * Chinese text is set in the Adobe font STSong-Light (nothing to embed); text made only
 * of Latin letters, digits and signs (tracking and order numbers, phones, weights, codes)
 * in Helvetica, which readers can search and copy. The field names printed on the label
 * (收, 寄, 订单号, 重量) are Chinese, as couriers expect. Text never runs out of its box: long
 * addresses wrap, and what does not fit is cut with "…".
 */
public final class ShippingLabels {

	/** The page: 100 × 150 mm in points. */
	public static final Rectangle PAGE = new Rectangle(283.46f, 425.2f);

	private static final float MARGIN = 8;

	private static final float LEFT = MARGIN;

	private static final float RIGHT = 283.46f - MARGIN;

	private static final float WIDTH = RIGHT - LEFT;

	private static final float TOP = 425.2f - MARGIN;

	private static final float BOTTOM = MARGIN;

	/** The indent of the recipient's and sender's text, after their 收 and 寄 marks. */
	private static final float INDENT = 26;

	private static final float QR_SIZE = 84;

	private static final String ELLIPSIS = "…";

	private ShippingLabels() {
	}

	/**
	 * One shipping label. The tracking number is as the carrier issued it (printable
	 * ASCII without spaces); the phone numbers are printed as given: mask them before as
	 * the caller wants. Any text but the tracking number may be null; the trace URL and
	 * code often are.
	 */
	public record Label(String trackingNo, Carrier carrier, String recipientName, String recipientPhone,
			String recipientAddress, String destinationText, String senderName, String senderPhone,
			String senderAddress, String orderNumbers, String weightText, String traceUrl, String traceCode) {

		public Label {
			Objects.requireNonNull(carrier, "carrier");
			if (trackingNo == null || trackingNo.isBlank() || !trackingNo.strip().matches("[\\x21-\\x7E]+")) {
				throw new IllegalArgumentException("a tracking number is printable ASCII: " + trackingNo);
			}
			trackingNo = trackingNo.strip();
		}

	}

	/** The labels as one PDF, a page each, in the order given. */
	public static byte[] pdf(List<Label> labels) {
		if (labels.isEmpty()) {
			throw new IllegalArgumentException("no labels to print");
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Fonts fonts = new Fonts();
			Document document = new Document(PAGE, 0, 0, 0, 0);
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle("Shipping labels");
			document.open();
			for (int i = 0; i < labels.size(); i++) {
				if (i > 0) {
					document.newPage();
				}
				draw(writer.getDirectContent(), labels.get(i), fonts);
			}
			document.close();
			return out.toByteArray();
		}
		catch (IOException | DocumentException ex) {
			throw new IllegalStateException("Could not draw " + labels.size() + " shipping labels", ex);
		}
	}

	private static void draw(PdfContentByte cb, Label label, Fonts fonts) throws IOException, DocumentException {
		cb.setLineWidth(0.8f);
		cb.rectangle(LEFT - 4, BOTTOM - 4, WIDTH + 8, TOP - BOTTOM + 8);
		cb.stroke();
		// the carrier
		float y = TOP;
		text(cb, fonts, label.carrier().chineseName(), 22, true, LEFT, y - 26, WIDTH, Element.ALIGN_LEFT);
		y -= 36;
		rule(cb, y);
		// the destination, for sorting
		text(cb, fonts, label.destinationText(), 18, true, LEFT, y - 23, WIDTH, Element.ALIGN_LEFT);
		y -= 32;
		rule(cb, y);
		// the barcode with the number under it
		barcode(cb, label.trackingNo(), y - 52);
		text(cb, fonts, label.trackingNo(), 12, true, LEFT, y - 66, WIDTH, Element.ALIGN_CENTER);
		y -= 72;
		rule(cb, y);
		// the recipient
		mark(cb, fonts, "收", 16, y - 20);
		namePhone(cb, fonts, label.recipientName(), label.recipientPhone(), 13, y - 17);
		lines(cb, fonts, label.recipientAddress(), 10, 12.5f, 4, LEFT + INDENT, y - 33, WIDTH - INDENT);
		y -= 96;
		rule(cb, y);
		// the sender
		mark(cb, fonts, "寄", 12, y - 15);
		namePhone(cb, fonts, label.senderName(), label.senderPhone(), 9, y - 13);
		lines(cb, fonts, label.senderAddress(), 8, 10, 3, LEFT + INDENT, y - 25, WIDTH - INDENT);
		y -= 58;
		rule(cb, y);
		// order numbers and weight, and the trace code
		boolean qr = label.traceUrl() != null && !label.traceUrl().isBlank();
		boolean code = label.traceCode() != null && !label.traceCode().isBlank();
		float left = (qr || code) ? WIDTH - QR_SIZE - 8 : WIDTH;
		text(cb, fonts, "订单号", 8, true, LEFT, y - 11, left, Element.ALIGN_LEFT);
		lines(cb, fonts, label.orderNumbers(), 8, 10, 6, LEFT, y - 22, left);
		text(cb, fonts, "重量", 8, true, LEFT, BOTTOM + 6, 24, Element.ALIGN_LEFT);
		text(cb, fonts, label.weightText(), 11, true, LEFT + 24, BOTTOM + 6, left - 24, Element.ALIGN_LEFT);
		if (qr) {
			Image image = Image.getInstance(QrCodes.png(label.traceUrl(), 300));
			image.scaleAbsolute(QR_SIZE, QR_SIZE);
			image.setAbsolutePosition(RIGHT - QR_SIZE, BOTTOM + 12);
			cb.addImage(image);
		}
		if (code) {
			text(cb, fonts, label.traceCode(), 7, false, RIGHT - QR_SIZE - 8, BOTTOM + 4, QR_SIZE + 8,
					Element.ALIGN_CENTER);
		}
	}

	private static void rule(PdfContentByte cb, float y) {
		cb.moveTo(LEFT - 4, y);
		cb.lineTo(RIGHT + 4, y);
		cb.stroke();
	}

	/** The barcode, centred, its bars' bottom at {@code bottom}, as wide as fits. */
	private static void barcode(PdfContentByte cb, String number, float bottom) {
		Barcode128 barcode = new Barcode128();
		barcode.setCodeType(Barcode.CODE128);
		barcode.setCode(number);
		barcode.setFont(null);
		barcode.setBarHeight(46);
		barcode.setX(1);
		float width = barcode.getBarcodeSize().getWidth();
		float module = Math.min(1.6f, (WIDTH - 24) / width);
		barcode.setX(module);
		PdfTemplate template = barcode.createTemplateWithBarcode(cb, Color.BLACK, Color.BLACK);
		cb.addTemplate(template, LEFT + (WIDTH - template.getWidth()) / 2, bottom);
	}

	private static void mark(PdfContentByte cb, Fonts fonts, String mark, float size, float baseline) {
		text(cb, fonts, mark, size, true, LEFT, baseline, INDENT - 4, Element.ALIGN_LEFT);
	}

	/** The name, then the phone in the room left. */
	private static void namePhone(PdfContentByte cb, Fonts fonts, String name, String phone, float size,
			float baseline) {
		float x = LEFT + INDENT;
		float room = WIDTH - INDENT;
		String phoneText = (phone != null) ? phone.strip() : "";
		float phoneWidth = phoneText.isEmpty() ? 0 : Math.min(fonts.measure(phoneText, true, size), room * 0.45f);
		float nameRoom = room - phoneWidth - (phoneText.isEmpty() ? 0 : size);
		float nameWidth = text(cb, fonts, name, size, true, x, baseline, nameRoom, Element.ALIGN_LEFT);
		if (!phoneText.isEmpty()) {
			text(cb, fonts, phoneText, size, true, x + nameWidth + size, baseline, phoneWidth, Element.ALIGN_LEFT);
		}
	}

	/** Text wrapped over at most {@code maxLines} lines from the first baseline down. */
	private static void lines(PdfContentByte cb, Fonts fonts, String text, float size, float leading, int maxLines,
			float x, float baseline, float width) {
		String clean = clean(text);
		BaseFont font = fonts.font(clean, false);
		List<String> lines = wrap(clean, font, size, width, maxLines);
		for (int i = 0; i < lines.size(); i++) {
			show(cb, fonts, clean, lines.get(i), size, false, x, baseline - i * leading, Element.ALIGN_LEFT, width);
		}
	}

	/** One line of text, cut with "…" to the width; returns the width drawn. */
	private static float text(PdfContentByte cb, Fonts fonts, String text, float size, boolean bold, float x,
			float baseline, float width, int alignment) {
		String clean = clean(text);
		if (clean.isEmpty() || width <= 0) {
			return 0;
		}
		String line = cut(clean, fonts.font(clean, bold), size, width);
		return show(cb, fonts, clean, line, size, bold, x, baseline, alignment, width);
	}

	private static float show(PdfContentByte cb, Fonts fonts, String whole, String line, float size, boolean bold,
			float x, float baseline, int alignment, float width) {
		Font font = fonts.of(whole, size, bold);
		float at = (alignment == Element.ALIGN_CENTER) ? x + width / 2 : x;
		ColumnText.showTextAligned(cb, alignment, new Phrase(new Chunk(line, font)), at, baseline, 0);
		return font.getBaseFont().getWidthPoint(line, size);
	}

	/** One line: whitespace and line breaks as single spaces. */
	static String clean(String text) {
		return (text != null) ? text.replaceAll("[\\s\\u3000]+", " ").strip() : "";
	}

	/** The text as it fits the width on one line, cut with "…" when it does not. */
	static String cut(String text, BaseFont font, float size, float width) {
		if (font.getWidthPoint(text, size) <= width) {
			return text;
		}
		int end = fitting(text, font, size, width);
		while (end > 0 && font.getWidthPoint(text.substring(0, end).stripTrailing() + ELLIPSIS, size) > width) {
			end = previous(text, end);
		}
		return text.substring(0, end).stripTrailing() + ELLIPSIS;
	}

	/**
	 * The text in lines of the width: broken between any two Chinese characters, at
	 * spaces in Latin text (inside a word only when that would leave two thirds of a line
	 * empty); at most {@code maxLines}, the last cut with "…" when more would follow.
	 */
	static List<String> wrap(String text, BaseFont font, float size, float width, int maxLines) {
		List<String> lines = new ArrayList<>();
		String rest = text.strip();
		while (!rest.isEmpty()) {
			if (lines.size() == maxLines - 1) {
				lines.add(cut(rest, font, size, width));
				break;
			}
			int end = fitting(rest, font, size, width);
			if (end < rest.length() && isLatin(rest.charAt(end)) && isLatin(rest.charAt(end - 1))) {
				int space = rest.lastIndexOf(' ', end - 1);
				if (space > end / 3) {
					end = space;
				}
			}
			lines.add(rest.substring(0, end).stripTrailing());
			rest = rest.substring(end).stripLeading();
		}
		return lines;
	}

	/** How many chars of the text fit the width (at least one code point). */
	private static int fitting(String text, BaseFont font, float size, float width) {
		int end = 0;
		while (end < text.length()) {
			int next = text.offsetByCodePoints(end, 1);
			if (end > 0 && font.getWidthPoint(text.substring(0, next), size) > width) {
				break;
			}
			end = next;
		}
		return end;
	}

	private static int previous(String text, int end) {
		return text.offsetByCodePoints(end, -1);
	}

	/** Latin text, which is broken at spaces (Chinese text breaks anywhere). */
	private static boolean isLatin(char c) {
		return c < 0x2E80 && !Character.isWhitespace(c);
	}

	/** The two fonts: STSong-Light for Chinese, Helvetica for Latin-only text. */
	private static final class Fonts extends PdfFonts {

		Fonts() throws IOException, DocumentException {
		}

		/** Helvetica for text of printable ASCII only, else STSong-Light. */
		BaseFont font(String text, boolean bold) {
			if (text.chars().allMatch((c) -> c >= 0x20 && c < 0x7F)) {
				return bold ? this.helveticaBold : this.helvetica;
			}
			return this.song;
		}

		/** The font of the text; STSong-Light's bold is drawn by stroking its outline. */
		Font of(String text, float size, boolean bold) {
			BaseFont font = font(text, bold);
			return new Font(font, size, (bold && font == this.song) ? Font.BOLD : Font.NORMAL);
		}

		float measure(String text, boolean bold, float size) {
			return font(text, bold).getWidthPoint(text, size);
		}

	}

}
