package cn.qualityportal.security;

import cn.qualityportal.organisation.SignInPolicy;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Hands Spring Security's sign-in events to the {@link SignInPolicy} (lockout, security audit):
 * interactive sign-ins and sign-outs, and every failure, on the form or with HTTP Basic (an API
 * call that authenticates is not a sign-in, so it is not written to the audit trail each time).
 */
@Component
class SignInEvents {

	private final SignInPolicy policy;

	SignInEvents(SignInPolicy policy) {
		this.policy = policy;
	}

	@EventListener
	void succeeded(InteractiveAuthenticationSuccessEvent event) {
		policy.succeeded(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		policy.failed(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		policy.signedOut(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
	}

}
