package org.farmgate.uploads;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An uploaded file is read as UTF-8 when it is, and as GB18030 (what Excel writes in
 * China) when it is not, whatever the two have in common.
 */
class UploadedTextTests {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final String TEXT = "订单编号,收货人姓名\n1001,张三\n1002,李四\n";

	@Test
	void utf8IsReadAsUtf8WithOrWithoutItsByteOrderMark() {
		byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[utf8.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, withBom, 3, utf8.length);

		assertThat(UploadedText.of(utf8).text()).isEqualTo(TEXT);
		assertThat(UploadedText.of(withBom).text()).isEqualTo(TEXT);
	}

	@Test
	void textThatIsNotUtf8IsReadAsGb18030() {
		assertThat(UploadedText.of(TEXT.getBytes(GB18030)).text()).isEqualTo(TEXT);
	}

	@Test
	void gb18030WhoseChineseComesOnlyAfterALongAsciiStartIsStillReadAsGb18030() {
		String text = "id,note\n" + "1001,ok\n".repeat(20_000) + "1002,收货人\n";

		assertThat(UploadedText.of(text.getBytes(GB18030)).text()).isEqualTo(text);
	}

	@Test
	void utf8WithACharacterAcrossTheEndOfItsStrictlyReadHeadIsStillUtf8() {
		// 65,535 ASCII bytes, then a character of three bytes over the 65,536th
		String text = "x".repeat(65_535) + "订单\n";

		assertThat(UploadedText.of(text.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(text);
	}

	@Test
	void utf8ThatSpellsTheReplacementCharacterItselfStaysUtf8() {
		String text = "商品,备注\n酸菜,乱码\uFFFD\n";

		assertThat(UploadedText.of(text.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(text);
	}

	@Test
	void utf8CutInTheMiddleOfACharacterIsNotTakenForUtf8() {
		byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
		byte[] cut = java.util.Arrays.copyOf(utf8, utf8.length - 2);

		assertThat(UploadedText.of(cut).text()).as("read as GB18030, not as UTF-8 with a replacement character")
			.isEqualTo(new String(cut, GB18030))
			.doesNotContain("李四");
	}

}
