package cn.qualityportal.security;

import cn.qualityportal.organisation.AccountChanged;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place that makes sessions follow their account ({@link AccountChanged}): when an
 * account's status, lock, unit, scope, roles or password change, every session of it ends at once
 * on every instance (sessions live in PostgreSQL, so deleting them there is enough), except the
 * session its owner made the change in. The signed-in principal is a copy taken at sign-in, so a
 * session that survived such a change would keep the old powers.
 */
@Component
class AccountSessions {

	private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** After the commit, so a change that rolls back signs nobody out; without a transaction, at once. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void accountChanged(AccountChanged event) {
		HttpSession current = currentSessionOf(event.username());
		int ended = 0;
		for (String id : sessions.findByPrincipalName(event.username()).keySet()) {
			if (current == null || !id.equals(current.getId())) {
				sessions.deleteById(id);
				ended++;
			}
		}
		if (current != null && event.what() == AccountChanged.What.OWN_PASSWORD
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof PortalUser user) {
			user.passwordChanged();
			// The session lives in PostgreSQL: store the changed principal, or the next request reads the old one.
			current.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
					SecurityContextHolder.getContext());
		}
		log.info("Account '{}' changed ({}): ended {} of its sessions", event.username(), event.what(), ended);
	}

	/** The session of this request, if its signed-in user is the account's owner. */
	private static HttpSession currentSessionOf(String username) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn == null || !username.equals(signedIn.getName())
				|| !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		return request.getSession(false);
	}

}
