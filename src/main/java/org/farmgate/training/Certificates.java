package org.farmgate.training;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import org.farmgate.web.QrCodes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates: found by their verification code (the public page confirms a genuine one
 * and says plainly when a code is not ours), listed for their holder, and drawn as a PDF
 * with the code and a QR code of the verification page.
 */
@Service
@Transactional(readOnly = true)
public class Certificates {

	/** What a code looks like; anything else is not looked up. */
	private static final String CODE_PATTERN = "[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}";

	private final JdbcClient jdbc;

	Certificates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The certificate of a code, typed in any case, with or without its dashes. */
	public Optional<CertificateView> byCode(String code) {
		String normal = normalize(code);
		if (normal == null) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT + " WHERE c.code = ?").param(normal).query(Certificates::view).optional();
	}

	List<CertificateView> ofTrainee(UUID traineeId) {
		return this.jdbc.sql(SELECT + " WHERE c.trainee_id = ? ORDER BY c.issued_at DESC")
			.param(traineeId)
			.query(Certificates::view)
			.list();
	}

	/** Whether a certificate belongs to this trainee (who may download it). */
	boolean holds(UUID traineeId, String code) {
		return this.jdbc.sql("SELECT count(*) FROM training_certificate WHERE code = ? AND trainee_id = ?")
			.params(normalize(code), traineeId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The certificate as an A4 landscape PDF: Chinese text in the Adobe font STSong-Light
	 * (every PDF reader in China has it; nothing to embed), the verification code and a
	 * QR code of the public page that confirms it.
	 */
	public byte[] pdf(CertificateView certificate, String verificationUrl) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Document document = new Document(PageSize.A4.rotate(), 60, 60, 50, 40);
			PdfWriter.getInstance(document, out);
			document.open();
			BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			Font title = new Font(song, 30, Font.BOLD);
			Font large = new Font(song, 18);
			Font body = new Font(song, 13);
			document.add(centered("结业证书", title, 24));
			document.add(centered("Certificate of completion · Certificat de formation", body, 30));
			document.add(centered(certificate.traineeName(), new Font(song, 26, Font.BOLD), 18));
			document.add(centered("于 " + certificate.sessionDate() + " 参加「" + certificate.courseTitle() + "」培训（"
					+ certificate.hours().stripTrailingZeros().toPlainString() + " 学时），考核成绩 "
					+ certificate.score().stripTrailingZeros().toPlainString() + " 分，准予结业。", large, 30));
			document.add(centered("息烽县电子商务运营中心", body, 6));
			// the code and the address in a standard Latin font: text that any reader can
			// search and copy (STSong-Light's UCS-2 text carries no ToUnicode map)
			Font latin = new Font(Font.HELVETICA, 13);
			Paragraph code = new Paragraph();
			code.add(new Chunk("验证码 ", body));
			code.add(new Chunk("Verification code: " + certificate.code(), latin));
			code.setAlignment(Element.ALIGN_CENTER);
			code.setSpacingAfter(6);
			document.add(code);
			document.add(centered(verificationUrl, latin, 10));
			Image qr = Image.getInstance(QrCodes.png(verificationUrl, 240));
			qr.scaleAbsolute(110, 110);
			qr.setAlignment(Element.ALIGN_CENTER);
			document.add(qr);
			document.close();
			return out.toByteArray();
		}
		catch (java.io.IOException | com.lowagie.text.DocumentException ex) {
			throw new IllegalStateException("Could not draw certificate " + certificate.code(), ex);
		}
	}

	private static Paragraph centered(String text, Font font, float after) {
		Paragraph paragraph = new Paragraph(text, font);
		paragraph.setAlignment(Element.ALIGN_CENTER);
		paragraph.setSpacingAfter(after);
		return paragraph;
	}

	static String normalize(String code) {
		if (code == null) {
			return null;
		}
		String plain = code.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
		if (plain.length() != 12) {
			return null;
		}
		String dashed = plain.substring(0, 4) + "-" + plain.substring(4, 8) + "-" + plain.substring(8);
		return dashed.matches(CODE_PATTERN) ? dashed : null;
	}

	private static final String SELECT = """
			SELECT c.code, t.id, t.name, c.course_title, c.hours, c.score, c.session_date, c.issued_at
			FROM training_certificate c JOIN training_trainee t ON t.id = c.trainee_id
			""";

	private static CertificateView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new CertificateView(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
				rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getObject(7, java.time.LocalDate.class),
				rs.getTimestamp(8).toInstant());
	}

}
