package cn.qualityportal.system;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request before anything reads it, so no input is large or strange enough to cost a
 * thread or reach the database as an error (a 500): a body larger than the limit answers 413 (a
 * multipart upload above {@code spring.servlet.multipart.max-request-size}, any other body above
 * {@code portal.request.max-body-size}); a parameter with a NUL character (PostgreSQL refuses it
 * in text), a parameter longer than {@link TextLimits#PARAMETER} characters (a document's text,
 * {@code text} or {@code fullText}, up to {@link TextLimits#DOCUMENT_TEXT}) or a page number beyond
 * {@value #MAX_PAGE} answers 400. Answers are the error pages, or problem details for API clients.
 * Forms check their own, shorter limits field by field.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBounds extends OncePerRequestFilter {

	static final int MAX_PAGE = 1_000_000;

	private final long maxMultipart;

	private final long maxBody;

	RequestBounds(@Value("${spring.servlet.multipart.max-request-size:35MB}") DataSize maxMultipart,
			@Value("${portal.request.max-body-size:10MB}") DataSize maxBody) {
		this.maxMultipart = maxMultipart.toBytes();
		this.maxBody = maxBody.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
		long length = request.getContentLengthLong();
		if (length > (multipart ? maxMultipart : maxBody)) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE);
			return;
		}
		// A multipart request's parameters are read with its parts, after the size check above.
		if (!multipart && !parametersWithinBounds(request.getParameterMap())) {
			refuse(request, response, HttpStatus.BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean parametersWithinBounds(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			boolean documentText = parameter.getKey().equals("text") || parameter.getKey().equals("fullText");
			int max = documentText ? TextLimits.DOCUMENT_TEXT : TextLimits.PARAMETER;
			for (String value : parameter.getValue()) {
				if (value.length() > max || value.indexOf('\u0000') >= 0) {
					return false;
				}
				if (parameter.getKey().equals("page") && value.strip().matches("\\d{1,10}")
						&& Long.parseLong(value.strip()) > MAX_PAGE) {
					return false;
				}
			}
		}
		return true;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
		// The body is not read: the connection closes instead of draining megabytes nobody wants.
		if (request.getContentLengthLong() > 0) {
			response.setHeader("Connection", "close");
		}
		response.sendError(status.value());
	}

}
