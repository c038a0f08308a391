package org.farmgate.statistics.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import org.farmgate.web.PdfFonts;

/**
 * The report's fonts: Helvetica for Latin text (numbers stay searchable), STSong-Light
 * for Chinese and whatever else Helvetica lacks.
 */
final class ReportFonts extends PdfFonts {

	ReportFonts() throws IOException, DocumentException {
	}

	/** The text as chunks, each run in the font that has its characters. */
	Phrase phrase(String text, float size, boolean bold) {
		Phrase phrase = new Phrase(size * 1.3f);
		for (String run : runs(text)) {
			BaseFont font = latin(run.charAt(0)) ? (bold ? this.helveticaBold : this.helvetica) : this.song;
			phrase.add(new Chunk(run, new Font(font, size, (bold && font == this.song) ? Font.BOLD : Font.NORMAL)));
		}
		return phrase;
	}

	/** The one font a short text (a chart label) is drawn in. */
	BaseFont font(String text) {
		return text.chars().allMatch(c -> latin((char) c)) ? this.helvetica : this.song;
	}

	/** Whether Helvetica (WinAnsi) draws the character. */
	static boolean latin(char c) {
		return c < 0x100 || "–—‘’“”•…€‰œŒ".indexOf(c) >= 0;
	}

	private static List<String> runs(String text) {
		List<String> runs = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			runs.add(" ");
			return runs;
		}
		int start = 0;
		for (int i = 1; i <= text.length(); i++) {
			if (i == text.length() || latin(text.charAt(i)) != latin(text.charAt(start))) {
				runs.add(text.substring(start, i));
				start = i;
			}
		}
		return runs;
	}

}
