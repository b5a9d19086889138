package cn.qualityportal.audit;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit rows in the caller's transaction, so a change and its record commit or roll back
 * together. The address is the request's, when there is one.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditTrail(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** As {@link #record(String, String, Long, String, Map, Map, String)}, by the signed-in user. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String entity, Long entityId, String action, Map<String, ?> oldState, Map<String, ?> newState) {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		record(signedIn == null ? "system" : signedIn.getName(), entity, entityId, action, oldState, newState, null);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, String entity, Long entityId, String action, Map<String, ?> oldState,
			Map<String, ?> newState, String reason) {
		jdbc.sql("""
				insert into audit_log (actor, address, entity, entity_id, action, old_state, new_state, reason)
				values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""")
			.params(actor, address(), entity, entityId, action, oldState == null ? null : json.writeValueAsString(oldState),
					newState == null ? null : json.writeValueAsString(newState), reason)
			.update();
	}

	private static String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
