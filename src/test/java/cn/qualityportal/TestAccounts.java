package cn.qualityportal;

import java.util.Arrays;

import cn.qualityportal.organisation.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Creates regions, departments and accounts directly in PostgreSQL for tests. Every method is idempotent. */
@Component
public class TestAccounts {

	public static final String PASSWORD = "Test-Password-9";

	public static final String ADMIN_PASSWORD = "Admin-Test-Pass-1";

	private final JdbcTemplate jdbc;

	private final PasswordEncoder encoder;

	private final UserDetailsService users;

	public TestAccounts(JdbcTemplate jdbc, PasswordEncoder encoder, UserDetailsService users) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.users = users;
	}

	/** Makes a MockMvc request as this account, with the roles and unit the portal loads for it. */
	public RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
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

	/**
	 * A small tree like the demo's: 广西 450000 › 防城港市 450600 › 港口区 450602, 东兴市 450681, each
	 * city and county with a market-regulation bureau.
	 */
	public void tree() {
		region("450000", "广西壮族自治区", "PROVINCE", null);
		region("450600", "防城港市", "CITY", "450000");
		region("450602", "港口区", "COUNTY", "450600");
		region("450681", "东兴市", "COUNTY", "450600");
		department("450600", "防城港市市场监督管理局", "MARKET_REGULATION");
		department("450602", "港口区市场监督管理局", "MARKET_REGULATION");
		department("450681", "东兴市市场监督管理局", "MARKET_REGULATION");
	}

	public void region(String code, String name, String level, String parent) {
		jdbc.update("insert into region (code, name, level, parent_code) values (?, ?, ?, ?) on conflict do nothing", code,
				name, level, parent);
	}

	public long department(String regionCode, String name, String kind) {
		jdbc.update("insert into department (region_code, name, kind) values (?, ?, ?) on conflict do nothing",
				regionCode, name, kind);
		return jdbc.queryForObject("select id from department where region_code = ? and name = ?", Long.class,
				regionCode, name);
	}

	/** An account of the market-regulation bureau of {@code regionCode} (see {@link #tree()}). */
	public String member(String username, String regionCode, boolean includeSubregions, Role... roles) {
		tree();
		account(username, roles);
		jdbc.update("""
				update user_account set scope_includes_subregions = ?,
				  department_id = (select id from department where region_code = ? and kind = 'MARKET_REGULATION' limit 1)
				where username = ?""", includeSubregions, regionCode, username);
		return username;
	}

}
