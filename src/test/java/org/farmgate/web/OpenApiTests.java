package org.farmgate.web;

import org.farmgate.FarmgateTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API is described with OpenAPI, for integrators and scripts.
 */
@FarmgateTest
class OpenApiTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theOpenApiDescriptionListsTheApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/organisations'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/shops'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/geo/resolve'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/me'].get").exists())
			.andExpect(jsonPath("$.components.schemas.ShopView.properties.platform").exists());
	}

	@Test
	void theSwaggerUiIsServed() throws Exception {
		this.mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}

}
