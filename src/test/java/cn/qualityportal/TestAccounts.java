package cn.qualityportal;

import java.util.Arrays;

import cn.qualityportal.organisation.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates accounts directly in PostgreSQL for tests that need other roles than the first administrator. */
@Component
public class TestAccounts {

	public static final String PASSWORD = "Test-Password-9";

	public static final String ADMIN_PASSWORD = "Admin-Test-Pass-1";

	private final JdbcTemplate jdbc;

	private final PasswordEncoder encoder;

	public TestAccounts(JdbcTemplate jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	/** Creates the account unless it exists; returns its username. */
	public String account(String username, boolean enabled, boolean locked, Role... roles) {
		Long existing = jdbc.query("select id from user_account where username = ?",
				rs -> rs.next() ? rs.getLong(1) : null, username);
		if (existing != null) {
			return username;
		}
		Long id = jdbc.queryForObject("""
				insert into user_account (username, display_name, password_hash, enabled, locked_until)
				values (?, ?, ?, ?, case when ? then now() + interval '1 hour' end) returning id""", Long.class,
				username, "测试 " + username, encoder.encode(PASSWORD), enabled, locked);
		Arrays.stream(roles)
			.forEach(role -> jdbc.update("insert into user_account_role (account_id, role) values (?, ?)", id,
					role.name()));
		return username;
	}

	public String account(String username, Role... roles) {
		return account(username, true, false, roles);
	}

}
