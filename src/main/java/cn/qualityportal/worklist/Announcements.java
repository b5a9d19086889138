package cn.qualityportal.worklist;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.system.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 通知公告: the office publishes an announcement to a region and every region below it, for chosen
 * roles; each account there holding one of them (enabled, at the moment of publishing) receives it
 * in the notification centre. Only within the office's own scope; audited.
 */
@Service
class Announcements {

	/** The roles an announcement may be addressed to: the people who work with the figures. */
	static final List<Role> AUDIENCES = List.of(Role.REPORTER, Role.REVIEWER, Role.OFFICE, Role.LEADER);

	static final int TITLE_MAX = 200;

	static final int BODY_MAX = 4000;

	private static final String RECIPIENTS = """
			-- The region and all below it: organisation's one subtree query.
			with subtree (code) as (select code from region_subtree(:region))
			select distinct h.account_id as id
			from role_holder h
			join subtree s on s.code = h.region_code
			where h.role = any(:roles)""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Announcements(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	record AnnouncementView(long id, String title, String regionName, String[] roles, String publishedBy, Instant publishedAt,
			int recipients) {
	}

	/** How many accounts an announcement to this region and roles would reach now. */
	@Transactional(readOnly = true)
	int recipients(String regionCode, Set<Role> roles) {
		return jdbc.sql("select count(*) from (" + RECIPIENTS + ") x")
			.param("region", regionCode)
			.param("roles", names(roles))
			.query(Integer.class)
			.single();
	}

	/** Publishes and delivers it; the number of recipients. */
	@Transactional
	int publish(String title, String body, String regionCode, Set<Role> roles, String actor, DataScope scope) {
		if (!scope.covers(regionCode)) {
			throw new Refusal(HttpStatus.NOT_FOUND, "error.404.detail");
		}
		long id = jdbc.sql("""
				insert into announcement (title, body, region_code, roles, published_by, recipients)
				values (:title, :body, :region, :roles, :actor, 0) returning id""")
			.param("title", title)
			.param("body", body)
			.param("region", regionCode)
			.param("roles", names(roles))
			.param("actor", actor)
			.query(Long.class)
			.single();
		int delivered = jdbc.sql("insert into notification (account_id, kind, announcement_id, link) select id, 'ANNOUNCEMENT', :id, null from ("
				+ RECIPIENTS + ") x")
			.param("id", id)
			.param("region", regionCode)
			.param("roles", names(roles))
			.update();
		jdbc.sql("update announcement set recipients = :n where id = :id").param("n", delivered).param("id", id).update();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", title);
		state.put("regionCode", regionCode);
		state.put("roles", List.of(names(roles)));
		state.put("recipients", delivered);
		audit.record(actor, "announcement", id, "PUBLISH", null, state, null);
		return delivered;
	}

	/** Announcements published to regions in the scope, newest first. */
	@Transactional(readOnly = true)
	List<AnnouncementView> published(DataScope scope) {
		String inScope = scope.everything() ? "" : " where a.region_code = any(:regions)";
		var statement = jdbc.sql("""
				select a.id, a.title, r.name as region_name, a.roles, a.published_by, a.published_at, a.recipients
				from announcement a join region_directory r on r.code = a.region_code""" + inScope + """

				order by a.published_at desc, a.id desc limit 100""");
		if (!scope.everything()) {
			statement = statement.param("regions", scope.writableArray());
		}
		return statement.query((rs, row) -> new AnnouncementView(rs.getLong("id"), rs.getString("title"),
				rs.getString("region_name"), (String[]) rs.getArray("roles").getArray(), rs.getString("published_by"),
				rs.getTimestamp("published_at").toInstant(), rs.getInt("recipients")))
			.list();
	}

	private static String[] names(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().toArray(String[]::new);
	}

}
