package cn.qualityportal.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API is described by OpenAPI, readable without signing in, and the description is valid and true. */
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

	@Test
	void theDescriptionPassesAnOpenApiValidator() throws Exception {
		SwaggerParseResult result = parse();
		assertThat(result.getMessages()).isEmpty();
		assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
	}

	@Test
	void noOperationListsTheInternalScopeOrUserAsAParameter() throws Exception {
		List<String> internal = new ArrayList<>();
		operations(parse().getOpenAPI()).forEach((name, operation) -> {
			for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
				if (List.of("scope", "user", "actor", "request").contains(parameter.getName())) {
					internal.add(name + " " + parameter.getName());
				}
			}
		});
		assertThat(internal).isEmpty();
	}

	@Test
	void everyBodyHasASchemaAndEveryOperationItsProblemResponsesWithExamples() throws Exception {
		OpenAPI api = parse().getOpenAPI();
		List<String> missing = new ArrayList<>();
		operations(api).forEach((name, operation) -> {
			if (operation.getRequestBody() != null) {
				operation.getRequestBody().getContent().forEach((type, media) -> {
					if (media.getSchema() == null || isBareMap(media)) {
						missing.add(name + " body " + type);
					}
				});
			}
			if (operation.getResponses().get("401") == null) {
				missing.add(name + " 401");
			}
			operation.getResponses().forEach((code, response) -> {
				if (code.startsWith("4")) {
					MediaType problem = response.getContent() == null ? null
							: response.getContent().get("application/problem+json");
					if (problem == null || problem.getExamples() == null || problem.getExamples().isEmpty()) {
						missing.add(name + " " + code + " example");
					}
				}
			});
		});
		// The bodies that used to be undocumented maps.
		assertThat(operations(api).get("POST /api/v1/values/{id}/correct").getRequestBody().getContent()
			.get("application/json").getSchema().get$ref()).endsWith("Correction");
		assertThat(operations(api).get("POST /api/v1/values/{id}/return").getRequestBody().getContent()
			.get("application/json").getSchema().get$ref()).endsWith("Reason");
		assertThat(operations(api).get("POST /api/v1/extraction").getRequestBody().getContent()).containsKey("text/plain");
		assertThat(missing).isEmpty();
	}

	@Test
	void everyListDocumentsItsTotalHeader() throws Exception {
		Map<String, Operation> operations = operations(parse().getOpenAPI());
		for (String list : List.of("GET /api/v1/values", "GET /api/v1/progress", "GET /api/v1/documents",
				"GET /api/v1/targets", "GET /api/v1/regions", "GET /api/v1/departments", "GET /api/v1/periods",
				"GET /api/v1/values/{id}/history")) {
			assertThat(operations.get(list).getResponses().get("200").getHeaders()).as(list).containsKey("X-Total-Count");
		}
		assertThat(operations.get("GET /api/v1/me").getResponses().get("200").getHeaders()).isNullOrEmpty();
	}

	private SwaggerParseResult parse() throws Exception {
		String json = mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		return new OpenAPIV3Parser().readContents(json, null, options);
	}

	private static boolean isBareMap(MediaType media) {
		return media.getSchema().get$ref() == null && "object".equals(media.getSchema().getType())
				&& media.getSchema().getProperties() == null;
	}

	private static Map<String, Operation> operations(OpenAPI api) {
		Map<String, Operation> operations = new java.util.TreeMap<>();
		api.getPaths().forEach((path, item) -> item.readOperationsMap()
			.forEach((method, operation) -> operations.put(method + " " + path, operation)));
		return operations;
	}

}
