package org.farmgate.registry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.farmgate.FarmgateTest;
import org.farmgate.accounts.SignedInUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk import: every row's problems by line and column before anything is saved, the good
 * rows saved on confirmation, the same file twice changing nothing, formulas refused, and
 * files that are not registry files refused as a whole.
 */
@FarmgateTest
class RegistryImportTests {

	@Autowired
	RegistryImport imports;

	@Autowired
	HouseholdManagement households;

	@Autowired
	UserDetailsService users;

	private SignedInUser operator() {
		return (SignedInUser) this.users.loadUserByUsername("operator");
	}

	@Test
	void aHouseholdFileIsCheckedRowByRowThenImportedAndASecondImportChangesNothing() {
		String good1 = idNumber(1);
		String good2 = idNumber(2);
		String csv = "身份证号,户主,家庭人口,脱贫户,建档年份,基准年收入\n" + good1 + ",导入甲,3,是,2015,5200.5\n"
				+ "110105194912310021,导入乙,2,否,,\n" + good2 + ",导入丙,x,否,,\n" + idNumber(3)
				+ ",=cmd|' /C calc'!A0,2,否,,\n" + good2.substring(0, 17) + "," + "导入丁,2,否,,\n";
		byte[] file = csv.getBytes(StandardCharsets.UTF_8);

		RegistryImport.Preview preview = this.imports.preview(operator(), RegistryImport.Kind.HOUSEHOLDS, "h.csv",
				file);

		assertThat(preview.rows()).extracting(RegistryImport.Row::line).containsExactly(2, 3, 4, 5, 6);
		assertThat(preview.rows().get(0).action()).isEqualTo(RegistryImport.Action.CREATE);
		assertThat(preview.rows().get(1).problems())
			.containsExactly(new RegistryImport.Problem("national_id", "registry.error.national-id"));
		assertThat(preview.rows().get(2).problems())
			.containsExactly(new RegistryImport.Problem("members", "registry.import.error.number"));
		assertThat(preview.rows().get(3).problems())
			.containsExactly(new RegistryImport.Problem("户主", "registry.import.error.formula"));
		assertThat(preview.rows().get(4).action()).isEqualTo(RegistryImport.Action.REFUSED);
		assertThat(named("导入甲")).as("nothing saved by a preview").isFalse();

		int changed = this.imports.apply(operator(), preview);

		assertThat(changed).isEqualTo(1);
		assertThat(named("导入甲")).isTrue();
		RegistryImport.Preview again = this.imports.preview(operator(), RegistryImport.Kind.HOUSEHOLDS, "h.csv", file);
		assertThat(again.rows().get(0).action()).isEqualTo(RegistryImport.Action.UNCHANGED);
		assertThat(this.imports.apply(operator(), again)).isZero();
	}

	@Test
	void entrepreneursAreMatchedOnNameAndPhoneSoNamesakesStayApartAndAReimportChangesNothing() {
		byte[] file = ("name,phone,gender\n同名人,13700000001,女\n同名人,13700000002,男\n").getBytes(StandardCharsets.UTF_8);

		RegistryImport.Preview first = this.imports.preview(operator(), RegistryImport.Kind.ENTREPRENEURS, "e.csv",
				file);
		assertThat(first.rows()).extracting(RegistryImport.Row::action)
			.containsExactly(RegistryImport.Action.CREATE, RegistryImport.Action.CREATE);
		assertThat(this.imports.apply(operator(), first)).isEqualTo(2);

		RegistryImport.Preview again = this.imports.preview(operator(), RegistryImport.Kind.ENTREPRENEURS, "e.csv",
				file);
		assertThat(again.rows()).extracting(RegistryImport.Row::action)
			.containsExactly(RegistryImport.Action.UNCHANGED, RegistryImport.Action.UNCHANGED);
	}

	@Test
	void anXlsxWithAFormulaCellIsRefusedOnThatRowAndColumnAndNeverEvaluated() throws Exception {
		byte[] xlsx = workbook((sheet) -> {
			XSSFRow header = sheet.createRow(0);
			header.createCell(0).setCellValue("credit_code");
			header.createCell(1).setCellValue("name");
			header.createCell(2).setCellValue("type");
			XSSFRow row = sheet.createRow(1);
			row.createCell(0).setCellValue(code("93520122MA6XL0Q01"));
			row.createCell(1).setCellFormula("HYPERLINK(\"http://example.invalid\",\"click\")");
			row.createCell(2).setCellValue("合作社");
			XSSFRow good = sheet.createRow(2);
			good.createCell(0).setCellValue(code("93520122MA6XL0Q02"));
			good.createCell(1).setCellValue("表格导入合作社");
			good.createCell(2).setCellValue("合作社");
		});

		RegistryImport.Preview preview = this.imports.preview(operator(), RegistryImport.Kind.ORGANISATIONS, "o.xlsx",
				xlsx);

		assertThat(preview.fileProblem()).isNull();
		assertThat(preview.rows().get(0).line()).isEqualTo(2);
		assertThat(preview.rows().get(0).problems())
			.containsExactly(new RegistryImport.Problem("name", "registry.import.error.formula"));
		assertThat(preview.rows().get(1).action()).isEqualTo(RegistryImport.Action.CREATE);
	}

	@Test
	void aSpreadsheetThatIsNotARegistryFileIsRefusedAsAWhole() throws Exception {
		byte[] xlsx = workbook((sheet) -> {
			XSSFRow header = sheet.createRow(0);
			header.createCell(0).setCellValue("商品");
			header.createCell(1).setCellValue("价格");
			sheet.createRow(1).createCell(0).setCellValue("酸菜");
		});

		assertThat(this.imports.preview(operator(), RegistryImport.Kind.SHOPS, "goods.xlsx", xlsx).fileProblem())
			.isEqualTo("registry.import.error.columns");
		assertThat(this.imports
			.preview(operator(), RegistryImport.Kind.SHOPS, "junk.xlsx", new byte[] { 'P', 'K', 3, 4, 1, 2, 3 })
			.fileProblem()).isEqualTo("registry.import.error.unreadable");
	}

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void theImportPageShowsEachProblemWithItsLineAndColumnAndImportsOnConfirmation() throws Exception {
		String csv = "统一社会信用代码,名称,类型\n" + code("93520122MA6XL0P01") + ",页面导入合作社,合作社\n"
				+ "91350100M000100Y44,代码错了,合作社\n";
		org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
		String page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/registry/import")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "orgs.csv", "text/csv",
						csv.getBytes(StandardCharsets.UTF_8)))
				.param("kind", "ORGANISATIONS")
				.session(session)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(operator()))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("新建 1", "有错误 1", "列“credit_code”：统一社会信用代码无效", ">3</td>");

		String id = page.replaceAll("(?s).*action=\"/registry/import/([0-9a-f-]{36})\".*", "$1");
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/registry/import/" + id)
			.session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(operator()))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));

		assertThat(this.registry.organisations(operator())).extracting(OrganisationView::name).contains("页面导入合作社");
	}

	@Autowired
	RegistryManagement registry;

	private boolean named(String head) {
		return this.households.households(operator()).stream().anyMatch(household -> household.headName().equals(head));
	}

	private static String code(String first17) {
		return first17 + CreditCode.checkCharacter(first17);
	}

	private static String idNumber(int sequence) {
		String first17 = "520122" + "1971" + "0606" + String.format("%03d", 700 + sequence);
		return first17 + NationalId.checkCharacter(first17);
	}

	private static byte[] workbook(java.util.function.Consumer<XSSFSheet> fill) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fill.accept(workbook.createSheet("data"));
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
