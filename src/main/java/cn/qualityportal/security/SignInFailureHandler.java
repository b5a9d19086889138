package cn.qualityportal.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed sign-in back to the form with the reason as a message key. Account status is
 * only revealed after a correct password (see {@link SecurityConfiguration}), so the reasons do
 * not tell a stranger which accounts exist.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

	private final RedirectStrategy redirect = new DefaultRedirectStrategy();

	private final cn.qualityportal.organisation.SignInPolicy policy;

	SignInFailureHandler(cn.qualityportal.organisation.SignInPolicy policy) {
		this.policy = policy;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		// The failure is already counted (SignInEvents): from now on this browser answers a captcha too.
		if (policy.captchaRequired(request.getParameter("username"), request.getRemoteAddr())) {
			request.getSession().setAttribute(Captchas.REQUIRED, true);
		}
		// The form keeps the username typed (in the session, never in the address, which proxies log).
		String username = request.getParameter("username");
		if (username != null && !username.isBlank() && username.length() <= LoginController.USERNAME_MAX) {
			request.getSession().setAttribute(LoginController.LAST_USERNAME, username.strip());
		}
		redirect.sendRedirect(request, response, "/login?error=" + reason(exception));
	}

	static String reason(AuthenticationException exception) {
		if (exception instanceof DisabledException) {
			return "disabled";
		}
		if (exception instanceof LockedException) {
			return "locked";
		}
		return "bad-credentials";
	}

}
