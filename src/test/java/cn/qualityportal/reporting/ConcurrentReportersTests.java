package cn.qualityportal.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Fifty reporters at once, more than the connection pool holds: each saves and submits its own
 * figure while all of them also try to change one shared figure from the same version. Nothing
 * is lost, nothing deadlocks, exactly one change of the shared figure wins and the others are told
 * it changed meanwhile (409), and every saved figure has its audit row.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConcurrentReportersTests {

	private static final int REPORTERS = 50;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	@Test
	void fiftyReportersSaveAndSubmitAtOnceWithoutLosingAnything() throws Exception {
		jdbc.update("insert into reporting_period (year, kind, number, status) values (2040, 'ANNUAL', 0, 'OPEN') on conflict do nothing");
		for (int i = 0; i < REPORTERS; i++) {
			jdbc.update("""
					insert into indicator (code, name, category, unit, value_type, direction, aggregation)
					values (?, ?, 'BRAND', '个', 'COUNT', 'HIGHER', 'SUM') on conflict do nothing""", code(i), "并发指标" + i);
			accounts.member("c50-" + i, "450681", false, Role.REPORTER);
		}
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values ('C50-SHARED', '共享指标', 'BRAND', '个', 'COUNT', 'HIGHER', 'SUM') on conflict do nothing""");
		int shared = save("c50-0", "C50-SHARED", 1, null);
		assertThat(shared).isEqualTo(200);
		long sharedVersion = jdbc.queryForObject("""
				select v.version from indicator_value v join indicator i on i.id = v.indicator_id where i.code = 'C50-SHARED'""",
				Long.class);
		int auditBefore = jdbc.queryForObject("select count(*) from audit_log where entity = 'indicator_value'", Integer.class);

		ExecutorService pool = Executors.newFixedThreadPool(REPORTERS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<int[]>> outcomes = new ArrayList<>();
		for (int i = 0; i < REPORTERS; i++) {
			int reporter = i;
			outcomes.add(pool.submit((Callable<int[]>) () -> {
				start.await();
				int own = save("c50-" + reporter, code(reporter), 10 + reporter, null);
				long id = jdbc.queryForObject("""
						select v.id from indicator_value v join indicator i on i.id = v.indicator_id
						join reporting_period p on p.id = v.period_id and p.year = 2040
						where i.code = ? and v.region_code = '450681'""", Long.class, code(reporter));
				int submitted = mvc.perform(post("/api/v1/values/" + id + "/submit").with(as("c50-" + reporter)))
					.andReturn()
					.getResponse()
					.getStatus();
				int sharedChange = save("c50-" + reporter, "C50-SHARED", 100 + reporter, sharedVersion);
				return new int[] { own, submitted, sharedChange };
			}));
		}
		start.countDown();
		pool.shutdown();
		assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).as("no deadlock: everyone finishes").isTrue();

		int sharedWins = 0;
		int sharedConflicts = 0;
		for (Future<int[]> outcome : outcomes) {
			int[] statuses = outcome.get();
			assertThat(statuses[0]).as("own figure saved").isEqualTo(200);
			assertThat(statuses[1]).as("own figure submitted").isEqualTo(200);
			sharedWins += statuses[2] == 200 ? 1 : 0;
			sharedConflicts += statuses[2] == 409 ? 1 : 0;
		}
		assertThat(sharedWins).as("one change of the shared figure wins").isOne();
		assertThat(sharedConflicts).as("the others are told").isEqualTo(REPORTERS - 1);
		assertThat(jdbc.queryForObject("""
				select count(*) from indicator_value v join indicator i on i.id = v.indicator_id
				join reporting_period p on p.id = v.period_id and p.year = 2040
				where i.code like 'C50-%' and i.code <> 'C50-SHARED' and v.status = 'SUBMITTED'""", Integer.class))
			.as("every own figure is there, submitted").isEqualTo(REPORTERS);
		// One CREATE and one SUBMIT per reporter, one UPDATE of the shared figure.
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'indicator_value'", Integer.class))
			.isEqualTo(auditBefore + 2 * REPORTERS + 1);
	}

	private int save(String username, String indicator, int value, Long version) throws Exception {
		return mvc.perform(put("/api/v1/values").with(as(username))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorCode\":\"%s\",\"regionCode\":\"450681\",\"year\":2040,\"value\":%d,\"note\":\"并发\",\"version\":%s}"
				.formatted(indicator, value, version)))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private static String code(int i) {
		return "C50-" + String.format("%02d", i);
	}

}
