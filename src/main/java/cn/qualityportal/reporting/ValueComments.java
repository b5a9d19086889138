package cn.qualityportal.reporting;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.reporting.ValueWorkflow.Actor;
import cn.qualityportal.system.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recorded dialogue on a figure: its reporter, the reviewers and the office of a region that
 * covers it write remarks (a question on a jump, an answer, a request for evidence) beside the one
 * note and the one return reason the workflow keeps. Remarks are kept in order, never changed, and
 * each is in the audit trail; whoever may see the figure reads them on its page.
 */
@Service
class ValueComments {

	static final int MAX_LENGTH = 1000;

	/** The roles that take part, in the order that names a remark's author when they hold several. */
	private static final List<Role> SPEAKERS = List.of(Role.OFFICE, Role.REVIEWER, Role.REPORTER);

	record Comment(long id, String author, Role role, String body, Instant createdAt) {

		/** Times are shown in Beijing time, whatever the server's zone. */
		public java.time.LocalDateTime beijingTime() {
			return java.time.LocalDateTime.ofInstant(createdAt, java.time.ZoneId.of("Asia/Shanghai"));
		}

	}

	private final ValueWorkflow workflow;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	ValueComments(ValueWorkflow workflow, AuditTrail audit, JdbcClient jdbc) {
		this.workflow = workflow;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	@Transactional
	long add(long valueId, String body, Actor actor) {
		Role role = SPEAKERS.stream()
			.filter(actor.roles()::contains)
			.findFirst()
			.orElseThrow(() -> new Refusal(HttpStatus.FORBIDDEN, "problem.forbidden"));
		IndicatorValue value = workflow.covered(valueId, actor);
		if (body == null || body.isBlank()) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "comment.required");
		}
		if (body.strip().length() > MAX_LENGTH) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "comment.tooLong");
		}
		String text = body.strip();
		long id = jdbc.sql("""
				insert into value_comment (value_id, author, author_role, body) values (?, ?, ?, ?) returning id""")
			.params(value.getId(), actor.username(), role.name(), text)
			.query(Long.class)
			.single();
		audit.record(actor.username(), "value_comment", id, "COMMENT", null,
				Map.of("value_id", value.getId(), "role", role.name(), "body", text), null);
		return id;
	}

	/** The figure's remarks, oldest first; the caller has checked that the reader may see the figure. */
	@Transactional(readOnly = true)
	List<Comment> of(long valueId) {
		return jdbc.sql("""
				select c.id, c.author, c.author_role, c.body, c.created_at
				from value_comment c where c.value_id = ? order by c.created_at, c.id""")
			.param(valueId)
			.query((rs, n) -> new Comment(rs.getLong("id"), rs.getString("author"),
					Role.valueOf(rs.getString("author_role")), rs.getString("body"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** How many remarks each of the figures has (one query, for the grid and the review queue). */
	@Transactional(readOnly = true)
	Map<Long, Integer> counts(Collection<Long> valueIds) {
		Map<Long, Integer> counts = new HashMap<>();
		if (valueIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("select value_id, count(*) from value_comment where value_id = any(?) group by value_id")
			.param(valueIds.toArray(Long[]::new))
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return counts;
	}

}
