package cn.qualityportal.worklist;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.reporting.FigureReviewed;
import cn.qualityportal.reporting.ReviewLevels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A review decision reaches the figure's submitter in 站内消息: reporting's real workflow decides and
 * publishes {@link FigureReviewed}, worklist's listener writes the notification after the commit.
 * A Modulith {@link Scenario} in the demo context many test classes share (ProgressTests' among them)
 * rather than an {@code @ApplicationModuleTest}, which would bootstrap a context, and a PostgreSQL, of
 * its own and would leave out reporting's workflow, the publisher under test.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
@EnableScenarios
class ReviewNoticesTests {

	private static final String INDICATOR = "RN-BRANDS";

	private static final String INDICATOR_NAME = "审核消息测试名牌";

	private static final String REPORTER = "reporter-450681";

	private static final String REVIEWER = "reviewer-450681";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	ReviewLevels reviewLevels;

	@Autowired
	MessageSource messages;

	long period;

	@BeforeEach
	void data() {
		accounts.member("rn-reporter-2", "450681", false, Role.REPORTER);
		// Three indicators: a region reports one figure per indicator and period.
		for (String suffix : List.of("", "-2", "-3")) {
			jdbc.update("""
					insert into indicator (code, name, category, unit, value_type, direction, aggregation)
					values (?, ?, 'BRAND', '个', 'COUNT', 'HIGHER', 'SUM')""", INDICATOR + suffix, INDICATOR_NAME + suffix);
		}
		period = jdbc.queryForObject("select id from reporting_period where year = 2020 and kind = 'ANNUAL'", Long.class);
	}

	@AfterEach
	void cleanUp() {
		jdbc.update("""
				delete from notification where kind = 'REVIEW' and link in (
				    select '/reporting/values/' || v.id from indicator_value v join indicator i on i.id = v.indicator_id
				    where i.code like ?)""", INDICATOR + "%");
		jdbc.update("delete from indicator_value where indicator_id in (select id from indicator where code like ?)",
				INDICATOR + "%");
		jdbc.update("delete from indicator where code like ?", INDICATOR + "%");
	}

	@Test
	void approvingASubmittedFigureTellsItsSubmitter(Scenario scenario) throws Exception {
		long figure = submitted(REPORTER, 5);
		scenario.stimulate(() -> perform(post("/reporting/review/" + figure + "/approve").param("version", version(figure)),
				REVIEWER))
			.andWaitAtMost(Duration.ofSeconds(60))
			.andWaitForStateChange(() -> unread(REPORTER, figure), unread -> unread.size() == 1)
			.andVerifyEvents(events -> assertThat(events).contains(FigureReviewed.class)
				.matching(reviewed -> reviewed.valueId() == figure && reviewed.outcome() == FigureReviewed.Outcome.APPROVED
						&& reviewed.submittedBy().equals(REPORTER) && reviewed.decidedBy().equals(REVIEWER)));

		assertThat(unread(REPORTER, figure)).containsExactly("figureReviewed.APPROVED");
		assertThat(page(REPORTER)).contains("审核通过：「" + INDICATOR_NAME + "」2020年度数据")
			.contains("您提交的东兴市「" + INDICATOR_NAME + "」2020年度数据已审核通过。");
	}

	@Test
	void aReturnedFiguresNotificationCarriesTheReason(Scenario scenario) throws Exception {
		long figure = submitted(REPORTER, 50);
		scenario.stimulate(() -> perform(post("/reporting/review/" + figure + "/return").param("version", version(figure))
			.param("reason", "较上年增幅异常，请核实"), REVIEWER))
			.andWaitAtMost(Duration.ofSeconds(60))
			.andWaitForStateChange(() -> unread(REPORTER, figure), unread -> unread.size() == 1)
			.andVerifyEvents(events -> assertThat(events).contains(FigureReviewed.class)
				.matching(reviewed -> reviewed.valueId() == figure && reviewed.outcome() == FigureReviewed.Outcome.RETURNED
						&& "较上年增幅异常，请核实".equals(reviewed.reason())));

		assertThat(unread(REPORTER, figure)).containsExactly("figureReviewed.RETURNED");
		assertThat(page(REPORTER))
			.contains("您提交的东兴市「" + INDICATOR_NAME + "」2020年度数据已被退回：较上年增幅异常，请核实。请修改后重新提交。");
	}

	@Test
	void aBulkApprovalTellsEachSubmitterOfEachFigure(Scenario scenario) throws Exception {
		List<Long> first = List.of(submitted(REPORTER, INDICATOR, 1), submitted(REPORTER, INDICATOR + "-2", 2));
		long second = submitted("rn-reporter-2", INDICATOR + "-3", 3);
		MockHttpServletRequestBuilder decide = post("/reporting/review/decide").param("decision", "approve");
		for (long figure : List.of(first.get(0), first.get(1), second)) {
			decide.param("ids", figure + ":" + version(figure));
		}
		scenario.stimulate(() -> perform(decide, REVIEWER))
			.andWaitAtMost(Duration.ofSeconds(60))
			.andWaitForStateChange(() -> jdbc.queryForObject("""
					select count(*) from notification n join account_directory a on a.id = n.account_id
					where n.kind = 'REVIEW' and n.read_at is null and n.link = any(?)""", Integer.class,
					(Object) links(List.of(first.get(0), first.get(1), second))), count -> count == 3)
			.andVerifyEvents(events -> assertThat(events.ofType(FigureReviewed.class)
				.matching(reviewed -> reviewed.outcome() == FigureReviewed.Outcome.APPROVED))
				.extracting(FigureReviewed::valueId)
				.containsExactlyInAnyOrder(first.get(0), first.get(1), second));

		assertThat(unread(REPORTER, first.get(0))).containsExactly("figureReviewed.APPROVED");
		assertThat(unread(REPORTER, first.get(1))).containsExactly("figureReviewed.APPROVED");
		assertThat(unread("rn-reporter-2", second)).containsExactly("figureReviewed.APPROVED");
		assertThat(unread(REPORTER, second)).isEmpty();
	}

	/** Under two-level review the submitter hears of the approval and then of the acceptance above. */
	@Test
	void anAcceptanceAboveIsToldToo(Scenario scenario) throws Exception {
		reviewLevels.change(2020, reviewLevels.current().version(), "test");
		try {
			long figure = submitted(REPORTER, 9);
			perform(post("/reporting/review/" + figure + "/approve").param("version", version(figure)), REVIEWER);
			scenario.stimulate(() -> perform(post("/reporting/acceptance/decide").param("decision", "accept")
				.param("ids", figure + ":" + version(figure)), "office"))
				.andWaitAtMost(Duration.ofSeconds(60))
				.andWaitForStateChange(() -> unread(REPORTER, figure), unread -> unread.size() == 2)
				.andVerifyEvents(events -> assertThat(events).contains(FigureReviewed.class)
					.matching(reviewed -> reviewed.valueId() == figure && reviewed.outcome() == FigureReviewed.Outcome.ACCEPTED
							&& reviewed.decidedBy().equals("office")));

			assertThat(jdbc.queryForObject("select status from indicator_value where id = ?", String.class, figure))
				.isEqualTo("ACCEPTED");
			assertThat(unread(REPORTER, figure)).containsExactlyInAnyOrder("figureReviewed.APPROVED",
					"figureReviewed.ACCEPTED");
			assertThat(page(REPORTER)).contains("您提交的东兴市「" + INDICATOR_NAME + "」2020年度数据已经上一级质强办验收通过。");
		}
		finally {
			reviewLevels.change(null, reviewLevels.current().version(), "test");
		}
	}

	/** Every outcome has its title and body in both languages (the key is built from the outcome's name). */
	@Test
	void everyOutcomeHasItsMessages() {
		for (FigureReviewed.Outcome outcome : FigureReviewed.Outcome.values()) {
			for (java.util.Locale locale : List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.ENGLISH)) {
				for (String part : List.of(".title", ".body")) {
					assertThat(messages.getMessage("figureReviewed." + outcome + part, new Object[] { "i", "r", "2020", "y", "why" },
							null, locale))
						.as(outcome + part + " " + locale)
						.isNotBlank()
						.contains("i");
				}
			}
		}
		assertThat(messages.getMessage("figureReviewed.RETURNED.body", new Object[] { "i", "r", "2020", "y", "why" },
				java.util.Locale.ENGLISH)).contains("why");
	}

	/** A reviewer returning a figure they submitted themselves is not told of their own decision. */
	@Test
	void nobodyIsToldOfTheirOwnDecision(Scenario scenario) throws Exception {
		long figure = submitted(REVIEWER, 7);
		scenario.stimulate(() -> perform(post("/reporting/review/" + figure + "/return").param("version", version(figure))
			.param("reason", "自己退回"), REVIEWER))
			.andWaitAtMost(Duration.ofSeconds(60))
			// Done when the listener has completed: the registry deletes a publication once handled.
			.andWaitForStateChange(() -> jdbc.queryForObject(
					"select count(*) from event_publication where event_type like '%FigureReviewed'", Integer.class),
					outstanding -> outstanding == 0)
			.andVerifyEvents(events -> assertThat(events).contains(FigureReviewed.class)
				.matching(reviewed -> reviewed.valueId() == figure));

		assertThat(jdbc.queryForObject("select status from indicator_value where id = ?", String.class, figure))
			.isEqualTo("RETURNED");
		assertThat(unread(REVIEWER, figure)).isEmpty();
	}

	/** A figure of 东兴市 for 2020, submitted by the given account (the trigger records who submitted). */
	private long submitted(String submitter, int value) {
		return submitted(submitter, INDICATOR, value);
	}

	private long submitted(String submitter, String indicator, int value) {
		return jdbc.queryForObject("""
				insert into indicator_value (indicator_id, region_code, period_id, value, status, updated_by)
				select id, '450681', ?, ?, 'SUBMITTED', ? from indicator where code = ? returning id""", Long.class, period,
				value, submitter, indicator);
	}

	private String version(long figure) {
		return jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, figure).toString();
	}

	private void perform(MockHttpServletRequestBuilder request, String username) {
		try {
			mvc.perform(request.with(accounts.as(username)).with(csrf()))
				.andExpect(status().is3xxRedirection());
		}
		catch (Exception failed) {
			throw new IllegalStateException(failed);
		}
	}

	/** The message keys of the account's unread notifications about the figure. */
	private List<String> unread(String username, long figure) {
		return jdbc.queryForList("""
				select n.message_key from notification n join account_directory a on a.id = n.account_id
				where a.username = ? and n.kind = 'REVIEW' and n.read_at is null and n.link = ?""", String.class, username,
				"/reporting/values/" + figure);
	}

	private static String[] links(List<Long> figures) {
		return figures.stream().map(figure -> "/reporting/values/" + figure).toArray(String[]::new);
	}

	/** The notification centre as the account reads it, in the default language (Chinese). */
	private String page(String username) throws Exception {
		return mvc.perform(get("/notifications").with(accounts.as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
