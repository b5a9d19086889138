package cn.qualityportal.publication;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Caching for many anonymous readers: every public response may be kept by browsers and proxies
 * for {@code portal.publication.max-age} and then revalidated with its ETag (a 304 without a
 * body when nothing changed). The ETag is the hash of the body, so a publication, a withdrawal or
 * a new approved figure changes it without any invalidation to forget. The language is chosen by
 * the {@code lang} parameter (part of the URL) or its cookie, hence {@code Vary: Cookie}.
 */
@Configuration(proxyBeanMethods = false)
class PublicCaching {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags(@Value("${portal.publication.max-age:60}") int maxAge) {
		ShallowEtagHeaderFilter filter = new ShallowEtagHeaderFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge);
				response.setHeader(HttpHeaders.VARY, "Cookie");
				super.doFilterInternal(request, response, chain);
			}

		};
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/gk", "/gk/*");
		registration.setName("publicEtags");
		return registration;
	}

}
