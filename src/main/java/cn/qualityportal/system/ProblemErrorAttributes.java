package cn.qualityportal.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Every error, as JSON for the API and as the model of the error pages, is an RFC 9457 problem
 * with a translated detail and nothing else: no exception, message, trace or SQL leaks out.
 */
@Component
class ProblemErrorAttributes extends DefaultErrorAttributes {

	/** A request attribute naming the message key of a more precise reason than the status's own. */
	static final String DETAIL = ProblemErrorAttributes.class.getName() + ".detail";

	private final MessageSource messages;

	ProblemErrorAttributes(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> defaults = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
		int status = defaults.get("status") instanceof Integer code ? code : 500;
		String family = status >= 500 ? "500" : switch (status) {
			case 401, 403, 404, 413 -> String.valueOf(status);
			default -> "400";
		};
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", defaults.get("error"));
		problem.put("status", status);
		Object detail = request.getAttribute(DETAIL, WebRequest.SCOPE_REQUEST);
		problem.put("detail", messages.getMessage(detail instanceof String key ? key : "error." + family + ".detail", null,
				LocaleContextHolder.getLocale()));
		problem.put("instance", defaults.get("path"));
		return problem;
	}

}
