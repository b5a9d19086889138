package cn.qualityportal.reporting;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A figure's life through the API: draft, submit, return, correct, approve; and everything refused on the way. */
@SpringBootTest
@AutoConfigureMockMvc
class ValueWorkflowApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@BeforeEach
	void data() throws Exception {
		accounts.member("r-reporter", "450681", false, Role.REPORTER);
		accounts.member("r-reviewer", "450681", false, Role.REVIEWER);
		accounts.member("r-reporter-gangkou", "450602", false, Role.REPORTER);
		accounts.member("r-office", "450600", true, Role.OFFICE);
		accounts.member("r-both", "450681", false, Role.REPORTER, Role.REVIEWER);
		// Each test reports on its own indicators, so their figures do not meet in the shared database.
		for (String test : new String[] { "FLOW", "STALE", "SCOPE", "WRONG", "OWN", "CLOSED", "AUDIT", "CONCURRENT", "OUTLIER", "CORRECT" }) {
			jdbc.update("""
					insert into indicator (code, name, category, unit, value_type, direction, aggregation)
					values (?, '产品抽查合格率', 'PRODUCT', '%', 'RATE', 'HIGHER', 'WEIGHTED'),
					       (?, '名牌产品', 'BRAND', '个', 'COUNT', 'HIGHER', 'SUM') on conflict do nothing""", "R-PASS-" + test,
					"R-BRAND-" + test);
		}
		if (jdbc.queryForObject("select count(*) from reporting_period where year = 2020 and kind = 'ANNUAL'", Integer.class) == 0) {
			mvc.perform(post("/api/v1/periods").with(httpBasic("r-office", TestAccounts.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON).content("{\"year\":2020,\"kind\":\"ANNUAL\",\"dueOn\":\"2021-01-31\"}"))
				.andExpect(status().isCreated());
		}
	}

	@Test
	void aFigureIsSubmittedReturnedCorrectedAndApprovedAndTheHistoryShowsAllOfIt() throws Exception {
		long id = id(save("r-reporter", "R-PASS-FLOW", "450681", "\"numerator\":190,\"denominator\":200", null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value(95.0))
			.andExpect(jsonPath("$.status").value("DRAFT")));
		mvc.perform(post("/api/v1/values/" + id + "/submit").with(httpBasic("r-reporter", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
		mvc.perform(post("/api/v1/values/" + id + "/return").with(httpBasic("r-reviewer", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"分母应为全部抽查批次\"}"))
			.andExpect(jsonPath("$.status").value("RETURNED"))
			.andExpect(jsonPath("$.returnReason").value("分母应为全部抽查批次"));
		long version = jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, id);
		save("r-reporter", "R-PASS-FLOW", "450681", "\"numerator\":190,\"denominator\":205", version).andExpect(status().isOk());
		mvc.perform(post("/api/v1/values/" + id + "/submit").with(httpBasic("r-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/values/" + id + "/approve").with(httpBasic("r-reviewer", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.value").value(92.6829));
		mvc.perform(get("/api/v1/values/" + id + "/history").with(httpBasic("r-reviewer", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$[*].action", contains("CREATE", "SUBMIT", "RETURN", "UPDATE", "SUBMIT", "APPROVE")))
			.andExpect(jsonPath("$[*].actor", contains("r-reporter", "r-reporter", "r-reviewer", "r-reporter", "r-reporter", "r-reviewer")))
			.andExpect(jsonPath("$[2].reason").value("分母应为全部抽查批次"));
		mvc.perform(post("/api/v1/values/" + id + "/correct").with(httpBasic("r-reporter", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"value\":\"93\",\"reason\":\"x\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/values/" + id + "/correct").with(httpBasic("r-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"value\":\"93\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/values/" + id + "/correct").with(httpBasic("r-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"numerator\":\"186\",\"denominator\":\"200\",\"reason\":\"统计局复核口径调整\"}"))
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.value").value(93));
		assertThat(jdbc.queryForObject("select reason from audit_log where entity = 'indicator_value' and entity_id = ? "
				+ "and action = 'CORRECT'", String.class, id)).isEqualTo("统计局复核口径调整");
		long approvedVersion = jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, id);
		save("r-reporter", "R-PASS-FLOW", "450681", "\"value\":99", approvedVersion)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("已审核的数据已锁定；如需更正，请通过领导小组办公室并说明理由。"));
	}

	/** Seen defect 6: the office's correction of a rate dropped its numerator and denominator. */
	@Test
	void theOfficesCorrectionOfARateKeepsItsNumeratorAndDenominator() throws Exception {
		long id = id(save("r-reporter", "R-PASS-CORRECT", "450681", "\"numerator\":180,\"denominator\":200", null)
			.andExpect(status().isOk()));
		mvc.perform(post("/api/v1/values/" + id + "/submit").with(httpBasic("r-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/values/" + id + "/approve").with(httpBasic("r-reviewer", TestAccounts.PASSWORD)))
			.andExpect(status().isOk());

		// A bare value that disagrees with the stored parts would leave a rate the roll-up cannot weight: refused.
		mvc.perform(post("/api/v1/values/" + id + "/correct").with(httpBasic("r-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"value\":\"93\",\"reason\":\"口径调整\"}"))
			.andExpect(status().isBadRequest());
		assertThat(jdbc.queryForObject("select value from indicator_value where id = ?", java.math.BigDecimal.class, id))
			.isEqualByComparingTo("90");

		mvc.perform(post("/api/v1/values/" + id + "/correct").with(httpBasic("r-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"numerator\":\"186\",\"denominator\":\"200\",\"reason\":\"口径调整\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value(93));
		assertThat(jdbc.queryForMap("select numerator, denominator from indicator_value where id = ?", id))
			.containsEntry("numerator", new java.math.BigDecimal("186.0000"))
			.containsEntry("denominator", new java.math.BigDecimal("200.0000"));

		// A value that agrees with the stored parts keeps them.
		mvc.perform(post("/api/v1/values/" + id + "/correct").with(httpBasic("r-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"value\":\"93.0\",\"reason\":\"复核无误\"}"))
			.andExpect(status().isOk());
		assertThat(jdbc.queryForMap("select numerator, denominator from indicator_value where id = ?", id))
			.containsEntry("numerator", new java.math.BigDecimal("186.0000"))
			.containsEntry("denominator", new java.math.BigDecimal("200.0000"));
	}

	@Test
	void aStaleVersionAnswers409AndChangesNothing() throws Exception {
		long id = id(save("r-reporter", "R-BRAND-STALE", "450681", "\"value\":3", null));
		long version = jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, id);
		save("r-reporter", "R-BRAND-STALE", "450681", "\"value\":4", version).andExpect(status().isOk());
		save("r-reporter", "R-BRAND-STALE", "450681", "\"value\":5", version).andExpect(status().isConflict());
		save("r-reporter", "R-BRAND-STALE", "450681", "\"value\":6", null).andExpect(status().isConflict());
		assertThat(jdbc.queryForObject("select value from indicator_value where id = ?", Integer.class, id)).isEqualTo(4);
	}

	@Test
	void aReporterOfDongxingCannotReadOrWriteGangkou() throws Exception {
		Integer before = jdbc.queryForObject("select count(*) from indicator_value", Integer.class);
		save("r-reporter", "R-BRAND-SCOPE", "450602", "\"value\":3", null).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from indicator_value", Integer.class)).isEqualTo(before);
		long gangkou = id(save("r-reporter-gangkou", "R-BRAND-SCOPE", "450602", "\"value\":2", null));
		mvc.perform(get("/api/v1/values/" + gangkou).with(httpBasic("r-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/values/" + gangkou + "/submit").with(httpBasic("r-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/values").param("regionCode", "450602").with(httpBasic("r-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/values").with(httpBasic("r-reporter", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$[?(@.regionCode == '450602')]").isEmpty());
		assertThat(jdbc.queryForObject("select status from indicator_value where id = ?", String.class, gangkou))
			.isEqualTo("DRAFT");
	}

	@Test
	void wrongFiguresAreRefusedWithFieldMessages() throws Exception {
		save("r-reporter", "R-PASS-WRONG", "450681", "\"numerator\":210,\"denominator\":200", null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("numerator"))
			.andExpect(jsonPath("$.errors[0].message").value("分子不能大于分母。"));
		mvc.perform(put("/api/v1/values").with(httpBasic("r-reporter", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorCode\":\"R-BRAND-WRONG\",\"regionCode\":\"450681\",\"year\":2031,\"value\":1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"));
	}

	@Test
	void reviewersDoNotApproveTheirOwnFiguresAndReportersDoNotApprove() throws Exception {
		long id = id(save("r-both", "R-PASS-OWN", "450681", "\"value\":97", null));
		mvc.perform(post("/api/v1/values/" + id + "/submit").with(httpBasic("r-both", TestAccounts.PASSWORD)));
		mvc.perform(post("/api/v1/values/" + id + "/approve").with(httpBasic("r-both", TestAccounts.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/values/" + id + "/approve").with(httpBasic("r-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select status from indicator_value where id = ?", String.class, id))
			.isEqualTo("SUBMITTED");
	}

	@Test
	void aClosedPeriodIsReadOnlyAndReopeningNeedsARecordedReason() throws Exception {
		jdbc.update("update indicator set reporting_frequency = 'QUARTERLY' where code = 'R-BRAND-CLOSED'");
		mvc.perform(post("/api/v1/periods").with(httpBasic("r-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"year\":2019,\"kind\":\"QUARTERLY\",\"number\":4}"));
		long period = jdbc.queryForObject("select id from reporting_period where year = 2019 and kind = 'QUARTERLY' and number = 4",
				Long.class);
		mvc.perform(post("/api/v1/periods/" + period + "/close").with(httpBasic("r-office", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.status").value("CLOSED"));
		mvc.perform(put("/api/v1/values").with(httpBasic("r-reporter", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorCode\":\"R-BRAND-CLOSED\",\"regionCode\":\"450681\",\"year\":2019,\"period\":\"Q4\",\"value\":1}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/periods/" + period + "/reopen").with(httpBasic("r-office", TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/periods/" + period + "/reopen").with(httpBasic("r-office", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"东兴市补报第四季度数据\"}"))
			.andExpect(jsonPath("$.status").value("OPEN"));
		assertThat(jdbc.queryForObject("select reason from audit_log where entity = 'reporting_period' and entity_id = ? and action = 'REOPEN'",
				String.class, period)).isEqualTo("东兴市补报第四季度数据");
		mvc.perform(post("/api/v1/periods/" + period + "/close").with(httpBasic("r-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void theApplicationCannotAlterOrDeleteAuditRows() throws Exception {
		save("r-reporter", "R-BRAND-AUDIT", "450681", "\"value\":1", null);
		assertThat(jdbc.queryForObject("select count(*) from audit_log", Integer.class)).isPositive();
		assertThatThrownBy(() -> jdbc.update("update audit_log set actor = 'someone-else'"))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from audit_log")).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.execute("truncate audit_log")).isInstanceOf(DataAccessException.class);
		assertThat(jdbc.queryForObject("select count(*) from audit_log where actor = 'someone-else'", Integer.class)).isZero();
	}

	@Test
	void twoPeopleSavingTheSameVersionAtOnceNeverLoseAnUpdateSilently() throws Exception {
		long id = id(save("r-reporter", "R-BRAND-CONCURRENT", "450681", "\"value\":10", null));
		long version = jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, id);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
		for (String figure : new String[] { "\"value\":11", "\"value\":12" }) {
			statuses.add(pool.submit(() -> {
				start.await();
				return save("r-reporter", "R-BRAND-CONCURRENT", "450681", figure, version).andReturn().getResponse().getStatus();
			}));
		}
		start.countDown();
		java.util.List<Integer> results = new java.util.ArrayList<>();
		for (var status : statuses) {
			results.add(status.get(30, java.util.concurrent.TimeUnit.SECONDS));
		}
		pool.shutdown();
		assertThat(results).containsExactlyInAnyOrder(200, 409);
		assertThat(jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, id))
			.isEqualTo(version + 1);
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'indicator_value' and entity_id = ?",
				Integer.class, id)).isEqualTo(2);
	}

	@Test
	void aFigureFarFromLastYearsNeedsAnExplanationBeforeSubmitting() throws Exception {
		jdbc.update("insert into reporting_period (year, kind, number, status) values (2019, 'ANNUAL', 0, 'CLOSED') on conflict do nothing");
		jdbc.update("""
				insert into indicator_value (indicator_id, region_code, period_id, value, status, updated_by)
				select i.id, '450681', p.id, 90, 'APPROVED', 'r-reporter' from indicator i, reporting_period p
				where i.code = 'R-PASS-OUTLIER' and p.year = 2019 and p.kind = 'ANNUAL' on conflict do nothing""");
		long id = id(mvc.perform(put("/api/v1/values").with(httpBasic("r-reporter", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorCode\":\"R-PASS-OUTLIER\",\"regionCode\":\"450681\",\"year\":2020,\"value\":50}")));
		mvc.perform(post("/api/v1/values/" + id + "/submit").with(httpBasic("r-reporter", TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("与以往数据相比变化异常")));
		long version = jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, id);
		save("r-reporter", "R-PASS-OUTLIER", "450681", "\"value\":50", version).andExpect(status().isOk());
		mvc.perform(post("/api/v1/values/" + id + "/submit").with(httpBasic("r-reporter", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
	}

	private ResultActions save(String user, String indicator, String region, String figure, Long version) throws Exception {
		return mvc.perform(put("/api/v1/values").with(httpBasic(user, TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorCode\":\"%s\",\"regionCode\":\"%s\",\"year\":2020,%s,\"note\":\"测试\",\"version\":%s}"
				.formatted(indicator, region, figure, version)));
	}

	private static long id(ResultActions result) throws Exception {
		String body = result.andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+).*$", "$1"));
	}

}
