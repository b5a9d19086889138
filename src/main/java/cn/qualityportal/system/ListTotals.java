package cn.qualityportal.system;

import java.util.Collection;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The API's one convention for lists: every list answers with {@value #HEADER}, the number of items
 * the whole list holds over all its pages. A handler that pages sets it itself (from its count
 * query); for a {@link PageView} it is its {@code totalElements}, for an unpaged list its size.
 * The header is documented on every list operation of /v3/api-docs.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ListTotals implements ResponseBodyAdvice<Object> {

	public static final String HEADER = "X-Total-Count";

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (!request.getURI().getPath().contains("/api/") || response.getHeaders().containsHeader(HEADER)) {
			return body;
		}
		if (body instanceof PageView<?> page) {
			response.getHeaders().set(HEADER, String.valueOf(page.totalElements()));
		}
		else if (body instanceof Collection<?> items) {
			response.getHeaders().set(HEADER, String.valueOf(items.size()));
		}
		return body;
	}

}
