package cn.qualityportal.worklist;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.reporting.Completeness;
import cn.qualityportal.reporting.ReviewLevels;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * 待办, 站内消息, 通知公告 and 催报 on the demo (2020 open and overdue since 2021-01-31; some figures
 * missing, some returned, some submitted), with e-mail through a real SMTP server (GreenMail).
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1",
		"portal.reminders.base-url=https://zlqq.example.gov.cn/", "portal.reminders.mail-from=portal@example.gov.cn" })
@AutoConfigureMockMvc
class WorklistTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	private static final Pattern TODO_BADGE = Pattern.compile("id=\"nav-todo\".*?text-bg-warning\"><span>(\\d+)</span>", Pattern.DOTALL);

	private static final Pattern UNREAD_BADGE = Pattern.compile("id=\"nav-notifications\".*?text-bg-danger\"><span>(\\d+)</span>",
			Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Reminders reminders;

	@Autowired
	ReminderSchedule schedule;

	@Autowired
	Completeness completeness;

	@Autowired
	UserDetailsService users;

	@Autowired
	ReviewLevels reviewLevels;

	@AfterEach
	void forgetWhatWasSent() throws Exception {
		jdbc.update("delete from notification");
		jdbc.update("delete from reminder");
		jdbc.update("delete from reminder_digest");
		jdbc.update("delete from notification_setting");
		jdbc.update("delete from announcement");
		// ShedLock remembers the rows it made: a lock is ended by its time, never by deleting its row.
		jdbc.update("update shedlock set lock_until = now() - interval '1 second' where name like 'reminder%'");
		jdbc.update("update target set deadline_year = 2020 where region_code = '450681' and deadline_year = 2025");
		jdbc.update("delete from reporting_period where year = 2021");
		smtp.purgeEmailFromAllMailboxes();
	}

	private long period2020() {
		return jdbc.queryForObject("select id from reporting_period where year = 2020 and kind = 'ANNUAL'", Long.class);
	}

	private long bureau(String region) {
		return jdbc.queryForObject("select id from department where region_code = ? and kind = 'MARKET_REGULATION'", Long.class,
				region);
	}

	/** What a unit owes in a period with the given figure states (null: nothing entered), from the read model. */
	private int owed(String region, long department, long period, String statuses) {
		return jdbc.queryForObject("""
				select count(*) from reporting_obligation_unit o
				left join indicator_value v on v.indicator_id = o.indicator_id and v.region_code = o.region_code
				     and v.period_id = o.period_id
				where o.region_code = ? and o.department_id = ? and o.period_id = ?
				  and (coalesce(v.status, 'NONE') = any(string_to_array(?, ',')))""", Integer.class, region, department, period,
				statuses);
	}

	private int audited(String action) {
		return jdbc.queryForObject("select count(*) from audit_log where entity = 'reminder' and action = ?", Integer.class, action);
	}

	private int notificationsOf(String username) {
		return jdbc.queryForObject("""
				select count(*) from notification n join user_account a on a.id = n.account_id where a.username = ?""",
				Integer.class, username);
	}

	private String page(String user, String path) throws Exception {
		return mvc.perform(get(path).with(accounts.as(user))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private static int badge(Pattern pattern, String html) {
		Matcher found = pattern.matcher(html);
		return found.find() ? Integer.parseInt(found.group(1)) : 0;
	}

	@Test
	void aReporterSeesWhatHerUnitOwesAsABadgeAndOnTheListLinkingToTheGrid() throws Exception {
		long period = period2020();
		long bureau = bureau("450681");
		int fill = owed("450681", bureau, period, "NONE,DRAFT");
		int returned = owed("450681", bureau, period, "RETURNED");
		assertThat(fill).as("the demo leaves figures to fill").isPositive();
		// The home page's list of owed figures (reporting's Completeness) agrees with the to-do kinds together.
		assertThat(fill + returned).isEqualTo(completeness.owedBy("450681", bureau).size());

		String documents = page("reporter-450681", "/documents");
		assertThat(badge(TODO_BADGE, documents)).as("the badge on any page").isEqualTo(fill + returned);

		String todo = page("reporter-450681", "/todo");
		assertThat(todo).contains("href=\"/reporting?period=" + period + "\"")
			.contains(fill + " 项指标数据待填报")
			.contains("已逾期");
		if (returned > 0) {
			assertThat(todo).contains(returned + " 项指标数据被退回");
		}
		// Not another district's work, nor a reviewer's.
		assertThat(todo).doesNotContain("待审核数据").doesNotContain("防城区");
	}

	@Test
	void aReviewerSeesTheSubmittedFiguresOfHisScopeOnly() throws Exception {
		int submitted = jdbc.queryForObject("select count(*) from indicator_value where status = 'SUBMITTED' and region_code = '450602'",
				Integer.class);
		assertThat(submitted).as("the demo has submitted figures in 港口区").isPositive();
		int everywhere = jdbc.queryForObject("select count(*) from indicator_value where status = 'SUBMITTED'", Integer.class);
		assertThat(everywhere).isGreaterThan(submitted);
		String todo = page("reviewer-450602", "/todo");
		assertThat(badge(TODO_BADGE, todo)).isEqualTo(submitted);
		assertThat(todo).contains(submitted + " 项指标数据待审核").contains("href=\"/reporting/review\"");
		// A reviewer of the city with the regions below sees all four districts' submitted figures.
		accounts.member("wl-city-reviewer", "450600", true, Role.REVIEWER);
		assertThat(badge(TODO_BADGE, page("wl-city-reviewer", "/documents"))).isEqualTo(everywhere);
	}

	/** Counted by hand: the units (region and department) owing a figure of the period not yet submitted. */
	private int lateUnits(long period) {
		return jdbc.queryForObject("""
				select count(distinct (o.region_code, o.department_id)) from reporting_obligation_unit o
				left join indicator_value v on v.indicator_id = o.indicator_id and v.region_code = o.region_code
				     and v.period_id = o.period_id
				where o.period_id = ? and (v.id is null or v.status in ('DRAFT', 'RETURNED'))""", Integer.class, period);
	}

	@Test
	void theOfficeSeesTheLateUnitsOfItsScopeAndFollowsThemToTheRemindersPage() throws Exception {
		long period = period2020();
		int late = lateUnits(period);
		assertThat(late).isPositive();
		String todo = page("office", "/todo");
		assertThat(badge(TODO_BADGE, todo)).isEqualTo(late);
		assertThat(todo).contains(late + " 个单位尚未报齐").contains("href=\"/reminders?period=" + period + "\"");
		String remindersPage = page("office", "/reminders?period=" + period);
		assertThat(remindersPage).contains("一键催报全部 " + late + " 个单位");
	}

	@Test
	void underTwoLevelReviewTheOfficeSeesTheFiguresToAcceptAsAToDoWithItsBadge() throws Exception {
		long period = period2020();
		int late = lateUnits(period);
		// Approved by the reviewers in 2020: waiting for the city's acceptance once 2020 is reviewed in two levels.
		String approved = """
				select count(*) from indicator_value v join reporting_period p on p.id = v.period_id
				where v.status = 'APPROVED' and p.year >= 2020 and v.region_code like ?""";
		int toAccept = jdbc.queryForObject(approved, Integer.class, "%");
		int dongxing = jdbc.queryForObject(approved, Integer.class, "450681");
		assertThat(dongxing).as("the demo has approved 2020 figures in 东兴市").isPositive();
		assertThat(page("office", "/todo")).as("one level: nothing to accept").doesNotContain("项指标数据待验收");
		ReviewLevels.Setting before = reviewLevels.current();
		reviewLevels.change(2020, before.version(), "test");
		try {
			String todo = page("office", "/todo");
			// One line per county, to its acceptance queue; the section's count and the navigation badge add them up.
			assertThat(todo).contains("href=\"/reporting/acceptance?region=450681\"").contains(dongxing + " 项指标数据待验收");
			assertThat(badge(Pattern.compile("id=\"todo-accept\".*?text-bg-primary\">(\\d+)<", Pattern.DOTALL), todo))
				.isEqualTo(toAccept);
			assertThat(badge(TODO_BADGE, todo)).isEqualTo(late + toAccept);
			// Not the county reviewer's work.
			assertThat(page("reviewer-450681", "/todo")).doesNotContain("待验收");
		}
		finally {
			reviewLevels.change(null, reviewLevels.current().version(), "test");
		}
	}

	@Test
	void theScheduledRunRemindsEachLateUnitOnceInThePortalAndByEmailInChinese() throws Exception {
		long period = period2020();
		long bureau = bureau("450681");
		int outstanding = owed("450681", bureau, period, "NONE,DRAFT,RETURNED");
		mvc.perform(post("/notifications/settings").param("email", "reporter-450681@example.gov.cn")
			.with(accounts.as("reporter-450681")).with(csrf())).andExpect(flash().attribute("success", "notifications.emailSaved"));
		int units = jdbc.queryForObject("""
				select count(distinct (o.region_code, o.department_id)) from reporting_obligation_unit o
				left join indicator_value v on v.indicator_id = o.indicator_id and v.region_code = o.region_code
				     and v.period_id = o.period_id
				where o.period_id = ? and (v.id is null or v.status in ('DRAFT', 'RETURNED'))""", Integer.class, period);
		int audited = audited("SEND");

		Reminders.Sent sent = reminders.remindDue(LocalDate.of(2026, 11, 30));

		assertThat(sent.reminders()).isEqualTo(units);
		assertThat(jdbc.queryForList("select distinct kind from reminder", String.class)).containsExactly("OVERDUE");
		assertThat(jdbc.queryForObject("select outstanding from reminder where region_code = '450681' and department_id = ?",
				Integer.class, bureau)).isEqualTo(outstanding);
		// The unit's reporter (to the grid) and its reviewer (to completeness); not another district's people.
		List<String> recipients = jdbc.queryForList("""
				select a.username || ' ' || n.link from notification n join user_account a on a.id = n.account_id
				join reminder m on m.id = n.reminder_id where m.region_code = '450681' and m.department_id = ? order by 1""",
				String.class, bureau);
		assertThat(recipients).containsExactly("reporter-450681 /reporting?period=" + period,
				"reviewer-450681 /reporting/completeness?period=" + period);
		assertThat(jdbc.queryForObject("select recipients from reminder where region_code = '450681' and department_id = ?",
				Integer.class, bureau)).isEqualTo(2);
		assertThat(audited("SEND")).as("one audit row for the run").isEqualTo(audited + 1);

		// In the notification centre, in Chinese, with the unread badge.
		String centre = page("reporter-450681", "/notifications");
		assertThat(badge(UNREAD_BADGE, centre)).isEqualTo(1);
		// The unit named once (its department's name already begins with the region's), the period as people say it.
		assertThat(centre).contains("逾期催报：2020年度填报已于 2021-01-31 截止")
			.contains("东兴市市场监督管理局在2020年度填报中还有 " + outstanding + " 项指标数据未提交")
			.doesNotContain("东兴市东兴市").doesNotContain("年年度");

		// By e-mail, to the one recipient who gave an address, with the link to the grid.
		assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("reporter-450681@example.gov.cn");
		assertThat(mails[0].getFrom()[0].toString()).isEqualTo("portal@example.gov.cn");
		assertThat(mails[0].getSubject()).isEqualTo("逾期催报：2020年度填报已于 2021-01-31 截止");
		assertThat(mails[0].getContent().toString()).contains("东兴市市场监督管理局在2020年度填报中还有 " + outstanding + " 项指标数据未提交")
			.doesNotContain("东兴市东兴市")
			.contains("https://zlqq.example.gov.cn/reporting?period=" + period);
		assertThat(jdbc.queryForObject("select mails from reminder where region_code = '450681' and department_id = ?",
				Integer.class, bureau)).isEqualTo(1);

		// Never twice for the same unit, period and kind.
		Reminders.Sent again = reminders.remindDue(LocalDate.of(2026, 12, 1));
		assertThat(again.reminders()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from notification", Integer.class)).isEqualTo(sent.notifications());
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void unitsAreRemindedTheConfiguredDaysBeforeTheDueDateAndAgainWhenOverdue() {
		// 东兴市's targets run to 2025 here, so its 2021 period asks for them; due in 7 days (the default window).
		jdbc.update("update target set deadline_year = 2025 where region_code = '450681'");
		LocalDate today = LocalDate.of(2026, 11, 30);
		long period = jdbc.queryForObject(
				"insert into reporting_period (year, kind, number, due_on) values (2021, 'ANNUAL', 0, ?) returning id", Long.class,
				today.plusDays(8));
		assertThat(reminders.remindDue(today).reminders()).as("8 days before: nothing for 2021 yet")
			.isEqualTo(jdbc.queryForObject("select count(*) from reminder where period_id <> ?", Integer.class, period));
		assertThat(jdbc.queryForObject("select count(*) from reminder where period_id = ?", Integer.class, period)).isZero();

		reminders.remindDue(today.plusDays(1));
		List<String> soon = jdbc.queryForList("select distinct kind from reminder where period_id = ?", String.class, period);
		assertThat(soon).containsExactly("DUE_SOON");
		int units = jdbc.queryForObject("select count(*) from reminder where period_id = ?", Integer.class, period);
		assertThat(jdbc.queryForList("select distinct region_code from reminder where period_id = ?", String.class, period))
			.containsExactly("450681");

		reminders.remindDue(today.plusDays(8));
		assertThat(jdbc.queryForObject("select count(*) from reminder where period_id = ? and kind = 'DUE_SOON'", Integer.class,
				period)).as("not twice before the due date").isEqualTo(units);
		assertThat(jdbc.queryForObject("select count(*) from reminder where period_id = ? and kind = 'OVERDUE'", Integer.class,
				period)).as("the due day itself is not late").isZero();
		reminders.remindDue(today.plusDays(9));
		assertThat(jdbc.queryForObject("select count(*) from reminder where period_id = ? and kind = 'OVERDUE'", Integer.class,
				period)).as("the day after the due date").isEqualTo(units);
	}

	@Test
	void aRunLockedByAnotherInstanceSendsNothing() {
		jdbc.update("""
				insert into shedlock (name, lock_until, locked_at, locked_by) values ('reminders', now() + interval '1 hour', now(), 'other')
				on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by""");
		schedule.remindDue();
		assertThat(jdbc.queryForObject("select count(*) from reminder", Integer.class)).isZero();
		// The other instance's lock has run out.
		jdbc.update("update shedlock set lock_until = now() - interval '1 second' where name = 'reminders'");
		schedule.remindDue();
		assertThat(jdbc.queryForObject("select count(*) from reminder", Integer.class)).isPositive();
	}

	@Test
	void theOfficeChasesOneUnitOnceADayAndAllLateUnitsAfterConfirming() throws Exception {
		long period = period2020();
		long bureau = bureau("450602");
		int audited = audited("SEND");
		mvc.perform(post("/reminders/" + period + "/units").param("region", "450602").param("department", String.valueOf(bureau))
			.with(accounts.as("office")).with(csrf()))
			.andExpect(redirectedUrl("/reminders?period=" + period))
			.andExpect(flash().attribute("sentCount", 1));
		assertThat(jdbc.queryForObject("select kind || ' ' || sent_by from reminder", String.class)).isEqualTo("MANUAL office");
		assertThat(page("reporter-450602", "/notifications")).contains("催报：请尽快完成2020年度填报");
		// The same day again: refused, nothing sent.
		mvc.perform(post("/reminders/" + period + "/units").param("region", "450602").param("department", String.valueOf(bureau))
			.with(accounts.as("office")).with(csrf())).andExpect(flash().attribute("error", "reminders.nothingSent"));
		assertThat(jdbc.queryForObject("select count(*) from reminder", Integer.class)).isEqualTo(1);
		// A district's office cannot chase another district.
		accounts.member("wl-office-450681", "450681", true, Role.OFFICE);
		mvc.perform(post("/reminders/" + period + "/units").param("region", "450602").param("department", String.valueOf(bureau))
			.with(accounts.as("wl-office-450681")).with(csrf())).andExpect(status().isNotFound());

		// All late units: a confirmation first, which sends nothing.
		mvc.perform(post("/reminders/" + period + "/all").with(accounts.as("office")).with(csrf())).andExpect(view().name("confirm"));
		assertThat(jdbc.queryForObject("select count(*) from reminder", Integer.class)).isEqualTo(1);
		mvc.perform(post("/reminders/" + period + "/all").param("confirmed", "true").with(accounts.as("office")).with(csrf()))
			.andExpect(redirectedUrl("/reminders?period=" + period));
		int late = lateUnits(period);
		// Every late unit once today; 港口区's bureau had its reminder today already.
		assertThat(jdbc.queryForObject("select count(*) from reminder", Integer.class)).isEqualTo(late);
		assertThat(audited("SEND")).as("one audit row per 催报").isEqualTo(audited + 2);
	}

	@Test
	void theWeeklyDigestTellsEachOfficeItsLateUnitsOnceAWeek() throws Exception {
		long period = period2020();
		int late = lateUnits(period);
		int offices = reminders.digest(LocalDate.of(2026, 11, 30)).notifications();
		assertThat(offices).isPositive();
		assertThat(notificationsOf("office")).isEqualTo(1);
		assertThat(page("office", "/notifications")).contains("每周催报汇总：" + late + " 个单位逾期未报齐");
		assertThat(reminders.digest(LocalDate.of(2026, 12, 4)).notifications()).as("the same week").isZero();
		assertThat(reminders.digest(LocalDate.of(2026, 12, 7)).notifications()).as("the next week").isEqualTo(offices);
		assertThat(notificationsOf("office")).isEqualTo(2);
	}

	@Test
	void notificationsAreReadOneByOneOrAllAndOnlyByTheirOwner() throws Exception {
		reminders.remindDue(LocalDate.of(2026, 11, 30));
		long mine = jdbc.queryForObject("""
				select n.id from notification n join user_account a on a.id = n.account_id where a.username = 'reporter-450681'""",
				Long.class);
		mvc.perform(post("/notifications/" + mine + "/read").with(accounts.as("reporter-450602")).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(jdbc.queryForObject("select read_at is null from notification where id = ?", Boolean.class, mine)).isTrue();
		mvc.perform(post("/notifications/" + mine + "/read").param("open", "true").with(accounts.as("reporter-450681")).with(csrf()))
			.andExpect(redirectedUrl("/reporting?period=" + period2020()));
		assertThat(badge(UNREAD_BADGE, page("reporter-450681", "/notifications"))).isZero();

		assertThat(badge(UNREAD_BADGE, page("office", "/documents"))).isZero();
		// The reviewer of 港口区 is told of each late unit of 港口区.
		int units = jdbc.queryForObject("select count(*) from reminder where region_code = '450602'", Integer.class);
		assertThat(units).isPositive();
		assertThat(badge(UNREAD_BADGE, page("reviewer-450602", "/documents"))).isEqualTo(units);
		mvc.perform(post("/notifications/read-all").with(accounts.as("reviewer-450602")).with(csrf()))
			.andExpect(flash().attribute("success", "notifications.allRead"));
		assertThat(badge(UNREAD_BADGE, page("reviewer-450602", "/documents"))).isZero();
		assertThat(jdbc.queryForObject("select count(*) from notification where read_at is null", Integer.class)).isPositive();
	}

	@Test
	void anEmailAddressIsCheckedAndBounded() throws Exception {
		for (String bad : List.of("no-at-sign", "a@b", "x".repeat(250) + "@example.cn", "a b@example.cn")) {
			mvc.perform(post("/notifications/settings").param("email", bad).with(accounts.as("reporter-450602")).with(csrf()))
				.andExpect(flash().attribute("error", "notifications.emailInvalid"));
		}
		assertThat(jdbc.queryForObject("select count(*) from notification_setting", Integer.class)).isZero();
	}

	@Test
	void theOfficePublishesAnAnnouncementToARegionsSubtreeAndRolesAfterConfirming() throws Exception {
		var request = post("/announcements").param("title", "关于报送2020年度数据的通知")
			.param("body", "请各单位于月底前完成填报。\n逾期将通报。")
			.param("region", "450602")
			.param("roles", "REPORTER", "REVIEWER");
		mvc.perform(request.with(accounts.as("office")).with(csrf())).andExpect(view().name("confirm"));
		assertThat(jdbc.queryForObject("select count(*) from announcement", Integer.class)).isZero();
		mvc.perform(post("/announcements").param("title", "关于报送2020年度数据的通知")
			.param("body", "请各单位于月底前完成填报。\n逾期将通报。")
			.param("region", "450602")
			.param("roles", "REPORTER,REVIEWER")
			.param("confirmed", "true")
			.with(accounts.as("office"))
			.with(csrf())).andExpect(redirectedUrl("/announcements")).andExpect(flash().attribute("recipientCount", 2));
		assertThat(page("reporter-450602", "/notifications")).contains("关于报送2020年度数据的通知").contains("逾期将通报。");
		assertThat(page("reviewer-450602", "/notifications")).contains("关于报送2020年度数据的通知");
		assertThat(page("reporter-450603", "/notifications")).doesNotContain("关于报送2020年度数据的通知");
		assertThat(page("office", "/notifications")).doesNotContain("关于报送2020年度数据的通知");
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'announcement' and action = 'PUBLISH'",
				Integer.class)).isEqualTo(1);

		// Bad input: a translated error, nothing published.
		accounts.member("wl-office-450681", "450681", true, Role.OFFICE);
		mvc.perform(post("/announcements").param("title", "x".repeat(201)).param("body", "b").param("region", "450602")
			.param("roles", "REPORTER").param("confirmed", "true").with(accounts.as("office")).with(csrf()))
			.andExpect(status().isOk()).andExpect(view().name("worklist/announcements"));
		mvc.perform(post("/announcements").param("title", "t").param("body", "b").param("region", "450602")
			.param("roles", "REPORTER").param("confirmed", "true").with(accounts.as("wl-office-450681")).with(csrf()))
			.andExpect(status().isOk());
		mvc.perform(post("/announcements").param("title", "t").param("body", "b").param("region", "450602")
			.param("roles", "ADMIN").param("confirmed", "true").with(accounts.as("office")).with(csrf()))
			.andExpect(status().isOk());
		assertThat(jdbc.queryForObject("select count(*) from announcement", Integer.class)).isEqualTo(1);
	}

}
