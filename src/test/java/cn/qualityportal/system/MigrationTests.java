package cn.qualityportal.system;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema comes from Flyway alone, on a real PostgreSQL 18, and its constraints hold. */
// MockMvc unused here: the annotation only makes the context the same as most tests', so no
// second PostgreSQL is started for this class.
@SpringBootTest
@AutoConfigureMockMvc
class MigrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyMigrationRanSuccessfully() {
		List<Boolean> outcomes = jdbc.queryForList("select success from flyway_schema_history where version is not null",
				Boolean.class);
		assertThat(outcomes).isNotEmpty().containsOnly(true);
	}

	@Test
	void runsOnPostgresql18() {
		assertThat(jdbc.queryForObject("show server_version_num", Integer.class)).isBetween(180000, 189999);
	}

	@Test
	void regionCodesMustHaveSixDigits() {
		assertThatThrownBy(() -> jdbc.update("insert into region (code, name, level) values ('4506', '错', 'CITY')"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void usernamesAreStoredInLowerCaseOnly() {
		assertThatThrownBy(() -> jdbc.update(
				"insert into user_account (username, display_name, password_hash) values ('Upper', 'x', 'x')"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void rolesAreLimitedToTheKnownOnes() {
		Long id = jdbc.queryForObject(
				"insert into user_account (username, display_name, password_hash) values ('role-check', 'x', 'x') returning id",
				Long.class);
		assertThatThrownBy(() -> jdbc.update("insert into user_account_role (account_id, role) values (?, 'ROOT')", id))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

}
