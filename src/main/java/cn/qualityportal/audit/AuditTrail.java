package cn.qualityportal.audit;

import java.util.List;
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

	/** One row of {@link #recordAll}: a change of one entity. */
	public record Entry(Long entityId, String action, Map<String, ?> oldState, Map<String, ?> newState, String reason) {
	}

	/**
	 * Records many changes by one actor in one statement (an import of 100,000 figures), in the
	 * caller's transaction like {@link #record(String, String, Long, String, Map, Map, String)}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(String actor, String entity, List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Long[] ids = new Long[entries.size()];
		String[] actions = new String[entries.size()];
		String[] oldStates = new String[entries.size()];
		String[] newStates = new String[entries.size()];
		String[] reasons = new String[entries.size()];
		for (int i = 0; i < entries.size(); i++) {
			Entry entry = entries.get(i);
			ids[i] = entry.entityId();
			actions[i] = entry.action();
			oldStates[i] = entry.oldState() == null ? null : json.writeValueAsString(entry.oldState());
			newStates[i] = entry.newState() == null ? null : json.writeValueAsString(entry.newState());
			reasons[i] = entry.reason();
		}
		jdbc.sql("""
				insert into audit_log (actor, address, entity, entity_id, action, old_state, new_state, reason)
				select ?, ?, ?, e.id, e.action, cast(e.old_state as jsonb), cast(e.new_state as jsonb), e.reason
				from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
				     as e(id, action, old_state, new_state, reason, n)
				order by e.n""")
			.params(actor, address(), entity, ids, actions, oldStates, newStates, reasons)
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
