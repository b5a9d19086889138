package cn.qualityportal.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.assessment.Assessments;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.progress.ProgressBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two-level review (逐级审核) on the demo, with an indicator and targets of its own: the city of
 * 防城港 counts the new brands of its four counties (SUM), target ≥ 12 by 2021; 东兴市 has its own
 * target ≥ 4. By hand, for 2020: 港口区 3, 防城区 4, 上思县 2 (accepted), 东兴市 5; the city's figure is
 * 3 + 4 + 2 + 5 = 14 ≥ 12, achieved, only once 东兴市's figure is final. Until the city's office
 * accepts it, 2020 is partial for the city (3/4 counties), 东兴市's own target has no figure, the
 * ranking says so, and completeness does not count it as final; "include submitted" counts it
 * provisionally. The setting is switched back off after each test.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class TwoLevelReviewTests {

	private static final String INDICATOR = "TL-BRANDS";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ProgressBoard board;

	@Autowired
	Assessments assessments;

	@Autowired
	Completeness completeness;

	@Autowired
	ReportingPeriodRepository periods;

	@Autowired
	ReviewLevels reviewLevels;

	long document;

	long cityTarget;

	long countyTarget;

	long dongxing;

	@BeforeEach
	void data() {
		accounts.member("tl-reviewer-2", "450681", false, Role.REVIEWER);
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values (?, '逐级审核测试名牌', 'BRAND', '个', 'COUNT', 'HIGHER', 'SUM')""", INDICATOR);
		document = jdbc.queryForObject("""
				insert into policy_document (title, issuer, level, region_code, issue_date, status)
				values ('逐级审核测试文件', '防城港市人民政府', 'CITY', '450600', date '2019-06-01', 'IN_FORCE') returning id""",
				Long.class);
		cityTarget = target("450600", 12);
		countyTarget = target("450681", 4);
		long period = jdbc.queryForObject("select id from reporting_period where year = 2020 and kind = 'ANNUAL'", Long.class);
		for (Object[] figure : new Object[][] { { "450602", 3 }, { "450603", 4 }, { "450621", 2 } }) {
			jdbc.update("""
					insert into indicator_value (indicator_id, region_code, period_id, value, status, updated_by)
					select id, ?, ?, ?, 'ACCEPTED', 'demo' from indicator where code = ?""", figure[0], period, figure[1],
					INDICATOR);
		}
		dongxing = jdbc.queryForObject("""
				insert into indicator_value (indicator_id, region_code, period_id, value, status, updated_by)
				select id, '450681', ?, 5, 'SUBMITTED', 'reporter-450681' from indicator where code = ? returning id""",
				Long.class, period, INDICATOR);
	}

	private long target(String region, int value) {
		return jdbc.queryForObject("""
				insert into target (indicator_id, region_code, document_id, comparator, value, unit, deadline_year, lead_department_id)
				select i.id, ?, ?, 'GE', ?, '个', 2021, d.id from indicator i, department d
				where i.code = ? and d.region_code = ? and d.kind = 'MARKET_REGULATION' returning id""", Long.class, region,
				document, value, INDICATOR, region);
	}

	@AfterEach
	void cleanUp() {
		ReviewLevels.Setting setting = reviewLevels.current();
		reviewLevels.change(null, setting.version(), "test");
		jdbc.update("delete from indicator_value where indicator_id = (select id from indicator where code = ?)", INDICATOR);
		jdbc.update("delete from target where document_id = ?", document);
		jdbc.update("delete from policy_document where id = ?", document);
		jdbc.update("delete from indicator where code = ?", INDICATOR);
	}

	@Test
	void aDistrictApprovedFigureCountsInTheCityRollUpRankingAndCompletenessOnlyOnceTheCityAcceptsIt() throws Exception {
		long setting = reviewLevels.current().version();
		mvc.perform(post("/reporting/periods/review-levels").with(accounts.as("office")).with(csrf())
			.param("twoLevel", "true").param("fromYear", "2020").param("version", "" + setting).param("confirmed", "true"))
			.andExpect(flash().attribute("success", "flash.saved"));
		assertThat(reviewLevels.current().twoLevelFromYear()).isEqualTo(2020);
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'review_setting' and actor = 'office'"
				+ " and new_state ->> 'twoLevelFromYear' = '2020'", Integer.class)).isEqualTo(1);

		int finalBefore = finalCount();
		approve(dongxing, "reviewer-450681");
		assertThat(statusOf(dongxing)).isEqualTo("APPROVED");

		// Approved by the county, not yet accepted: not final.
		assertThat(progress(cityTarget, false)).isEqualTo("NO_DATA null false");
		assertThat(explanation(cityTarget)).contains("2020").contains("3").contains("4");
		assertThat(progress(countyTarget, false)).isEqualTo("NO_DATA null false");
		assertThat(rankingLine()).isEqualTo("NO_DATA");
		assertThat(finalCount()).isEqualTo(finalBefore);
		// "Include submitted" counts it, marked provisional: 3 + 4 + 2 + 5.
		assertThat(progress(cityTarget, true)).isEqualTo("ACHIEVED 14.0000 true");
		// Its status says so to the reporter and on its page: approved, waiting for acceptance (a first use read
		// plain 已审核 and took it for final).
		mvc.perform(get("/reporting/values/" + dongxing).with(accounts.as("office")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString("已审核，待验收")));
		// The acceptance queue says from which year, written as a year ("2,020 年" was seen, issue 14).
		mvc.perform(get("/reporting/acceptance").with(accounts.as("office")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.containsString("2020 年及以后")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("2,020"))));

		mvc.perform(post("/reporting/acceptance/decide").with(accounts.as("office")).with(csrf())
			.param("ids", dongxing + ":" + version(dongxing)).param("decision", "accept"))
			.andExpect(flash().attribute("doneCount", 1))
			.andExpect(flash().attribute("refusedCount", 0));
		assertThat(statusOf(dongxing)).isEqualTo("ACCEPTED");
		assertThat(jdbc.queryForList("select action from audit_log where entity = 'indicator_value' and entity_id = ? order by id",
				String.class, dongxing)).containsExactly("APPROVE", "ACCEPTANCE");

		assertThat(progress(cityTarget, false)).isEqualTo("ACHIEVED 14.0000 false");
		assertThat(progress(countyTarget, false)).isEqualTo("ACHIEVED 5.0000 false");
		assertThat(rankingLine()).isEqualTo("ACHIEVED");
		assertThat(finalCount()).isEqualTo(finalBefore + 1);
	}

	@Test
	void withOneLevelTheApprovalIsFinalAndTheAcceptanceQueueHasNothingToAccept() throws Exception {
		approve(dongxing, "reviewer-450681");
		assertThat(progress(cityTarget, false)).isEqualTo("ACHIEVED 14.0000 false");
		mvc.perform(post("/reporting/acceptance/decide").with(accounts.as("office")).with(csrf())
			.param("ids", dongxing + ":" + version(dongxing)).param("decision", "accept"))
			.andExpect(flash().attribute("doneCount", 0))
			.andExpect(flash().attribute("refusedCount", 1));
		assertThat(statusOf(dongxing)).isEqualTo("APPROVED");
	}

	@Test
	void returnsAndReopeningsNeedAReasonAreAuditedAndOnlyALevelAboveMayReopen() throws Exception {
		reviewLevels.change(2020, reviewLevels.current().version(), "test");
		approve(dongxing, "reviewer-450681");

		// Returned at acceptance: a reason is required, and then the reporter has it back.
		mvc.perform(post("/reporting/acceptance/decide").with(accounts.as("office")).with(csrf())
			.param("ids", dongxing + ":" + version(dongxing)).param("decision", "return").param("reason", " "))
			.andExpect(flash().attribute("error", "reporting.reasonRequired"));
		assertThat(statusOf(dongxing)).isEqualTo("APPROVED");
		mvc.perform(post("/reporting/acceptance/decide").with(accounts.as("office")).with(csrf())
			.param("ids", dongxing + ":" + version(dongxing)).param("decision", "return").param("reason", "与统计年鉴不符"))
			.andExpect(flash().attribute("doneCount", 1));
		assertThat(statusOf(dongxing)).isEqualTo("RETURNED");
		assertThat(lastAudit(dongxing)).isEqualTo("RETURN_AT_ACCEPTANCE office 与统计年鉴不符");

		jdbc.update("update indicator_value set status = 'SUBMITTED', value = 6, updated_by = 'reporter-450681' where id = ?", dongxing);
		approve(dongxing, "reviewer-450681");
		// The county's own reviewer is not above the county: refused. The office without a reason: refused.
		mvc.perform(post("/reporting/values/" + dongxing + "/reopen").with(accounts.as("tl-reviewer-2")).with(csrf())
			.param("reason", "再看看").param("version", "" + version(dongxing)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/reporting/values/" + dongxing + "/reopen").with(accounts.as("office")).with(csrf())
			.param("reason", "").param("version", "" + version(dongxing)))
			.andExpect(flash().attribute("error", "reporting.reasonRequired"));
		assertThat(statusOf(dongxing)).isEqualTo("APPROVED");
		mvc.perform(post("/reporting/values/" + dongxing + "/reopen").with(accounts.as("office")).with(csrf())
			.param("reason", "请核对新认定名单").param("version", "" + version(dongxing)))
			.andExpect(flash().attribute("success", "reporting.reopened"));
		assertThat(statusOf(dongxing)).isEqualTo("SUBMITTED");
		assertThat(lastAudit(dongxing)).isEqualTo("REOPEN_REVIEW office 请核对新认定名单");
		// Back in the county reviewer's queue with the reason.
		mvc.perform(get("/reporting/review").param("indicator", INDICATOR).with(accounts.as("reviewer-450681")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("撤销理由：请核对新认定名单")));

		// An acceptance is reopened only from above the accepting level: the city's office accepted, so it may not.
		approve(dongxing, "reviewer-450681");
		mvc.perform(post("/reporting/acceptance/decide").with(accounts.as("office")).with(csrf())
			.param("ids", dongxing + ":" + version(dongxing)).param("decision", "accept"))
			.andExpect(flash().attribute("doneCount", 1));
		mvc.perform(post("/reporting/values/" + dongxing + "/reopen").with(accounts.as("office")).with(csrf())
			.param("reason", "再议").param("version", "" + version(dongxing)))
			.andExpect(status().isForbidden());
		assertThat(statusOf(dongxing)).isEqualTo("ACCEPTED");
	}

	@Test
	void aStaleOrConcurrentReviewIsAConflictAndDecidesNothingTwice() throws Exception {
		long seen = version(dongxing);
		jdbc.update("update indicator_value set note = '改了说明', version = version + 1 where id = ?", dongxing);
		mvc.perform(post("/reporting/review/" + dongxing + "/approve").with(accounts.as("reviewer-450681")).with(csrf())
			.param("version", "" + seen))
			.andExpect(flash().attribute("error", "reporting.reviewConflict"));
		assertThat(statusOf(dongxing)).isEqualTo("SUBMITTED");

		// Two reviewers decide the same figure at once, both from the version they saw: one wins, the other is told.
		long current = version(dongxing);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Object> first = () -> decide("reviewer-450681", "approve", current);
			Callable<Object> second = () -> decide("tl-reviewer-2", "return", current);
			List<Future<Object>> outcomes = pool.invokeAll(List.of(first, second), 60, TimeUnit.SECONDS);
			List<Object> results = outcomes.stream().map(future -> {
				try {
					return future.get();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
			assertThat(results).containsExactlyInAnyOrder(1, 0);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statusOf(dongxing)).isIn("APPROVED", "RETURNED");
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'indicator_value' and entity_id = ?"
				+ " and action in ('APPROVE', 'RETURN')", Integer.class, dongxing)).isEqualTo(1);
	}

	@Test
	void theQueuesNameTheReporterWhoSubmittedNotWhoeverActedLast() throws Exception {
		// Returned by the county's reviewer: 填报人 is still the reporter who submitted it.
		mvc.perform(post("/reporting/review/" + dongxing + "/return").with(accounts.as("reviewer-450681")).with(csrf())
			.param("reason", "请附证明").param("version", "" + version(dongxing)))
			.andExpect(flash().attribute("success", "reporting.returned"));
		String returned = queue("/reporting/review", "reviewer-450681", "status", "RETURNED");
		assertThat(rowText(returned)).contains("东兴市填报员").doesNotContain("东兴市审核员");
		assertThat(reporterCell(returned)).isEqualTo("东兴市填报员");

		// Submitted again, approved by the reviewer and waiting for the city's acceptance: still the reporter.
		jdbc.update("update indicator_value set status = 'SUBMITTED', value = 6, updated_by = 'reporter-450681' where id = ?",
				dongxing);
		reviewLevels.change(2020, reviewLevels.current().version(), "test");
		approve(dongxing, "reviewer-450681");
		String accepting = queue("/reporting/acceptance", "office");
		assertThat(rowText(accepting)).contains("东兴市填报员").doesNotContain("东兴市审核员");
		assertThat(reporterCell(accepting)).isEqualTo("东兴市填报员");
	}

	@Test
	void anActionOnTheQueueReturnsToTheSameFilteredView() throws Exception {
		String filtered = "/reporting/review?status=SUBMITTED&indicator=" + INDICATOR;
		// The page's forms carry its filters, each in a field of its own (one "back" query string was read
		// by the browser as "status=SUBMITTED®ion=…": "&reg" is the entity ®, and the region was lost).
		String page = queue("/reporting/review", "reviewer-450681", "region", "450681");
		assertThat(page).doesNotContain("name=\"back\"");
		assertThat(page.split("<input type=\"hidden\" name=\"region\" value=\"450681\">", -1))
			.as("the bulk form and each row's approve and return").hasSize(4);
		assertThat(page.split("<input type=\"hidden\" name=\"indicator\" value=\"" + INDICATOR + "\">", -1)).hasSize(4);
		assertThat(page.split("<input type=\"hidden\" name=\"status\" value=\"SUBMITTED\">", -1)).hasSize(4);

		// ...and each action comes back to them: return, then (resubmitted) approve.
		mvc.perform(post("/reporting/review/" + dongxing + "/return").with(accounts.as("reviewer-450681")).with(csrf())
			.param("reason", "请附证明").param("version", "" + version(dongxing))
			.param("status", "SUBMITTED").param("indicator", INDICATOR))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(filtered));
		jdbc.update("update indicator_value set status = 'SUBMITTED', value = 6, updated_by = 'reporter-450681' where id = ?",
				dongxing);
		mvc.perform(post("/reporting/review/" + dongxing + "/approve").with(accounts.as("reviewer-450681")).with(csrf())
			.param("version", "" + version(dongxing)).param("status", "SUBMITTED").param("indicator", INDICATOR)
			.param("region", "450681").param("page", "0"))
			.andExpect(flash().attribute("success", "reporting.approved"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/reporting/review?status=SUBMITTED&region=450681&indicator=" + INDICATOR + "&page=0"));

		reviewLevels.change(2020, reviewLevels.current().version(), "test");
		String accepting = queue("/reporting/acceptance", "office", "region", "450681");
		assertThat(accepting.split("<input type=\"hidden\" name=\"region\" value=\"450681\">", -1))
			.as("the bulk form, the row's accept and return, and its reopen").hasSize(5);
		assertThat(accepting).contains("<input type=\"hidden\" name=\"queue\" value=\"acceptance\">");

		// Reopening from the queue comes back to the queue too, not to the figure's page.
		mvc.perform(post("/reporting/values/" + dongxing + "/reopen").with(accounts.as("office")).with(csrf())
			.param("reason", "再核对").param("version", "" + version(dongxing)).param("queue", "acceptance")
			.param("status", "APPROVED").param("region", "450681").param("indicator", INDICATOR))
			.andExpect(flash().attribute("success", "reporting.reopened"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/reporting/acceptance?status=APPROVED&region=450681&indicator=" + INDICATOR));
		assertThat(statusOf(dongxing)).isEqualTo("SUBMITTED");
		// From the figure's own page (no queue it knows named) it stays on the figure's page.
		mvc.perform(post("/reporting/values/" + dongxing + "/reopen").with(accounts.as("office")).with(csrf())
			.param("reason", "再核对").param("version", "" + version(dongxing)).param("queue", "//evil.example"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/reporting/values/" + dongxing));

		approve(dongxing, "reviewer-450681");
		mvc.perform(post("/reporting/acceptance/decide").with(accounts.as("office")).with(csrf())
			.param("ids", dongxing + ":" + version(dongxing)).param("decision", "accept")
			.param("status", "APPROVED").param("region", "450681").param("indicator", INDICATOR))
			.andExpect(flash().attribute("doneCount", 1))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/reporting/acceptance?status=APPROVED&region=450681&indicator=" + INDICATOR));
	}

	@Test
	void theQueueGoesBackOnlyToItsOwnPageWithFiltersItKnows() throws Exception {
		// Never elsewhere, and a filter that is not one (bad value) is dropped, not passed on.
		for (String[] hostile : List.of(new String[] { "status", "//evil.example/x" },
				new String[] { "region", "https://evil.example" }, new String[] { "status", "<script>" },
				new String[] { "region", "12345x" }, new String[] { "department", "abc" },
				new String[] { "page", "1\r\nLocation: //evil.example" }, new String[] { "indicator", "x".repeat(2000) },
				new String[] { "indicator", "A\r\nLocation: //evil.example" })) {
			String to = mvc.perform(post("/reporting/review/decide").with(accounts.as("reviewer-450681")).with(csrf())
				.param("ids", "0:0").param(hostile[0], hostile[1]))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
			assertThat(to).as(hostile[0] + "=" + hostile[1]).isEqualTo("/reporting/review");
		}
		String to = mvc.perform(post("/reporting/review/decide").with(accounts.as("reviewer-450681")).with(csrf())
			.param("ids", "0:0").param("indicator", "名牌 A").param("department", "7"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(to).isEqualTo("/reporting/review?department=7&indicator=%E5%90%8D%E7%89%8C%20A");
	}

	@Test
	void turningTwoLevelReviewOnForAYearWithApprovedFiguresSaysHowManyStopCountingAndAsksFirst() throws Exception {
		int approved = jdbc.queryForObject("""
				select count(*) from indicator_value v join reporting_period p on p.id = v.period_id
				where v.status = 'APPROVED' and p.year >= 2020""", Integer.class);
		assertThat(approved).as("the demo has approved 2020 figures").isPositive();
		long setting = reviewLevels.current().version();
		mvc.perform(post("/reporting/periods/review-levels").with(accounts.as("office")).with(csrf())
			.param("twoLevel", "true").param("fromYear", "2020").param("version", "" + setting))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.view().name("confirm"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("2020 年及以后已审核通过的 " + approved + " 项数据")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("name=\"fromYear\" value=\"2020\"")));
		assertThat(reviewLevels.current().twoLevelFromYear()).as("nothing changed before confirming").isNull();
		mvc.perform(post("/reporting/periods/review-levels").with(accounts.as("office")).with(csrf())
			.param("twoLevel", "true").param("fromYear", "2020").param("version", "" + setting).param("confirmed", "true"))
			.andExpect(flash().attribute("success", "flash.saved"));
		assertThat(reviewLevels.current().twoLevelFromYear()).isEqualTo(2020);
		// Switching it off again would let those figures, now waiting for acceptance, count unaccepted: asked too.
		mvc.perform(post("/reporting/periods/review-levels").with(accounts.as("office")).with(csrf())
			.param("twoLevel", "false").param("version", "" + reviewLevels.current().version()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.view().name("confirm"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("正在等待上一级质强办验收的 " + approved + " 项数据将不经验收")));
		assertThat(reviewLevels.current().twoLevelFromYear()).as("nothing changed before confirming").isEqualTo(2020);
		mvc.perform(post("/reporting/periods/review-levels").with(accounts.as("office")).with(csrf())
			.param("twoLevel", "false").param("version", "" + reviewLevels.current().version()).param("confirmed", "true"))
			.andExpect(flash().attribute("success", "flash.saved"));
		assertThat(reviewLevels.current().twoLevelFromYear()).isNull();
		// From a year without approved figures nothing changes what counts: no question.
		mvc.perform(post("/reporting/periods/review-levels").with(accounts.as("office")).with(csrf())
			.param("twoLevel", "true").param("fromYear", "2030").param("version", "" + reviewLevels.current().version()))
			.andExpect(flash().attribute("success", "flash.saved"));
		assertThat(reviewLevels.current().twoLevelFromYear()).isEqualTo(2030);
	}

	@Test
	void theQueueFiltersByRegionAndUnitTogether() throws Exception {
		// Seen by a first use: region and unit chosen together answered 500 (the unit's condition lost its leading space).
		long bureau = jdbc.queryForObject("select lead_department_id from target where id = ?", Long.class, countyTarget);
		long other = jdbc.queryForObject("select min(id) from department where region_code = '450681' and id <> ?", Long.class, bureau);
		assertThat(queue("/reporting/review", "reviewer-450681", "region", "450681", "department", "" + bureau))
			.contains("data-value-id=\"" + dongxing + "\"");
		assertThat(queue("/reporting/review", "reviewer-450681", "region", "450681", "department", "" + other))
			.doesNotContain("data-value-id=\"" + dongxing + "\"");
	}

	@Test
	void anEmptyAcceptanceQueueSaysThereIsNothingToAccept() throws Exception {
		assertThat(queue("/reporting/acceptance", "office")).contains("没有待验收的数据").doesNotContain("没有待审核的数据");
		assertThat(queue("/reporting/acceptance", "office", "lang", "en")).contains("Nothing waiting for acceptance");
		assertThat(queue("/reporting/review", "reviewer-450681", "status", "APPROVED")).contains("没有待审核的数据");
	}

	@Test
	void theQueueNamesTheSubmitter() throws Exception {
		assertThat(queue("/reporting/review", "reviewer-450681", "lang", "en")).contains(">Submitted by<").doesNotContain("Entered by");
		assertThat(queue("/reporting/review", "reviewer-450681")).contains(">填报人<");
	}

	@Test
	void aReviewerMayNotApproveAFigureTheySubmittedEvenAfterSomeoneElseTouchedIt() throws Exception {
		accounts.member("tl-both", "450681", false, Role.REPORTER, Role.REVIEWER);
		// Submitted by tl-both; then the office reopened or edited it, so someone else acted last.
		jdbc.update("update indicator_value set submitted_by = 'tl-both', updated_by = 'office' where id = ?", dongxing);
		mvc.perform(post("/reporting/review/" + dongxing + "/approve").with(accounts.as("tl-both")).with(csrf())
			.param("version", "" + version(dongxing)))
			.andExpect(flash().attribute("error", "reporting.ownFigure"));
		assertThat(statusOf(dongxing)).isEqualTo("SUBMITTED");
		// Another reviewer may.
		approve(dongxing, "reviewer-450681");
		assertThat(statusOf(dongxing)).isEqualTo("APPROVED");
	}

	@Test
	void theChangeOfARateIsInPercentagePoints() throws Exception {
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values ('TL-RATE', '逐级审核测试合格率', 'PRODUCT', '%', 'RATE', 'HIGHER', 'NONE')""");
		try {
			for (Object[] figure : new Object[][] { { 2019, "90.0", "APPROVED" }, { 2020, "92.5", "SUBMITTED" } }) {
				jdbc.update("""
						insert into indicator_value (indicator_id, region_code, period_id, value, status, updated_by)
						select i.id, '450681', p.id, ?, ?, 'reporter-450681' from indicator i, reporting_period p
						where i.code = 'TL-RATE' and p.year = ? and p.kind = 'ANNUAL'""", new BigDecimal((String) figure[1]),
						figure[2], figure[0]);
			}
			// By hand: 92.5 − 90.0 = +2.5 percentage points (not (92.5 − 90) / 90 = +2.8 %).
			String page = mvc.perform(get("/reporting/review").param("indicator", "TL-RATE").with(accounts.as("reviewer-450681")))
				.andReturn().getResponse().getContentAsString();
			assertThat(cell(page, "data-column=\"change\"")).isEqualTo("+2.5 个百分点");
			// A count's change stays a percentage: 东兴市's 5 new brands against 4 the year before is +25%.
			jdbc.update("""
					insert into indicator_value (indicator_id, region_code, period_id, value, status, updated_by)
					select i.id, '450681', p.id, 4, 'APPROVED', 'demo' from indicator i, reporting_period p
					where i.code = ? and p.year = 2019 and p.kind = 'ANNUAL'""", INDICATOR);
			assertThat(cell(queue("/reporting/review", "reviewer-450681"), "data-column=\"change\"")).isEqualTo("+25.0%");
		}
		finally {
			jdbc.update("delete from indicator_value where indicator_id = (select id from indicator where code = 'TL-RATE')");
			jdbc.update("delete from indicator where code = 'TL-RATE'");
		}
	}

	@Test
	void theQueueSaysWhereATargetCountsWhatIsAdded() throws Exception {
		assertThat(rowText(queue("/reporting/review", "reviewer-450681"))).doesNotContain("新增").contains("≥ 4个 (2021)");
		jdbc.update("update target set increment = true, baseline_year = 2018 where id = ?", countyTarget);
		String page = queue("/reporting/review", "reviewer-450681");
		assertThat(rowText(page)).contains("新增 ≥ 4个 (2021)");
		assertThat(targetCell(page)).isEqualTo("新增 ≥ 4个 (2021)");
	}

	/** The queue page of one user filtered to the test's indicator (and any further filters, name then value). */
	private String queue(String path, String user, String... filters) throws Exception {
		var request = get(path).param("indicator", INDICATOR).with(accounts.as(user));
		for (int i = 0; i < filters.length; i += 2) {
			request = request.param(filters[i], filters[i + 1]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The queue's one row, its HTML. */
	private static String row(String page) {
		java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?s)<tr data-value-id=.*?</tr>").matcher(page);
		assertThat(row.find()).as("a row in the queue").isTrue();
		String html = row.group();
		assertThat(row.find()).as("only one row").isFalse();
		return html;
	}

	/** The queue's one row as a person reads it: its text without tags, spaces collapsed. */
	private static String rowText(String page) {
		return text(row(page));
	}

	private static String text(String html) {
		return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
	}

	/** The one row's cell of a column in a queue page, its text. */
	private static String cell(String page, String column) {
		String html = row(page);
		java.util.regex.Matcher cell = java.util.regex.Pattern.compile("(?s)<td[^>]*" + column + "[^>]*>(.*?)</td>").matcher(html);
		assertThat(cell.find()).as(column).isTrue();
		return text(cell.group(1));
	}

	private static String reporterCell(String page) {
		return cell(page, "data-column=\"reporter\"");
	}

	private static String targetCell(String page) {
		return cell(page, "data-column=\"target\"");
	}

	/** How many figures one bulk decision decided (the flash's doneCount). */
	private Object decide(String reviewer, String decision, long version) throws Exception {
		return mvc.perform(post("/reporting/review/decide").with(accounts.as(reviewer)).with(csrf())
			.param("ids", dongxing + ":" + version).param("decision", decision).param("reason", "并发测试"))
			.andReturn()
			.getFlashMap()
			.get("doneCount");
	}

	private void approve(long id, String reviewer) throws Exception {
		mvc.perform(post("/reporting/review/" + id + "/approve").with(accounts.as(reviewer)).with(csrf())
			.param("version", "" + version(id)))
			.andExpect(flash().attribute("success", "reporting.approved"));
	}

	private String statusOf(long id) {
		return jdbc.queryForObject("select status from indicator_value where id = ?", String.class, id);
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, id);
	}

	private String lastAudit(long id) {
		return jdbc.queryForObject("""
				select action || ' ' || actor || ' ' || coalesce(reason, '') from audit_log
				where entity = 'indicator_value' and entity_id = ? order by id desc limit 1""", String.class, id);
	}

	private String progress(long target, boolean includeSubmitted) {
		board.freshness(2020, includeSubmitted); // in the tests' mode a read recomputes what is stale
		Map<String, Object> row = jdbc.queryForMap("""
				select status, latest_value, provisional from target_progress
				where target_id = ? and as_of_year = 2020 and include_submitted = ?""", target, includeSubmitted);
		BigDecimal latest = (BigDecimal) row.get("latest_value");
		return row.get("status") + " " + (latest == null ? "null" : latest.toPlainString()) + " " + row.get("provisional");
	}

	private String explanation(long target) {
		return jdbc.queryForObject("select explanation::text from target_progress where target_id = ? and as_of_year = 2020"
				+ " and include_submitted = false", String.class, target);
	}

	/** 东兴市's line for the test indicator in the city's live 2020 ranking. */
	private String rankingLine() {
		return assessments.ranking("450600", 2020)
			.of("450681")
			.orElseThrow()
			.score()
			.targets()
			.stream()
			.filter(line -> line.indicatorCode().equals(INDICATOR))
			.map(line -> line.status().name())
			.findFirst()
			.orElseThrow();
	}

	/** Final figures of 东兴市's market-regulation bureau in 2020 by the completeness page's count. */
	private int finalCount() {
		ReportingPeriod period = periods.findByYearAndKindAndNumber(2020, PeriodKind.ANNUAL, 0).orElseThrow();
		return completeness.of(period, DataScope.EVERYTHING, LocalDate.now())
			.stream()
			.filter(unit -> unit.regionCode().equals("450681") && unit.departmentName().contains("市场"))
			.mapToInt(Completeness.UnitProgress::approved)
			.sum();
	}

}
