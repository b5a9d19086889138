package cn.qualityportal.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who is signed in now, on any instance (sessions live in PostgreSQL), and forced sign-out: the
 * system administrator ends every session of an account, which then has to sign in again. Each
 * forced sign-out is audited.
 */
@Controller
@RequestMapping("/admin/sessions")
@PreAuthorize("hasRole('ADMIN')")
class SessionController {

	private final JdbcClient jdbc;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final AuditTrail audit;

	SessionController(JdbcClient jdbc, FindByIndexNameSessionRepository<? extends Session> sessions, AuditTrail audit) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.audit = audit;
	}

	record Online(String username, String displayName, int sessions, Instant since, Instant lastSeen) {
	}

	@GetMapping
	String list(Model model) {
		List<Online> online = jdbc.sql("""
				select s.principal_name, coalesce(a.display_name, s.principal_name), count(*),
				       min(s.creation_time), max(s.last_access_time)
				from spring_session s left join account_directory a on a.username = s.principal_name
				where s.principal_name is not null and s.expiry_time > :now
				group by s.principal_name, a.display_name order by max(s.last_access_time) desc""")
			.param("now", System.currentTimeMillis())
			.query((rs, row) -> new Online(rs.getString(1), rs.getString(2), rs.getInt(3),
					Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))))
			.list();
		model.addAttribute("online", online);
		return "organisation/sessions";
	}

	@PostMapping("/sign-out")
	@Transactional
	String signOut(@RequestParam String username, java.security.Principal me, RedirectAttributes redirect) {
		if (username.equals(me.getName())) {
			redirect.addFlashAttribute("error", "sessions.notSelf");
			return "redirect:/admin/sessions";
		}
		int ended = 0;
		for (String id : sessions.findByPrincipalName(username).keySet()) {
			sessions.deleteById(id);
			ended++;
		}
		audit.record(me.getName(), "security", null, "FORCE_SIGN_OUT", null, Map.of("username", username, "sessions", ended),
				null);
		redirect.addFlashAttribute("success", "sessions.signedOut");
		return "redirect:/admin/sessions";
	}

}
