package org.farmgate.geo.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.farmgate.FarmgateTest;
import org.farmgate.accounts.AccountManagement;
import org.farmgate.accounts.DataScope;
import org.farmgate.accounts.Role;
import org.farmgate.geo.CountyGeographyManagement;
import org.farmgate.geo.GeoException;
import org.farmgate.geo.PlaceInput;
import org.farmgate.geo.TownshipView;
import org.farmgate.geo.VillageImport;
import org.farmgate.geo.VillageView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Operators keep the county's townships and villages: by hand, or by a CSV import that
 * shows every row's problems before anything is saved.
 */
@FarmgateTest
class CountyGeographyPageTests {

	private static final String COUNTY = "520122";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	CountyGeographyManagement geography;

	@Autowired
	AccountManagement accounts;

	@Test
	void anOperatorAddsAVillageToATownship() throws Exception {
		TownshipView yongjing = township("永靖镇");

		this.mvc
			.perform(post("/geo/villages").with(user(this.users.loadUserByUsername("operator")))
				.with(csrf())
				.param("townshipId", yongjing.id().toString())
				.param("name", "茶园村")
				.param("statCode", "520122100201")
				.param("households", "210")
				.param("population", "830")
				.param("latitude", "27.09")
				.param("longitude", "106.74"))
			.andExpect(redirectedUrl("/geo/villages"));

		assertThat(village("茶园村").place().population()).isEqualTo(830);
		assertThat(village("茶园村").townshipName()).isEqualTo("永靖镇");
	}

	@Test
	void aVillageFormWithMistakesSaysWhatToFixAndSavesNothing() throws Exception {
		TownshipView yongjing = township("永靖镇");

		this.mvc
			.perform(post("/geo/villages").with(user(this.users.loadUserByUsername("operator")))
				.with(csrf())
				.param("townshipId", yongjing.id().toString())
				.param("name", "错误村")
				.param("statCode", "110101001001")
				.param("households", "-3")
				.param("latitude", "127.5")
				.param("longitude", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("前 6 位为本县区划代码")))
			.andExpect(content().string(containsString("户数应为不小于 0 的整数")))
			.andExpect(content().string(containsString("坐标应同时填写")));

		assertThat(this.geography.villages(COUNTY)).noneMatch(village -> village.name().equals("错误村"));
	}

