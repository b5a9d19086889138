package cn.qualityportal.security;

import java.io.IOException;

import cn.qualityportal.organisation.SignInPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** The two filters of the sign-in policy, placed in both chains by {@link SecurityConfiguration}. */
final class SignInGuards {

	private SignInGuards() {
	}

	/** The path within the application, whatever the servlet mapping. */
	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * Refuses sign-in attempts (the login form's POST, HTTP Basic credentials) from an address that
	 * failed too often, before any password is checked: the form shows why, the API answers 429.
	 * After the first failures a form sign-in must also answer a picture captcha ({@link Captchas}),
	 * and HTTP Basic for that account is refused (401) until it signs in on the web page.
	 */
	static final class BlockedAddresses extends OncePerRequestFilter {

		private final SignInPolicy policy;

		private final ProblemDetailsResponder problems;

		BlockedAddresses(SignInPolicy policy, ProblemDetailsResponder problems) {
			this.policy = policy;
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			boolean form = "POST".equals(request.getMethod()) && "/login".equals(path(request));
			String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
			boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
			if ((form || basic) && policy.isBlocked(request.getRemoteAddr())) {
				if (form) {
					response.sendRedirect(request.getContextPath() + "/login?error=blocked");
				}
				else {
					problems.respond(request, response, HttpStatus.TOO_MANY_REQUESTS, "problem.tooManyFailures");
				}
				return;
			}
			if (form && !captchaAnswered(request)) {
				request.getSession().setAttribute(Captchas.REQUIRED, true);
				response.sendRedirect(request.getContextPath() + "/login?error=captcha");
				return;
			}
			if (basic && policy.captchaRequired(basicUsername(authorization), null)) {
				// HTTP Basic cannot show a picture: after failures, the account signs in on the web page first.
				problems.respond(request, response, HttpStatus.UNAUTHORIZED, "problem.captchaRequired");
				return;
			}
			chain.doFilter(request, response);
		}

		/**
		 * A form sign-in needs no captcha, or brings the right one: the captcha comes before the
		 * password is checked or counted, so guessing past it locks nothing.
		 */
		private boolean captchaAnswered(HttpServletRequest request) {
			jakarta.servlet.http.HttpSession session = request.getSession(false);
			boolean required = session != null && Boolean.TRUE.equals(session.getAttribute(Captchas.REQUIRED))
					|| policy.captchaRequired(request.getParameter("username"), request.getRemoteAddr());
			return !required || Captchas.solved(session, request.getParameter("captcha"));
		}

		private static String basicUsername(String authorization) {
			try {
				String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).strip()),
						java.nio.charset.StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return colon < 0 ? decoded : decoded.substring(0, colon);
			}
			catch (IllegalArgumentException notBase64) {
				return "";
			}
		}

	}

	/**
	 * Until a one-time, initial or expired password is replaced, pages lead to the password form
	 * (and signing out still works); the API answers 403.
	 */
	static final class PasswordChangeRequired extends OncePerRequestFilter {

		private final ProblemDetailsResponder problems;

		private final boolean api;

		PasswordChangeRequired(ProblemDetailsResponder problems, boolean api) {
			this.problems = problems;
			this.api = api;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof PortalUser user && user.mustChangePassword()
					&& !allowed(path(request))) {
				if (api) {
					problems.respond(request, response, HttpStatus.FORBIDDEN, "problem.passwordChangeRequired");
				}
				else {
					response.sendRedirect(request.getContextPath() + "/account/password");
				}
				return;
			}
			chain.doFilter(request, response);
		}

		private boolean allowed(String path) {
			return path.equals("/account/password") || path.equals("/logout") || path.equals("/login")
					|| path.equals("/error") || path.startsWith("/webjars/") || path.startsWith("/css/")
					|| path.startsWith("/js/") || path.startsWith("/images/") || path.startsWith("/actuator/health");
		}

	}

}
