package cn.qualityportal.system.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The portal on its persistent embedded database (not the tests' usual throw-away one): the
 * administrator's backups and their alerts, answers while the database restarts, and a write that
 * fails for lack of disk space.
 */
@SpringBootTest(properties = { "portal.database.ephemeral=false", "portal.backup.first-check-after=PT1H",
		"portal.backup.disk-low-threshold=100000TB" })
@AutoConfigureMockMvc
class DatabaseOperationsTests {

	static final Path DATA;

	static {
		try {
			DATA = Files.createTempDirectory("portal-operations");
		}
		catch (java.io.IOException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("portal.database.data-dir", DATA::toString);
		registry.add("portal.backup.directory", () -> DATA.resolve("backups").toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DatabaseBackupService backups;

	@Autowired
	DatabaseSupervisor supervisor;

	@Test
	void theAdministratorBacksUpNowAndSeesEachBackupWithSizeTimeAndResult() throws Exception {
		accounts.account("backup-admin", Role.ADMIN);
		mvc.perform(get("/admin/backups").with(accounts.as("backup-admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("立即备份")))
			.andExpect(content().string(containsString(DATA.resolve("backups").toString())));

		mvc.perform(post("/admin/backups").with(accounts.as("backup-admin")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("success", "backups.done"));

		var row = jdbc.queryForMap("select * from database_backup where trigger = 'MANUAL' order by id desc limit 1");
		assertThat(row.get("status")).isEqualTo("SUCCEEDED");
		assertThat(row.get("requested_by")).isEqualTo("backup-admin");
		assertThat((Long) row.get("size_bytes")).isPositive();
		Path backup = DATA.resolve("backups/base").resolve((String) row.get("name"));
		assertThat(backup.resolve("backup_label")).content().contains("START WAL LOCATION");
		assertThat(backup.resolve("postmaster.pid")).doesNotExist();
		assertThat(BaseBackups.size(backup)).isEqualTo(row.get("size_bytes"));
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_log where actor = 'backup-admin' and entity = 'database_backup' and action = 'BACKUP_REQUESTED'",
				Integer.class)).isOne();
		mvc.perform(get("/admin/backups").with(accounts.as("backup-admin")))
			.andExpect(content().string(containsString((String) row.get("name"))))
			.andExpect(content().string(containsString("成功")));

		accounts.account("backup-office", Role.OFFICE);
		mvc.perform(get("/admin/backups").with(accounts.as("backup-office"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/backups").with(accounts.as("backup-office")).with(csrf())).andExpect(status().isForbidden());
	}

	@Autowired
	LockProvider lockProvider;

	@Test
	void whileAnotherInstanceHoldsTheBackupLockNoSecondBackupRuns() {
		// The row another instance takes in the shedlock table while it backs up.
		SimpleLock held = lockProvider
			.lock(new LockConfiguration(Instant.now(), DatabaseBackupService.LOCK, Duration.ofMinutes(5), Duration.ZERO))
			.orElseThrow();
		try {
			int before = jdbc.queryForObject("select count(*) from database_backup", Integer.class);
			assertThat(backups.backUpNow("lock-admin")).isEqualTo(DatabaseBackupService.Outcome.ALREADY_RUNNING);
			backups.scheduled();
			assertThat(jdbc.queryForObject("select count(*) from database_backup", Integer.class)).isEqualTo(before);
		}
		finally {
			held.unlock();
		}
	}

	@Test
	void aScheduledBackupIsTakenWhenTheLastGoodOneIsOlderThanTheInterval() {
		jdbc.update("delete from database_backup");
		assertThat(backups.isDue()).isTrue();
		backups.scheduled();
		assertThat(jdbc.queryForObject("select status from database_backup where trigger = 'SCHEDULED'", String.class))
			.isEqualTo("SUCCEEDED");
		assertThat(backups.isDue()).isFalse();
		// A good backup a day and a bit ago: due again.
		jdbc.update("update database_backup set started_at = now() - interval '25 hours'");
		assertThat(backups.isDue()).isTrue();
	}

	@Test
	void aFailedBackupAndALowDiskAlertTheAdministratorOnTheHomePage() throws Exception {
		accounts.account("alert-admin", Role.ADMIN);
		Path base = DATA.resolve("backups/base");
		Path aside = DATA.resolve("backups/base-aside");
		Files.createDirectories(base);
		Files.move(base, aside);
		Files.writeString(base, "not a directory: the backup cannot be written");
		try {
			assertThat(backups.backUpNow("alert-admin")).isEqualTo(DatabaseBackupService.Outcome.FAILED);
		}
		finally {
			Files.delete(base);
			Files.move(aside, base);
		}
		assertThat(jdbc.queryForObject("select status from database_backup order by id desc limit 1", String.class))
			.isEqualTo("FAILED");
		mvc.perform(get("/").with(accounts.as("alert-admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("最近一次数据库备份失败")))
			// the threshold of this test is larger than any disk
			.andExpect(content().string(containsString("数据库所在磁盘空间不足")))
			.andExpect(content().string(containsString("备份所在磁盘空间不足")));
		accounts.member("alert-reporter", "450681", false, Role.REPORTER);
		mvc.perform(get("/").with(accounts.as("alert-reporter")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("最近一次数据库备份失败"))));
		jdbc.update("delete from database_backup where status = 'FAILED'");
	}

	@Test
	void whileTheDatabaseRestartsPagesAndTheApiAnswer503WithRetryAfterNever500() throws Exception {
		accounts.account("restart-admin", Role.ADMIN);
		jdbc.update("create table if not exists restart_probe (note text)");
		jdbc.update("insert into restart_probe values ('提交于崩溃前')");
		var admin = accounts.as("restart-admin");
		int restartsBefore = supervisor.restarts();
		DatabaseSupervisorTests.killPostmaster(DATA.resolve("postgres"));
		// While the supervisor starts PostgreSQL again (health saying why: DatabaseSupervisorTests).
		Instant noticed = Instant.now().plus(Duration.ofSeconds(10));
		while (supervisor.available() && Instant.now().isBefore(noticed)) {
			Thread.sleep(10);
		}
		// Answered at once, without waiting for a connection.
		MockHttpServletResponse apiWhileDown = mvc.perform(get("/api/v1/me").with(httpBasic("restart-admin", TestAccounts.PASSWORD)))
			.andReturn()
			.getResponse();
		MockHttpServletResponse pageWhileDown = mvc.perform(get("/admin/backups").with(admin).accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse();

		List<Integer> statuses = new ArrayList<>(List.of(apiWhileDown.getStatus(), pageWhileDown.getStatus()));
		boolean saw503 = apiWhileDown.getStatus() == 503 || pageWhileDown.getStatus() == 503;
		assertThat(apiWhileDown.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(apiWhileDown.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("数据库正在重新启动");
		assertThat(pageWhileDown.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
		assertThat(pageWhileDown.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("数据库暂不可用");
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			MockHttpServletResponse api = mvc.perform(get("/api/v1/me").with(httpBasic("restart-admin", TestAccounts.PASSWORD)))
				.andReturn()
				.getResponse();
			MockHttpServletResponse page = mvc.perform(get("/admin/backups").with(admin).accept(MediaType.TEXT_HTML))
				.andReturn()
				.getResponse();
			for (MockHttpServletResponse response : List.of(api, page)) {
				statuses.add(response.getStatus());
				if (response.getStatus() == 503) {
					saw503 = true;
					assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseFaultFilter.RETRY_AFTER_SECONDS);
					assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("数据库");
				}
			}
			if (supervisor.restarts() > restartsBefore && supervisor.available() && api.getStatus() == 200 && page.getStatus() == 200) {
				break;
			}
			Thread.sleep(50);
		}
		assertThat(statuses).as("every answer while the database restarts").allMatch(code -> code == 200 || code == 503);
		assertThat(saw503).as("some request met the restart").isTrue();
		assertThat(supervisor.available()).isTrue();
		assertThat(jdbc.queryForList("select note from restart_probe", String.class)).containsExactly("提交于崩溃前");
		mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void aWriteThatFindsTheDiskFullIsToldSoAndLeavesNothingBehind() throws Exception {
		accounts.member("disk-reporter", "450681", false, Role.REPORTER);
		// PostgreSQL's own error for a full disk (SQLSTATE 53100), raised where the write happens.
		jdbc.execute("""
				create or replace function pretend_disk_full() returns trigger language plpgsql as $$
				begin raise exception 'could not extend file: No space left on device' using errcode = 'disk_full'; end $$""");
		jdbc.execute("create trigger region_disk_full before insert on region for each row execute function pretend_disk_full()");
		try {
			int regions = jdbc.queryForObject("select count(*) from region", Integer.class);
			int audits = jdbc.queryForObject("select count(*) from audit_log", Integer.class);
			mvc.perform(post("/api/v1/regions").with(httpBasic("admin", TestAccounts.ADMIN_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"450100\",\"name\":\"南宁市\",\"level\":\"CITY\",\"parentCode\":\"450000\"}"))
				.andExpect(status().isInsufficientStorage())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString("服务器磁盘已满")))
				.andExpect(header().exists("Retry-After"));
			assertThat(jdbc.queryForObject("select count(*) from region", Integer.class)).isEqualTo(regions);
			assertThat(jdbc.queryForObject("select count(*) from audit_log", Integer.class)).isEqualTo(audits);
		}
		finally {
			jdbc.execute("drop trigger region_disk_full on region");
		}
	}

}
