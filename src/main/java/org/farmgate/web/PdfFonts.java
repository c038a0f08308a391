package org.farmgate.web;

import java.io.IOException;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;

/**
 * The fonts of Farmgate's printed papers (labels, route sheets, reports): STSong-Light
 * (Adobe's CJK font, not embedded) for Chinese, Helvetica for Latin text so that numbers
 * and codes stay searchable and copyable.
 */
public abstract class PdfFonts {

	public final BaseFont song;

	public final BaseFont helvetica;

	public final BaseFont helveticaBold;

	protected PdfFonts() throws IOException, DocumentException {
		this.song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
		this.helvetica = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
		this.helveticaBold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
	}

}
