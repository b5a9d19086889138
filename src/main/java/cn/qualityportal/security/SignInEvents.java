package cn.qualityportal.security;

import cn.qualityportal.organisation.PasswordChanged;
import cn.qualityportal.organisation.SignInPolicy;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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

	@EventListener
	void passwordChanged(PasswordChanged event) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof PortalUser user && user.getUsername().equals(event.username())) {
			user.passwordChanged();
			// The session lives in PostgreSQL: store the changed principal, or the next request reads the old one.
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
					&& attributes.getRequest().getSession(false) != null) {
				attributes.getRequest().getSession(false).setAttribute(
						HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, SecurityContextHolder.getContext());
			}
		}
	}

	private static String address(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
	}

}
