package cn.qualityportal.security;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 三员分立 on the server: the system administrator manages accounts but neither grants roles,
 * reviews figures nor reads the audit trail; the security administrator grants roles (not to
 * themselves, and the three administrative roles alone); the auditor reads the trail and changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SeparationOfDutiesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@BeforeEach
	void accounts() {
		accounts.account("sod-admin", Role.ADMIN);
		accounts.account("sod-secadmin", Role.SECURITY_ADMIN);
		accounts.account("sod-auditor", Role.AUDITOR);
		accounts.member("sod-reporter", "450681", false, Role.REPORTER);
	}

	@Test
	void theSystemAdministratorNeitherReadsTheAuditTrailNorGrantsRoles() throws Exception {
		accounts.member("sod-plain", "450681", false, Role.REPORTER);
		long reporter = id("sod-plain");
		mvc.perform(get("/audit").with(accounts.as("sod-admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/audit/export.csv").with(accounts.as("sod-admin"))).andExpect(status().isForbidden());
		mvc.perform(get("/security/roles").with(accounts.as("sod-admin"))).andExpect(status().isForbidden());
		grant("sod-admin", reporter, "REVIEWER").andExpect(status().isForbidden());
		mvc.perform(post("/reporting/review/decide").with(accounts.as("sod-admin")).with(csrf()).param("decision", "approve"))
			.andExpect(status().isForbidden());

		assertThat(roles(reporter)).containsExactly("REPORTER");
	}

	@Test
	void theSecurityAdministratorGrantsRolesButNotToThemselvesNorAdministrativeOnesWithOthers() throws Exception {
		long reporter = id("sod-reporter");
		grant("sod-secadmin", reporter, "REPORTER", "REVIEWER").andExpect(flash().attribute("success", "flash.saved"));
		assertThat(roles(reporter)).containsExactlyInAnyOrder("REPORTER", "REVIEWER");

		grant("sod-secadmin", reporter, "ADMIN", "REVIEWER").andExpect(flash().attribute("error", "validation.roles.exclusive"));
		grant("sod-secadmin", reporter, "AUDITOR", "REPORTER").andExpect(flash().attribute("error", "validation.roles.exclusive"));
		grant("sod-secadmin", id("sod-secadmin"), "SECURITY_ADMIN", "AUDITOR")
			.andExpect(flash().attribute("error", "validation.roles.self"));
		// A stale form (the roles changed since it was shown) changes nothing.
		mvc.perform(post("/security/roles/" + reporter).with(accounts.as("sod-secadmin")).with(csrf())
			.param("roles", "LEADER").param("version", "0")).andExpect(flash().attribute("error", "conflict.changedMeanwhile"));
		assertThat(roles(reporter)).containsExactlyInAnyOrder("REPORTER", "REVIEWER");
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_log where entity = 'user_account' and entity_id = ? and action = 'ROLE_CHANGE'
				  and actor = 'sod-secadmin'""", Integer.class, reporter)).isOne();
		mvc.perform(get("/audit").with(accounts.as("sod-secadmin"))).andExpect(status().isForbidden());
	}

	@Test
	void aRevokedRoleIsGoneAtOnceNotAtTheNextSignIn() throws Exception {
		accounts.member("sod-revoked", "450681", false, Role.REVIEWER);
		jakarta.servlet.http.Cookie session = mvc.perform(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin()
					.user("sod-revoked")
					.password(TestAccounts.PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		mvc.perform(get("/reporting/review").cookie(session)).andExpect(status().isOk());

		grant("sod-secadmin", id("sod-revoked"), "REPORTER").andExpect(flash().attribute("success", "flash.saved"));

		mvc.perform(get("/reporting/review").cookie(session)).andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'sod-revoked'", Integer.class))
			.isZero();
	}

	@Test
	void theAuditorReadsTheTrailAndChangesNothing() throws Exception {
		mvc.perform(get("/audit").with(accounts.as("sod-auditor"))).andExpect(status().isOk());
		mvc.perform(get("/audit/export.csv").with(accounts.as("sod-auditor"))).andExpect(status().isOk());
		mvc.perform(get("/admin/users").with(accounts.as("sod-auditor"))).andExpect(status().isForbidden());
		grant("sod-auditor", id("sod-reporter"), "LEADER").andExpect(status().isForbidden());
		mvc.perform(post("/reporting/periods").with(accounts.as("sod-auditor")).with(csrf()).param("year", "2031")
			.param("kind", "ANNUAL")).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from reporting_period where year = 2031", Integer.class)).isZero();
	}

	private ResultActions grant(String actor, long account, String... roles) throws Exception {
		long version = jdbc.queryForObject("select version from user_account where id = ?", Long.class, account);
		return mvc.perform(post("/security/roles/" + account).with(accounts.as(actor)).with(csrf()).param("roles", roles)
			.param("version", String.valueOf(version)));
	}

	private long id(String username) {
		return jdbc.queryForObject("select id from user_account where username = ?", Long.class, username);
	}

	private java.util.List<String> roles(long account) {
		return jdbc.queryForList("select role from user_account_role where account_id = ? order by role", String.class, account);
	}

}
