package cn.qualityportal.security;

import java.util.Set;

import cn.qualityportal.organisation.SignInPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The API ({@code /api/**}, and the actuator for monitoring systems) takes HTTP
 * Basic or the browser session and answers 401/403 as JSON; CSRF is checked there only for cookie sessions, since a request that carries
 * its own credentials cannot be forged by another site. Pages use the form login with CSRF on.
 * Which role may do what is checked per endpoint as the modules grow.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** No inline scripts or styles anywhere: the templates load everything from /webjars, /css and /js. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/**
	 * Two requests of one session (several tabs opened at once) may both add the same attribute, the
	 * CSRF token of a fresh sign-in above all; Spring Session's plain insert failed the second with a
	 * duplicate key (a 500 in bench/load.sh). Spring Session's PostgreSQL customizer makes it an upsert.
	 */
	@Bean
	static PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Checks the password first and the account's status (disabled, locked) after, so only
	 * someone who knows the password learns that an account is disabled or locked.
	 */
	/** Given to both chains explicitly, so Spring Security builds no default provider beside it. */
	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder,
			AuthenticationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwordEncoder);
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		ProviderManager manager = new ProviderManager(provider);
		// Failures reach SignInEvents (lockout, security audit) only through the publisher.
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	/**
	 * The public site (政务公开, {@code /gk/}): read-only, no sign-in and no session, so many
	 * anonymous readers cost no session rows and their pages can be cached (the publication module
	 * sets Cache-Control and the ETag; Spring Security's no-store would forbid both). A per-address
	 * limit protects it from a single runaway client (counted before the anonymous token is set, so
	 * readers are told apart by their address, not all counted as one "anonymousUser").
	 */
	@Bean
	@Order(0)
	SecurityFilterChain publicChain(HttpSecurity http, ProblemDetailsResponder problems,
			@Value("${portal.security.public-requests-per-minute:1200}") int publicRequestsPerMinute) throws Exception {
		http.securityMatcher("/gk", "/gk/**")
			.addFilterBefore(new ApiRateLimit(publicRequestsPerMinute, problems), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/gk", "/gk/**").permitAll()
				.requestMatchers(HttpMethod.HEAD, "/gk", "/gk/**").permitAll()
				.anyRequest().denyAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			// Nothing here changes anything (every unsafe method is denied), so there is no token to keep.
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.cacheControl(cache -> cache.disable())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager,
			ProblemDetailsResponder problems, SignInPolicy signIns,
			@Value("${portal.security.api-requests-per-minute:600}") int apiRequestsPerMinute) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.addFilterAfter(new ApiRateLimit(apiRequestsPerMinute, problems), BasicAuthenticationFilter.class)
			.addFilterBefore(new SignInGuards.BlockedAddresses(signIns, problems), BasicAuthenticationFilter.class)
			.addFilterAfter(new SignInGuards.PasswordChangeRequired(problems, true), AuthorizationFilter.class)
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				// Organisation changes: system administrators only (checked again on each method).
				.requestMatchers(HttpMethod.POST, "/api/v1/regions/**", "/api/v1/departments/**").hasRole("ADMIN")
				.requestMatchers(HttpMethod.PUT, "/api/v1/regions/**", "/api/v1/departments/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			// An API client that is refused is not sent to a login page later, so nothing to remember.
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::unsafeWithSessionCookie))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager authenticationManager,
			ProblemDetailsResponder problems, SignInPolicy signIns,
			FindByIndexNameSessionRepository<? extends Session> sessions,
			@Value("${portal.security.single-session:false}") boolean singleSession) throws Exception {
		if (singleSession) {
			// One session per account, across instances: signing in again ends the older session.
			http.sessionManagement(management -> management.maximumSessions(1)
				.sessionRegistry(new SpringSessionBackedSessionRegistry<>(sessions))
				.expiredUrl("/login?expired"));
		}
		http.authenticationManager(authenticationManager)
			.addFilterBefore(new SignInGuards.BlockedAddresses(signIns, problems), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new SignInGuards.PasswordChangeRequired(problems, false), AuthorizationFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
				.requestMatchers("/webjars/**", "/css/**", "/js/**", "/login", "/login/captcha.png", "/error").permitAll()
				// The API's description holds no data; Swagger UI then asks for credentials per call.
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**").permitAll()
				.requestMatchers("/admin/**").hasRole("ADMIN")
				.requestMatchers("/security/**").hasRole("SECURITY_ADMIN")
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(new SignInFailureHandler(signIns)).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("SESSION"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				// Sent only on HTTPS requests (behind a TLS proxy, set PORTAL_FORWARD_HEADERS=native).
				.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
		return http.build();
	}

	/** Only a request riding on a session cookie can be forged by another site; others get 401, not a CSRF 403. */
	private static boolean unsafeWithSessionCookie(HttpServletRequest request) {
		return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
				&& (request.getRequestedSessionId() != null || request.getSession(false) != null);
	}

}
