package cn.qualityportal.organisation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

// MockMvc unused here: the annotation only makes the context the same as most tests', so no
// second PostgreSQL is started for this class.
@SpringBootTest
@AutoConfigureMockMvc
class AdministratorBootstrapTests {

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	UserAccountRepository repository;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

	@Test
	void firstStartCreatesTheAdministratorWithTheConfiguredPasswordHashed() {
		SignInAccount admin = accounts.findForSignIn("admin").orElseThrow();
		assertThat(admin.roles()).containsExactly(Role.ADMIN);
		assertThat(admin.passwordHash()).startsWith("{bcrypt}").doesNotContain("Admin-Test-Pass-1");
		assertThat(encoder.matches("Admin-Test-Pass-1", admin.passwordHash())).isTrue();
	}

	@Test
	void aSecondStartDoesNotCreateAnotherOrChangeThePassword() {
		String before = jdbc.queryForObject("select password_hash from user_account where username = 'admin'", String.class);
		new AdministratorBootstrap(repository, encoder, jdbcClient, "another-password", "", "").run(null);
		assertThat(jdbc.queryForObject("select count(*) from user_account where username = 'admin'", Integer.class))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("select password_hash from user_account where username = 'admin'", String.class))
			.isEqualTo(before);
	}

	@Test
	void theSecurityAdministratorAndTheAuditorAreCreatedWithOneTimePasswords() {
		SignInAccount secadmin = accounts.findForSignIn("secadmin").orElseThrow();
		SignInAccount auditor = accounts.findForSignIn("auditor").orElseThrow();

		assertThat(secadmin.roles()).containsExactly(Role.SECURITY_ADMIN);
		assertThat(auditor.roles()).containsExactly(Role.AUDITOR);
		// No password was configured for them here: generated, printed once, to be changed at the first sign-in.
		assertThat(secadmin.mustChangePassword()).isTrue();
		assertThat(auditor.mustChangePassword()).isTrue();
		assertThat(accounts.findForSignIn("admin").orElseThrow().mustChangePassword()).isFalse();
	}

	@Test
	void generatedPasswordsAreLongAndDiffer() {
		String first = AdministratorBootstrap.randomPassword();
		assertThat(first).hasSize(20).matches("[A-Za-z2-9]+");
		assertThat(AdministratorBootstrap.randomPassword()).isNotEqualTo(first);
	}

}
