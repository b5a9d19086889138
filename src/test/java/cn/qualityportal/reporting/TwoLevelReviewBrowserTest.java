package cn.qualityportal.reporting;

import cn.qualityportal.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * On the demo, with an indicator of its own (the city's new brands, SUM of its four counties, target
 * ≥ 12 by 2021): the office switches two-level review on from 2020; 东兴市's reviewer, on a phone
 * (390 px, no sideways scrolling), filters the queue to the indicator and sees last year's figure (4)
 * and the change (+25.0 %) of the submitted 5 with its reporter, and approves it, staying on the
 * filtered queue; the city's 2020 figure still has no data (3/4 counties final); the office filters its
 * acceptance queue the same way and accepts it, and the city's target is then achieved:
 * 3 + 4 + 2 + 5 = 14 ≥ 12.
 *
 * <p>The test classes of this context share one database, and the queues list 50 figures a page,
 * oldest first: the demo's own figures fill the first pages, so every queue here is filtered to the
 * test's indicator.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
class TwoLevelReviewBrowserTest {

	private static final String INDICATOR = "TLB-BRANDS";

	private static final String NAME = "逐级审核浏览器测试名牌";

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReviewLevels reviewLevels;

	@BeforeAll
	static void launch() {
		// The first pages of a fresh context are slow on a loaded CI machine; 5 s was not always enough.
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@AfterEach
	void cleanUp() {
		reviewLevels.change(null, reviewLevels.current().version(), "test");
		jdbc.update("delete from indicator_value where indicator_id = (select id from indicator where code = ?)", INDICATOR);
		jdbc.update("delete from target where indicator_id = (select id from indicator where code = ?)", INDICATOR);
		jdbc.update("delete from policy_document where title = '逐级审核浏览器测试文件'");
		jdbc.update("delete from indicator where code = ?", INDICATOR);
	}

	@Test
	void theReviewerFiltersSeesLastYearAndTheChangeAndTheFigureCountsOnceTheCityAccepts() {
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values (?, ?, 'BRAND', '个', 'COUNT', 'HIGHER', 'SUM')""", INDICATOR, NAME);
		long document = jdbc.queryForObject("""
				insert into policy_document (title, issuer, level, region_code, issue_date, status)
				values ('逐级审核浏览器测试文件', '防城港市人民政府', 'CITY', '450600', date '2019-01-10', 'IN_FORCE') returning id""",
				Long.class);
		jdbc.update("""
				insert into target (indicator_id, region_code, document_id, comparator, value, unit, deadline_year, lead_department_id)
				select i.id, '450600', ?, 'GE', 12, '个', 2021, d.id from indicator i, department d
				where i.code = ? and d.region_code = '450600' and d.kind = 'MARKET_REGULATION'""", document, INDICATOR);
		figure("450602", 2020, 3, "ACCEPTED", "demo");
		figure("450603", 2020, 4, "ACCEPTED", "demo");
		figure("450621", 2020, 2, "ACCEPTED", "demo");
		figure("450681", 2019, 4, "APPROVED", "demo");
		figure("450681", 2020, 5, "SUBMITTED", "reporter-450681");

		Page office = signIn("office");
		office.navigate(url("/reporting/periods"));
		office.getByLabel("开启逐级审核（审核后须上级验收）").check();
		office.getByLabel("自该年度起").fill("2020");
		office.locator("form[action$='/reporting/periods/review-levels']")
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存"))
			.click();
		// The demo's approved 2020 figures stop counting until accepted: the office is told how many and confirms.
		assertThat(office.getByText("2020 年及以后已审核通过的")).isVisible();
		office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认")).click();
		assertThat(office.getByLabel("自该年度起")).hasValue("2020");

		Page reviewer = signIn("reviewer-450681");
		reviewer.setViewportSize(390, 844);
		reviewer.navigate(url("/reporting/review"));
		filter(reviewer);
		Locator rows = reviewer.locator("#queue tbody tr");
		assertThat(rows).hasCount(1);
		assertThat(rows.first()).containsText(NAME);
		assertThat(rows.first()).containsText("≥ 12个 (2021)");
		assertThat(rows.first().locator("[data-column=last-year]")).containsText("4个");
		assertThat(rows.first().locator("[data-column=change]")).containsText("+25.0%");
		assertThat(rows.first().locator("[data-column=reporter]")).containsText("东兴市填报员");
		readsWithoutScrollingSideways(reviewer, 390);
		// Select all is there on a phone too (the table's header, where it sits on wider screens, is hidden).
		Locator selectAll = reviewer.locator("#select-all-cards");
		assertThat(selectAll).isVisible();
		selectAll.check();
		assertThat(rows.first().locator("input[name=ids]")).isChecked();
		selectAll.uncheck();
		rows.first().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("审核通过 东兴市 " + NAME)).click();
		assertThat(reviewer.getByText("已审核通过。")).isVisible();
		// Back on the same filtered queue, now empty of the approved figure.
		assertThat(reviewer.getByLabel("指标", new Page.GetByLabelOptions().setExact(true))).hasValue(INDICATOR);
		assertThat(rows.filter(new Locator.FilterOptions().setHasText(NAME))).hasCount(0);

		// Approved by 东兴市 only: the city's 2020 has 3 of 4 counties final, so no data yet.
		office.navigate(url("/dashboards/regions/450600?year=2020"));
		assertThat(cityRow(office)).containsText("暂无数据");

		office.navigate(url("/reporting/acceptance"));
		filter(office);
		Locator waiting = office.locator("#queue tbody tr").filter(new Locator.FilterOptions().setHasText(NAME));
		assertThat(waiting).hasCount(1);
		assertThat(waiting.locator("[data-column=reporter]")).containsText("东兴市填报员");
		waiting.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("验收通过 东兴市 " + NAME)).click();
		// One row's own decision says so plainly, not "1 条，0 条未能通过" (seen in a first use).
		assertThat(office.getByText("已验收通过。", new Page.GetByTextOptions().setExact(true))).isVisible();
		assertThat(office.getByLabel("指标", new Page.GetByLabelOptions().setExact(true))).hasValue(INDICATOR);

		office.navigate(url("/dashboards/regions/450600?year=2020"));
		assertThat(cityRow(office)).containsText("已达成");
		assertThat(cityRow(office)).containsText("14");
	}

	/** Filters a queue to the test's indicator, as a person does: choose it, press 筛选, wait for the page. */
	private static void filter(Page page) {
		page.getByLabel("指标", new Page.GetByLabelOptions().setExact(true)).selectOption(INDICATOR);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
		page.waitForURL(address -> address.contains("indicator=" + INDICATOR));
		assertThat(page.getByLabel("指标", new Page.GetByLabelOptions().setExact(true))).hasValue(INDICATOR);
	}

	/** Neither the page nor the queue's own box is wider than the screen: nothing to scroll sideways. */
	private static void readsWithoutScrollingSideways(Page page, int width) {
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		Object pageWidth = page.evaluate("() => document.documentElement.scrollWidth");
		Object queueBox = page.evaluate("() => { const box = document.querySelector('#queue').parentElement;"
				+ " return box.scrollWidth - box.clientWidth; }");
		org.assertj.core.api.Assertions.assertThat(((Number) pageWidth).intValue()).as("page width at " + width + " px")
			.isLessThanOrEqualTo(width);
		org.assertj.core.api.Assertions.assertThat(((Number) queueBox).intValue()).as("the queue scrolls sideways by")
			.isLessThanOrEqualTo(0);
	}

	private Locator cityRow(Page page) {
		return page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(NAME)).first();
	}

	private void figure(String region, int year, int value, String status, String by) {
		jdbc.update("""
				insert into indicator_value (indicator_id, region_code, period_id, value, status, updated_by)
				select i.id, ?, p.id, ?, ?, ? from indicator i, reporting_period p
				where i.code = ? and p.year = ? and p.kind = 'ANNUAL'""", region, value, status, by, INDICATOR, year);
	}

	private Page signIn(String username) {
		Page page = browser.newPage();
		// A fresh context's first pages took over 30 s on the loaded machine: wait longer, still with a deadline.
		page.setDefaultTimeout(90_000);
		page.navigate(url("/login"));
		page.getByLabel("用户名").fill(username);
		page.getByLabel("密码").fill("Demo-password-1");
		page.getByLabel("密码").press("Enter");
		// Each role lands on its own start page (the office and leaders on the overview): signed in is
		// simply "no longer on the sign-in page".
		page.waitForURL(address -> !address.contains("/login"));
		return page;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
