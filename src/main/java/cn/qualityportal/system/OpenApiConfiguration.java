package cn.qualityportal.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON API's description at /v3/api-docs (public: it holds no data), with HTTP Basic as its
 * scheme. Every operation lists the problem responses it can give (RFC 9457, with examples), and
 * every list its {@value ListTotals#HEADER} header, so the description is as true as the API.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String PROBLEM = "application/problem+json";

	@Bean
	OpenAPI portalOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		return new OpenAPI()
			.info(new Info().title("Quality Target Portal API (质量强区目标管理平台)")
				.version(properties == null ? "dev" : properties.getVersion())
				.description("""
						Every call is filtered by the caller's data scope. Errors are RFC 9457 problem details \
						in the caller's language (Accept-Language: zh-CN or en; Chinese by default). Every list \
						answers with the header X-Total-Count: how many items the whole list holds over all its pages."""))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

	@Bean
	OpenApiCustomizer problemsAndTotals() {
		return api -> {
			api.getComponents().addSchemas("Problem", problemSchema());
			api.getPaths()
				.forEach((path, item) -> item.readOperationsMap()
					.forEach((method, operation) -> customise(path, method, operation)));
		};
	}

	private static void customise(String path, PathItem.HttpMethod method, Operation operation) {
		boolean hasInput = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		if (hasInput) {
			problem(operation, "400", "Bad Request", "提交的数据有误，请按各字段提示修改。",
					List.of(Map.of("field", "code", "message", "区划代码应为六位数字。")));
		}
		problem(operation, "401", "Unauthorized", "需要身份验证：请提供有效的用户名和密码。", null);
		problem(operation, "403", "Forbidden", "您的角色或所属单位无权执行此操作。", null);
		if (path.contains("{")) {
			problem(operation, "404", "Not Found", "您要找的页面或数据不存在，或已被删除。", null);
		}
		if (method == PathItem.HttpMethod.PUT || (method == PathItem.HttpMethod.POST && operation.getRequestBody() != null)) {
			problem(operation, "409", "Conflict", "此记录已被他人修改，下面显示的是最新内容。请核对后重新提交。", null);
		}
		problem(operation, "429", "Too Many Requests", "请求过于频繁，请稍后再试。", null);
		if (method == PathItem.HttpMethod.GET) {
			total(operation);
		}
	}

	private static void problem(Operation operation, String status, String title, String detail,
			List<Map<String, String>> errors) {
		if (operation.getResponses().containsKey(status)
				&& operation.getResponses().get(status).getContent() != null
				&& operation.getResponses().get(status).getContent().containsKey(PROBLEM)) {
			return;
		}
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", title);
		example.put("status", Integer.valueOf(status));
		example.put("detail", detail);
		example.put("instance", "/api/v1/…");
		if (errors != null) {
			example.put("errors", errors);
		}
		operation.getResponses()
			.addApiResponse(status, new ApiResponse().description(title)
				.content(new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
					.addExamples(status, new Example().value(example)))));
	}

	/** A list (an array, or a page of one) answers with its total. */
	private static void total(Operation operation) {
		ApiResponse ok = operation.getResponses().get("200");
		if (ok == null || ok.getContent() == null) {
			return;
		}
		boolean list = ok.getContent().values().stream().map(MediaType::getSchema).anyMatch(schema -> schema != null
				&& ("array".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("array"))
						|| (schema.get$ref() != null && schema.get$ref().contains("PageView"))));
		if (list) {
			ok.addHeaderObject(ListTotals.HEADER, new Header()
				.description("How many items the whole list holds, over all its pages.")
				.schema(new IntegerSchema().format("int64")));
		}
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An RFC 9457 problem, its detail in the caller's language.")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Bad Request"))
			.addProperty("status", new IntegerSchema().example(400))
			.addProperty("detail", new StringSchema().example("提交的数据有误，请按各字段提示修改。"))
			.addProperty("instance", new StringSchema().example("/api/v1/regions"))
			.addProperty("errors", new ArraySchema().description("for invalid input: one message per field")
				.items(new ObjectSchema().addProperty("field", new StringSchema())
					.addProperty("message", new StringSchema())));
	}

}