	@Test
	void aMerchantSeesTheVillagesButCannotChangeThem() throws Exception {
		this.mvc.perform(get("/geo/villages").with(user(this.users.loadUserByUsername("merchant"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("立碑村")))
			.andExpect(content().string(not(containsString("/geo/villages/import"))));
		this.mvc
			.perform(post("/geo/townships").with(user(this.users.loadUserByUsername("merchant")))
				.with(csrf())
				.param("name", "冒名镇"))
			.andExpect(status().isForbidden());
	}

	@Test
	void anotherCountysOperatorSeesNoneOfThisCountysVillages() throws Exception {
		this.accounts.createAccount("kaiyang-operator", "开阳县运营", Role.OPERATOR, DataScope.county("520121"),
				"kaiyang-password");
		VillageView libei = village("立碑村");

		this.mvc.perform(get("/geo/villages").with(user(this.users.loadUserByUsername("kaiyang-operator"))))
			.andExpect(content().string(not(containsString("立碑村"))));
		this.mvc
			.perform(get("/geo/villages/" + libei.id()).with(user(this.users.loadUserByUsername("kaiyang-operator"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void aCsvImportPreviewsEveryRowWithItsLineAndSavesOnlyOnConfirmation() throws Exception {
		String csv = """
				乡镇,村,统计代码,户数,人口,纬度,经度
				永靖镇,试验一村,,120,480,27.09,106.74
				,无乡镇村,,10,40,,
				永靖镇,试验二村,12345,10,40,,
				新设乡,试验三村,,abc,40,27.1,
				永靖镇,试验一村,,120,480,27.09,106.74
				新设乡,试验四村,,88,300,,
				""";
		MockHttpSession session = new MockHttpSession();
		MvcResult preview = this.mvc
			.perform(multipart("/geo/villages/import")
				.file(new MockMultipartFile("file", "villages.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.session(session)
				.with(user(this.users.loadUserByUsername("operator")))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 6 行，2 行可以导入，4 行有错误")))
			.andExpect(content().string(containsString("缺少乡镇名称")))
			.andExpect(content().string(containsString("统计代码应为 12 位数字")))
			.andExpect(content().string(containsString("户数应为不小于 0 的整数")))
			.andExpect(content().string(containsString("与文件中前面的一行重复")))
			.andReturn();
		String page = preview.getResponse().getContentAsString();
		assertThat(page).contains(">3</td>", ">4</td>", ">5</td>", ">6</td>").doesNotContain(">8</td>");
		assertThat(this.geography.villages(COUNTY)).noneMatch(village -> village.name().startsWith("试验"));

		String id = page.replaceAll("(?s).*action=\"/geo/villages/import/([0-9a-f-]{36})\".*", "$1");
		this.mvc
			.perform(post("/geo/villages/import/" + id).session(session)
				.with(user(this.users.loadUserByUsername("operator")))
				.with(csrf()))
			.andExpect(redirectedUrl("/geo/villages"));

		assertThat(
				this.geography.villages(COUNTY).stream().map(VillageView::name).filter(name -> name.startsWith("试验")))
			.containsExactlyInAnyOrder("试验一村", "试验四村");
		assertThat(township("新设乡")).isNotNull();
	}

	@Test
	void aCsvSavedByExcelInGbkIsReadCorrectly() throws Exception {
		String csv = "乡镇,村,户数\r\n温泉镇,汤泉村,99\r\n";
		MockHttpSession session = new MockHttpSession();
		this.mvc
			.perform(multipart("/geo/villages/import")
				.file(new MockMultipartFile("file", "gbk.csv", "text/csv", csv.getBytes(Charset.forName("GBK"))))
				.session(session)
				.with(user(this.users.loadUserByUsername("operator")))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("汤泉村")))
			.andExpect(content().string(containsString("共 1 行，1 行可以导入")));
	}

	@Test
	void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() throws Exception {
		this.mvc.perform(multipart("/geo/villages/import")
			.file(new MockMultipartFile("file", "wrong.csv", "text/csv",
					"name,size\n立碑村,3\n".getBytes(StandardCharsets.UTF_8)))
			.with(user(this.users.loadUserByUsername("operator")))
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("文件缺少必填列")));
	}

	@Test
	void theAddressCheckShowsHowEachPastedLineResolves() throws Exception {
		this.mvc
			.perform(post("/geo/addresses").with(user(this.users.loadUserByUsername("operator")))
				.with(csrf())
				.param("addresses", "贵州省贵阳市息烽县永靖镇立碑村\n鼓楼区中山路\n<b>不是地址</b>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("息烽县 520122")))
			.andExpect(content().string(containsString("有歧义")))
			.andExpect(content().string(containsString("&lt;b&gt;不是地址&lt;/b&gt;")));
	}

	@Test
	void previewLineNumbersAreTheLinesRowsStartOnEvenAcrossQuotedLineBreaks() {
		String csv = "乡镇,村,户数\n永靖镇,\"行一村\",1\n永靖镇,\"多行\n村\",2\n永靖镇,行四村,x\n";

		VillageImport.Preview preview = this.geography.previewImport(COUNTY, "lines.csv",
				csv.getBytes(StandardCharsets.UTF_8));

		assertThat(preview.rows()).extracting(VillageImport.Row::line).containsExactly(2, 3, 5);
		assertThat(preview.rows().get(2).problems()).containsExactly("geo.error.households");
	}

	@Test
	void aFileWithAnUnclosedQuoteIsReportedUnreadableNotAnError() throws Exception {
		this.mvc.perform(multipart("/geo/villages/import")
			.file(new MockMultipartFile("file", "broken.csv", "text/csv",
					"乡镇,村\n永靖镇,\"甲村\n".getBytes(StandardCharsets.UTF_8)))
			.with(user(this.users.loadUserByUsername("operator")))
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("无法读取文件")));
	}

	@Test
	void aVillageFormWithoutATownshipSaysSo() throws Exception {
		for (String township : new String[] { "", "not-a-uuid" }) {
			this.mvc
				.perform(post("/geo/villages").with(user(this.users.loadUserByUsername("operator")))
					.with(csrf())
					.param("townshipId", township)
					.param("name", "无乡镇村"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("请选择本县的一个乡镇")));
		}
	}

	@Test
	void reimportingAVillageWithFewerColumnsKeepsWhatTheFileDoesNotSay() throws Exception {
		TownshipView yongjing = township("永靖镇");
		this.geography.createVillage(COUNTY, yongjing.id(), new PlaceInput("保留村", "", "300", "1200", "27.1", "106.7"));

		VillageImport.Preview preview = this.geography.previewImport(COUNTY, "names.csv",
				"乡镇,村,户数\n永靖镇,保留村,310\n".getBytes(StandardCharsets.UTF_8));
		assertThat(preview.rows().get(0).action()).isEqualTo(VillageImport.Action.UPDATE);
		this.geography.importVillages(preview);

		VillageView kept = village("保留村");
		assertThat(kept.place().households()).isEqualTo(310);
		assertThat(kept.place().population()).isEqualTo(1200);
		assertThat(kept.place().latitude()).isEqualByComparingTo("27.1");
	}

	@Test
	void aPreviewConfirmedTwiceImportsOnceAndAStalePreviewIsRefused() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String page = this.mvc.perform(multipart("/geo/villages/import")
			.file(new MockMultipartFile("file", "once.csv", "text/csv",
					"乡镇,村\n温泉镇,一次村\n".getBytes(StandardCharsets.UTF_8)))
			.session(session)
			.with(user(this.users.loadUserByUsername("operator")))
			.with(csrf())).andReturn().getResponse().getContentAsString();
		String id = page.replaceAll("(?s).*action=\"/geo/villages/import/([0-9a-f-]{36})\".*", "$1");
		for (int click = 0; click < 2; click++) {
			this.mvc.perform(post("/geo/villages/import/" + id).session(session)
				.with(user(this.users.loadUserByUsername("operator")))
				.with(csrf()));
		}
		assertThat(this.geography.villages(COUNTY).stream().filter(village -> village.name().equals("一次村"))).hasSize(1);

		VillageImport.Preview stale = this.geography.previewImport(COUNTY, "stale.csv",
				"乡镇,村\n温泉镇,后来村\n".getBytes(StandardCharsets.UTF_8));
		this.geography.createVillage(COUNTY, township("温泉镇").id(), new PlaceInput("后来村", "", "", "", "", ""));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.geography.importVillages(stale))
			.isInstanceOf(GeoException.class)
			.hasMessageContaining("geo.import.error.stale");
	}

	@Test
	void anotherCountysOperatorCannotChangeThisCountysVillages() throws Exception {
		this.accounts.createAccount("kaiyang-editor", "开阳县运营", Role.OPERATOR, DataScope.county("520121"),
				"kaiyang-password");
		VillageView libei = village("立碑村");

		this.mvc
			.perform(post("/geo/villages/" + libei.id()).with(user(this.users.loadUserByUsername("kaiyang-editor")))
				.with(csrf())
				.param("townshipId", libei.townshipId().toString())
				.param("name", "被改名村"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/geo/townships/" + libei.townshipId())
				.with(user(this.users.loadUserByUsername("kaiyang-editor")))
				.with(csrf())
				.param("name", "被改名镇"))
			.andExpect(status().isNotFound());
		assertThat(village("立碑村").townshipName()).isEqualTo("永靖镇");
	}

	private TownshipView township(String name) {
		return this.geography.townships(COUNTY)
			.stream()
			.filter(township -> township.name().equals(name))
			.findFirst()
			.orElse(null);
	}

	private VillageView village(String name) {
		return this.geography.villages(COUNTY)
			.stream()
			.filter(village -> village.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
