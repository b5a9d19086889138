package cn.qualityportal.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Caching for many anonymous readers: every public response may be kept by browsers and proxies
 * for {@code portal.publication.max-age} seconds, then revalidated with its ETag. The ETag is
 * derived before anything is rendered from {@link Publications#version()} (which moves with every
 * figure, target, publication, withdrawal or document change), the address and the language, so a
 * revalidation that finds nothing changed costs one query and answers 304 without a body.
 * {@code Vary: Cookie}, because the language cookie changes the page.
 */
@Configuration(proxyBeanMethods = false)
class PublicCaching implements WebMvcConfigurer {

	/** Tells this run's pages from an older build's (templates may have changed). */
	private static final String STARTED = Long.toString(System.currentTimeMillis(), 36);

	private final Publications publications;

	private final int maxAge;

	PublicCaching(Publications publications, @Value("${portal.publication.max-age:60}") int maxAge) {
		this.publications = publications;
		this.maxAge = maxAge;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge);
				response.setHeader(HttpHeaders.VARY, "Cookie");
				return !new ServletWebRequest(request, response).checkNotModified(etag(request));
			}

		}).addPathPatterns("/gk", "/gk/**");
	}

	private String etag(HttpServletRequest request) {
		String key = String.join("|", STARTED, publications.version(), request.getRequestURI(),
				String.valueOf(request.getQueryString()),
				RequestContextUtils.getLocaleResolver(request) == null ? ""
						: RequestContextUtils.getLocaleResolver(request).resolveLocale(request).toLanguageTag());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
