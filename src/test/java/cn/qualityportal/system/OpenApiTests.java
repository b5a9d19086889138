package cn.qualityportal.system;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API is described by OpenAPI, readable without signing in. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theApiIsDescribedAtV3ApiDocs() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("Quality Target Portal API (质量强区目标管理平台)"))
			.andExpect(jsonPath("$.paths['/api/v1/targets'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/targets'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/documents'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/regions'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/indicators'].get").exists())
			.andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"));
	}

}
