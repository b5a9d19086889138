package cn.qualityportal.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every page {@code pageLinkBase}: the current path and filters without {@code page}, ending
 * in ? or &amp;, so the shared pagination fragment keeps whatever filters a list has.
 */
@ControllerAdvice
class PageLinkAdvice {

	@ModelAttribute("pageLinkBase")
	String pageLinkBase(HttpServletRequest request) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (!parameter.getKey().equals("page") && !parameter.getKey().equals("_csrf")) {
				link.queryParam(parameter.getKey(), (Object[]) parameter.getValue());
			}
		}
		String base = link.encode().build().toUriString();
		return base + (base.contains("?") ? "&" : "?");
	}

}
