package cn.qualityportal.system;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Languages: Simplified Chinese unless the user picks English with {@code ?lang=en}; the choice
 * is kept in a cookie, so it survives signing out and works on the login page. Without that
 * choice, API clients (and their error responses) get the language of their
 * {@code Accept-Language} header; pages stay Chinese, whatever a browser's own language.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("portal-lang");
		resolver.setDefaultLocale(DEFAULT_LOCALE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(WebConfiguration::defaultLocale);
		return resolver;
	}

	/** The language of an API request without the cookie: its Accept-Language, else Chinese. */
	static Locale defaultLocale(HttpServletRequest request) {
		Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = forwarded instanceof String original ? original : request.getRequestURI();
		String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		if (header == null || uri == null || !uri.startsWith(request.getContextPath() + "/api/")) {
			return DEFAULT_LOCALE;
		}
		// The container parses the header into locales, best first; the first of a language we have wins.
		for (Locale locale : Collections.list(request.getLocales())) {
			if (locale.getLanguage().equals("en")) {
				return Locale.ENGLISH;
			}
			if (locale.getLanguage().equals("zh")) {
				return DEFAULT_LOCALE;
			}
		}
		return DEFAULT_LOCALE;
	}

	/**
	 * The assets, each from its own folder (Spring Boot's own mappings are off:
	 * {@code spring.web.resources.add-mappings=false}). Boot maps {@code /**} to the static folders,
	 * and because the web-jar locator turns the resource chain on, every link a page builds
	 * ({@code @{...}}, dozens per page) was then looked up as a file in four folders inside the jar,
	 * a miss that is never cached: 17 % of the region page's time at province scale (issue 18).
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		for (String folder : new String[] { "css", "js", "images" }) {
			registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/").resourceChain(true);
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
