package org.farmgate.logistics;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.farmgate.logistics.ShippingLabels.Label;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Shipping labels read back from the PDF: a 100 × 150 mm page each, the tracking number
 * as text and as a Code 128 barcode that decodes back to it, the QR code of the trace
 * page only when there is one, and text that stays inside its box.
 */
class ShippingLabelsTests {

	private static final String LONG_ADDRESS = "贵州省贵阳市息烽县永靖镇阳郎村三组一百二十八号附近的小卖部旁边那栋两层小楼二楼左手边第一间".repeat(3);

	private final Label withTrace = new Label("SF1234567890123", Carrier.SF, "欧阳建国", "138****5678", LONG_ADDRESS,
			"贵州 贵阳 息烽县", "息烽县阳郎村蜂蜜合作社", "0851-8772****", "贵州省贵阳市息烽县永靖镇电商服务中心",
			"3817261546271829304, 3817261546271829305", "1.25 kg", "https://trace.example.cn/t/ABCD-EFGH-JKLM",
			"ABCD-EFGH-JKLM");

	private final Label withoutTrace = new Label("75123456789012", Carrier.ZTO, "Li Ming", "139****0000", "四川省成都市武侯区",
			"四川 成都", "息烽县阳郎村蜂蜜合作社", null, null, "TB-1", "0.5 kg", null, null);

	@Test
	void twoLabelsAreATwoPagePdfOf100By150Millimetres() throws IOException {
		PdfReader reader = new PdfReader(ShippingLabels.pdf(List.of(this.withTrace, this.withoutTrace)));
		assertThat(reader.getNumberOfPages()).isEqualTo(2);
		for (int page = 1; page <= 2; page++) {
			Rectangle size = reader.getPageSize(page);
			assertThat(size.getWidth() / 72 * 25.4f).isCloseTo(100f, org.assertj.core.data.Offset.offset(0.1f));
			assertThat(size.getHeight() / 72 * 25.4f).isCloseTo(150f, org.assertj.core.data.Offset.offset(0.1f));
		}
	}

	@Test
	void theTrackingNumberPhoneOrderNumbersAndWeightAreTextOnThePage() throws IOException {
		PdfReader reader = new PdfReader(ShippingLabels.pdf(List.of(this.withTrace, this.withoutTrace)));
		PdfTextExtractor text = new PdfTextExtractor(reader);
		assertThat(text.getTextFromPage(1)).contains("SF1234567890123", "138****5678", "3817261546271829304", "1.25 kg",
				"ABCD-EFGH-JKLM");
		assertThat(text.getTextFromPage(2)).contains("75123456789012", "Li Ming").doesNotContain("SF1234567890123");
	}

	@Test
	void theBarcodeDecodesBackToTheTrackingNumber() throws Exception {
		PdfReader reader = new PdfReader(ShippingLabels.pdf(List.of(this.withTrace, this.withoutTrace)));
		assertThat(decode(barcodeBars(reader, 1))).isEqualTo("SF1234567890123");
		assertThat(decode(barcodeBars(reader, 2))).isEqualTo("75123456789012");
	}

	@Test
	void aLabelWithATraceUrlHasOneMoreImageThanOneWithout() throws IOException {
		PdfReader reader = new PdfReader(ShippingLabels.pdf(List.of(this.withTrace, this.withoutTrace)));
		assertThat(images(reader, 1)).isEqualTo(images(reader, 2) + 1);
	}

	@Test
	void aLongAddressWrapsAndWhatDoesNotFitIsCutWithAnEllipsis() throws Exception {
		BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
		List<String> lines = ShippingLabels.wrap(LONG_ADDRESS, song, 10, 200, 4);
		assertThat(lines).hasSize(4);
		assertThat(lines).allSatisfy((line) -> assertThat(song.getWidthPoint(line, 10)).isLessThanOrEqualTo(200));
		assertThat(lines.get(3)).endsWith("…");
		assertThat(String.join("", lines.subList(0, 3)))
			.isEqualTo(LONG_ADDRESS.substring(0, String.join("", lines.subList(0, 3)).length()));
		assertThat(ShippingLabels.wrap("短地址", song, 10, 200, 4)).containsExactly("短地址");
	}

	@Test
	void latinTextBreaksAtSpaces() throws Exception {
		BaseFont helvetica = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
		List<String> lines = ShippingLabels.wrap("3817261546271829304, 3817261546271829305, 3817261546271829306",
				helvetica, 8, 120, 6);
		assertThat(lines).containsExactly("3817261546271829304,", "3817261546271829305,", "3817261546271829306");
		assertThat(ShippingLabels.cut("3817261546271829304, 3817261546271829305", helvetica, 8, 60)).endsWith("…")
			.startsWith("38172615");
	}

	@Test
	void aLabelNeedsAPrintableTrackingNumberAndSomethingToPrint() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new Label("顺丰123", Carrier.SF, "a", null, null, null, null, null, null, null, null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> ShippingLabels.pdf(List.of()));
	}

	/** The image XObjects of a page. */
	private static int images(PdfReader reader, int page) {
		int images = 0;
		for (PRStream stream : xObjects(reader, page)) {
			if (PdfName.IMAGE.equals(stream.getAsName(PdfName.SUBTYPE))) {
				images++;
			}
		}
		return images;
	}

	private static List<PRStream> xObjects(PdfReader reader, int page) {
		PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
		PdfDictionary xObjects = resources.getAsDict(PdfName.XOBJECT);
		List<PRStream> streams = new ArrayList<>();
		if (xObjects != null) {
			for (PdfName name : xObjects.getKeys()) {
				streams.add((PRStream) PdfReader.getPdfObject(xObjects.get(name)));
			}
		}
		return streams;
	}

	/**
	 * The bars of the barcode: the rectangles ({@code x y w h re}) of the page's form.
	 */
	private static List<Rectangle2D> barcodeBars(PdfReader reader, int page) throws IOException {
		Pattern rectangle = Pattern.compile("(-?[\\d.]+) (-?[\\d.]+) (-?[\\d.]+) (-?[\\d.]+) re");
		List<Rectangle2D> bars = new ArrayList<>();
		for (PRStream stream : xObjects(reader, page)) {
			if (PdfName.FORM.equals(stream.getAsName(PdfName.SUBTYPE))) {
				Matcher matcher = rectangle
					.matcher(new String(PdfReader.getStreamBytes(stream), StandardCharsets.ISO_8859_1));
				while (matcher.find()) {
					bars.add(new Rectangle2D.Float(Float.parseFloat(matcher.group(1)),
							Float.parseFloat(matcher.group(2)), Float.parseFloat(matcher.group(3)),
							Float.parseFloat(matcher.group(4))));
				}
			}
		}
		assertThat(bars).isNotEmpty();
		return bars;
	}

	/** Draws the bars 4 pixels a point with a quiet zone, and reads them as Code 128. */
	private static String decode(List<Rectangle2D> bars) throws NotFoundException {
		int scale = 4;
		int quiet = 60;
		double right = bars.stream().mapToDouble(Rectangle2D::getMaxX).max().orElseThrow();
		BufferedImage image = new BufferedImage((int) Math.ceil(right * scale) + 2 * quiet, 120,
				BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
		graphics.setColor(Color.BLACK);
		for (Rectangle2D bar : bars) {
			int from = quiet + (int) Math.round(bar.getX() * scale);
			int to = quiet + (int) Math.round(bar.getMaxX() * scale);
			graphics.fillRect(from, 10, to - from, 100);
		}
		graphics.dispose();
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		return new MultiFormatReader()
			.decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128)))
			.getText();
	}

}
