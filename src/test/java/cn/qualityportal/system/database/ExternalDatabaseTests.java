package cn.qualityportal.system.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With SPRING_DATASOURCE_URL set, the portal uses that PostgreSQL and starts no server of its own. */
@SpringBootTest
class ExternalDatabaseTests {

	/** Stands in for the operator's PostgreSQL server. */
	static final EmbeddedDatabase external = EmbeddedDatabase.startEphemeral();

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", external::jdbcUrl);
		registry.add("spring.datasource.username", external::username);
	}

	@AfterAll
	static void stopExternal() {
		external.close();
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void noEmbeddedServerStartsAndTheConfiguredOneIsMigrated() {
		assertThat(context.getBeansOfType(EmbeddedDatabase.class)).isEmpty();
		assertThat(((HikariDataSource) dataSource).getJdbcUrl()).isEqualTo(external.jdbcUrl());
		assertThat(jdbc.queryForObject("select count(*) from user_account where username = 'admin'", Integer.class))
			.isEqualTo(1);
	}

}
