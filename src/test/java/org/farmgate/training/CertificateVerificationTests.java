package org.farmgate.training;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Certificates as others check them: found by their code however it is typed; the public
 * page (no sign-in) confirms a genuine one with the holder's name masked and says plainly
 * when a code was not issued by the centre; the PDF carries the code.
 */
@FarmgateTest
class CertificateVerificationTests {

	private static final String HOLDER = "张美丽";

	@Autowired
	EnrolmentManagement enrolments;

	@Autowired
	SessionManagement sessions;

	@Autowired
	CourseManagement courses;

	@Autowired
	Certificates certificates;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	private TrainingFixtures fixtures;

	private CourseView course;

	private String phone;

	private String code;

	@BeforeEach
	void aCertificateIssuedByScoring() {
		this.fixtures = new TrainingFixtures(this.courses, this.sessions, this.accounts, this.users);
		this.course = this.fixtures.course("证书查验测试课");
		SessionView session = this.fixtures.sessionNow(this.course, 5);
		this.phone = TrainingFixtures.phone();
		EnrolmentView enrolment = this.enrolments.enrolByOperator(this.fixtures.operator, session.id(), HOLDER,
				this.phone);
		this.enrolments.markAttended(this.fixtures.trainer, enrolment.id());
		this.code = this.enrolments.score(this.fixtures.trainer, enrolment.id(), new BigDecimal("88.5"))
			.certificateCode();
		assertThat(this.code).isNotNull();
	}

	@Test
	void aCertificateIsFoundByItsCodeTypedInLowerCaseAndWithoutDashes() {
		CertificateView exact = this.certificates.byCode(this.code).orElseThrow();
		assertThat(exact.code()).isEqualTo(this.code);
		assertThat(exact.traineeName()).isEqualTo(HOLDER);
		assertThat(exact.courseTitle()).isEqualTo(this.course.title());
		assertThat(exact.score()).isEqualByComparingTo("88.5");
		assertThat(exact.hours()).isEqualByComparingTo("3.5");

		String lower = this.code.toLowerCase(Locale.ROOT);
		String plain = this.code.replace("-", "");
		assertThat(this.certificates.byCode(lower)).map(CertificateView::code).contains(this.code);
		assertThat(this.certificates.byCode(plain)).map(CertificateView::code).contains(this.code);
		assertThat(this.certificates.byCode(" " + plain.toLowerCase(Locale.ROOT) + " ")).map(CertificateView::code)
			.contains(this.code);
	}

	@Test
	void malformedCodesFindNothing() {
		assertThat(this.certificates.byCode(null)).isEmpty();
		assertThat(this.certificates.byCode("")).isEmpty();
		assertThat(this.certificates.byCode(this.code.substring(1))).isEmpty();
		assertThat(this.certificates.byCode("' OR '1'='1")).isEmpty();
		assertThat(this.certificates.byCode("0000-0000-0000")).as("0 is not in the alphabet").isEmpty();
	}

	@Test
	void thePublicPageConfirmsTheCertificateWithTheCourseAndTheMaskedName() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/certificates/{code}", this.code))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		String page = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"certificate-valid\"");
		assertThat(page).contains("这是本中心颁发的有效结业证书");
		assertThat(page).contains(this.course.title());
		assertThat(page).contains("张*丽");
		assertThat(page).contains(this.code);
		assertThat(page).doesNotContain(HOLDER);
		assertThat(page).doesNotContain(this.phone);
		assertThat(page).doesNotContain(this.phone.substring(7));
		assertThat(page).doesNotContain("id=\"certificate-unknown\"");
	}

	@Test
	void thePublicPageFindsTheCodeTypedInLowerCaseWithoutDashes() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/certificates").param("code", this.code.replace("-", "").toLowerCase(Locale.ROOT)))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("张*丽").contains(this.code);
	}

	@Test
	void aWellFormedCodeThatWasNotIssuedIsNotFoundWithAPlainMessage() throws Exception {
		String forged;
		do {
			forged = EnrolmentManagement.certificateCode();
		}
		while (this.certificates.byCode(forged).isPresent());

		MockHttpServletResponse response = this.mvc.perform(get("/certificates/{code}", forged))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(404);
		String page = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"certificate-unknown\"");
		assertThat(page).contains("不是本中心颁发的");
		assertThat(page).doesNotContain("id=\"certificate-valid\"");
		assertThat(page).doesNotContain("这是本中心颁发的有效结业证书");
	}

	@Test
	void junkInTheAddressIsNotFoundAndShownEscaped() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/certificates/{code}", "<script>alert(1)<script>"))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(404);
		String page = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("不是本中心颁发的");
		assertThat(page).doesNotContain("<script>alert(1)");
		assertThat(page).contains("&lt;script&gt;alert(1)");
	}

	@Test
	void junkTypedIntoTheFormIsNotFoundAndShownEscaped() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/certificates").param("code", "\"><script>alert('x')</script>"))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(404);
		String page = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("不是本中心颁发的");
		assertThat(page).doesNotContain("<script>alert('x')");
		assertThat(page).doesNotContain("\"><script>");
		assertThat(page).contains("&lt;script&gt;");
	}

	@Test
	void thePdfIsAPdfWhoseTextCarriesTheVerificationCode() throws Exception {
		CertificateView certificate = this.certificates.byCode(this.code).orElseThrow();

		byte[] pdf = this.certificates.pdf(certificate, "https://farmgate.example/certificates/" + this.code);

		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		PdfReader reader = new PdfReader(pdf);
		try {
			assertThat(reader.getNumberOfPages()).isEqualTo(1);
			String text = new PdfTextExtractor(reader).getTextFromPage(1);
			assertThat(text).contains(this.code);
			assertThat(text).contains("https://farmgate.example/certificates/" + this.code);
		}
		finally {
			reader.close();
		}
	}

}
