package org.farmgate.geo.web;

import org.farmgate.FarmgateTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The geography API: one address, a batch, structured fields, bad input, and the county's
 * villages, for signed-in callers only.
 */
@FarmgateTest
class GeoApiTests {

	@Autowired
	MockMvc mvc;

	@Test
	void oneAddressResolvesToFlatCodesWithNullsForWhatIsUnknown() throws Exception {
		this.mvc
			.perform(get("/api/v1/geo/resolve").param("address", "江苏省南京市鼓楼区中山路1号")
				.with(httpBasic("analyst", "farmgate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.provinceCode").value("320000"))
			.andExpect(jsonPath("$.cityCode").value("320100"))
			.andExpect(jsonPath("$.countyCode").value("320106"))
			.andExpect(jsonPath("$.status").value("OK"))
			.andExpect(jsonPath("$.tableVersion").value("2024+2025.1"));
		this.mvc.perform(get("/api/v1/geo/resolve").param("address", "鼓楼区").with(httpBasic("analyst", "farmgate")))
			.andExpect(jsonPath("$.status").value("AMBIGUOUS"))
			.andExpect(jsonPath("$.provinceCode").value(nullValue()))
			.andExpect(jsonPath("$.countyCode").value(nullValue()));
	}

	@Test
	void aBatchAnswersEveryLineInOrder() throws Exception {
		this.mvc
			.perform(post("/api/v1/geo/resolve").contentType(MediaType.TEXT_PLAIN)
				.content("北京市朝阳区建国路88号\n\n廣東省廣州市天河區\n😀😀😀\n广东省东莞市虎门镇")
				.with(httpBasic("analyst", "farmgate")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(5)))
			.andExpect(jsonPath("$[0].countyCode").value("110105"))
			.andExpect(jsonPath("$[1].status").value("UNRESOLVED"))
			.andExpect(jsonPath("$[2].countyCode").value("440106"))
			.andExpect(jsonPath("$[3].status").value("UNRESOLVED"))
			.andExpect(jsonPath("$[4].status").value("NO_COUNTY"));
	}

	@Test
	void structuredFieldsDecideAndTheDetailDoesNotOverturnThem() throws Exception {
		this.mvc
			.perform(get("/api/v1/geo/resolve").param("province", "福建省")
				.param("city", "福州市")
				.param("district", "鼓楼区")
				.param("detail", "江苏省南京市玄武区某某路1号")
				.with(httpBasic("analyst", "farmgate")))
			.andExpect(jsonPath("$.countyCode").value("350102"));
	}

	@Test
	void aMissingParameterIsA400ThatSaysWhatToSend() throws Exception {
		this.mvc.perform(get("/api/v1/geo/resolve").with(httpBasic("analyst", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("'address'")));
	}

	@Test
	void hostileInputIsUnresolvedNeverAnError() throws Exception {
		String[] inputs = { "", "   ", "a".repeat(10_000), "\u0000\u0001\u0002\uFFFF", "😀🎉🚚".repeat(500),
				"<script>alert(1)</script>", "'; DROP TABLE geo_village; --" };
		for (String input : inputs) {
			this.mvc.perform(get("/api/v1/geo/resolve").param("address", input).with(httpBasic("analyst", "farmgate")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UNRESOLVED"));
		}
	}

	@Test
	void theApiNeedsASignedInCaller() throws Exception {
		this.mvc.perform(get("/api/v1/geo/resolve").param("address", "北京市")).andExpect(status().isUnauthorized());
	}

	@Test
	void theDemoCountyHasItsTownshipsAndLibeiVillageInYongjing() throws Exception {
		this.mvc.perform(get("/api/v1/geo/townships").with(httpBasic("operator", "farmgate")))
			.andExpect(jsonPath("$", hasSize(10)))
			.andExpect(jsonPath("$[?(@.name == '永靖镇')]").exists());
		this.mvc.perform(get("/api/v1/geo/villages").with(httpBasic("operator", "farmgate")))
			.andExpect(jsonPath("$[?(@.name == '立碑村' && @.townshipName == '永靖镇')]").exists());
	}

	@Test
	void onlyOperatorsCreateVillagesThroughTheApi() throws Exception {
		this.mvc
			.perform(post("/api/v1/geo/villages").contentType(MediaType.APPLICATION_JSON)
				.content("{\"townshipId\":\"00000000-0000-0000-0000-000000000000\",\"name\":\"新村\"}")
				.with(httpBasic("merchant", "farmgate")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/geo/villages").contentType(MediaType.APPLICATION_JSON)
				.content("{\"townshipId\":\"00000000-0000-0000-0000-000000000000\",\"name\":\"新村\"}")
				.with(httpBasic("operator", "farmgate")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("geo.error.township-required"));
	}

}
