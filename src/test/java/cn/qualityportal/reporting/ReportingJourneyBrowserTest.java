package cn.qualityportal.reporting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import cn.qualityportal.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
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
 * On the demo, a reporter of 东兴市 fills and submits the year's form, a reviewer returns one figure
 * with a reason, the reporter corrects and resubmits, the reviewer approves, and the figure's page
 * shows all of it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
class ReportingJourneyBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

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
	void demoTargetsEndIn2020Again() {
		jdbc.update("update target set deadline_year = 2020 where region_code = '450681' and deadline_year = 2025");
	}

	@Test
	void fillSubmitReturnCorrectApproveAndSeeTheHistory() {
		// The demo's targets end in 2020 and nothing is due after a target's deadline (docs/progress.md §0):
		// here 东兴市's run to 2025, so its 2021 period asks for them.
		jdbc.update("update target set deadline_year = 2025 where region_code = '450681'");
		long period = jdbc.queryForObject(
				"insert into reporting_period (year, kind, number, due_on) values (2021, 'ANNUAL', 0, date '2022-01-31') returning id",
				Long.class);
		Page reporter = signIn("reporter-450681");
		reporter.navigate(url("/reporting?period=" + period));
		Locator passRate = row(reporter, "全市制造业产品质量监督抽查合格率");
		passRate.getByPlaceholder("分子").fill("190");
		passRate.getByPlaceholder("分母").fill("200");
		passRate.getByLabel("全市制造业产品质量监督抽查合格率 说明").fill("2021年全市抽查汇总");
		row(reporter, "广西名牌").getByLabel("广西名牌 数值").fill("7");
		row(reporter, "广西名牌").getByLabel("广西名牌 说明").fill("含新认定 2 个");
		Browser.post(reporter, reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")));
		assertThat(reporter.getByText("已保存")).isVisible();
		row(reporter, "广西名牌").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("草稿")).click();
		reporter.getByLabel("文件").setInputFiles(new FilePayload("广西名牌认定文件.pdf", "application/pdf",
				"%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1)));
		reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传佐证材料")).click();
		assertThat(reporter.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("广西名牌认定文件.pdf"))).isVisible();
		reporter.navigate(url("/reporting?period=" + period));
		// The bureau's other pass rates are filled too, and every row is ticked: 提交所选 submits the ticked rows only.
		Locator others = reporter.locator("tbody tr")
			.filter(new Locator.FilterOptions().setHasNotText("全市制造业产品质量监督抽查合格率"))
			.filter(new Locator.FilterOptions().setHas(reporter.getByPlaceholder("分子")));
		for (int i = 0; i < others.count(); i++) {
			others.nth(i).getByPlaceholder("分子").fill("190");
			others.nth(i).getByPlaceholder("分母").fill("200");
		}
		for (Locator tick : reporter.locator("tbody input[type=checkbox][name$='.selected']").all()) {
			tick.check();
		}
		Browser.post(reporter, reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交所选")));
		// A figure far from the other counties' needs a word of explanation, asked for on its row.
		Locator unusual = reporter.locator("tbody tr").filter(new Locator.FilterOptions().setHas(reporter.locator(".invalid-feedback")));
		assertThat(unusual).hasCount(1);
		unusual.locator("input[name$='.note']").fill("新增快检点，样本扩大");
		Browser.post(reporter, reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交所选")));
		assertThat(reporter.getByText("已提交审核。")).isVisible();

		Page reviewer = signIn("reviewer-450681");
		reviewer.navigate(url("/reporting/review"));
		Locator queued = reviewer.locator("tbody tr")
			.filter(new Locator.FilterOptions().setHasText("全市制造业产品质量监督抽查合格率"))
			.filter(new Locator.FilterOptions().setHasText("2021"));
		queued.getByPlaceholder("退回理由").fill("分母应为全部抽查批次");
		queued.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("退回")).click();
		assertThat(reviewer.getByText("已退回。")).isVisible();

		reporter.navigate(url("/reporting?period=" + period));
		assertThat(reporter.getByText("分母应为全部抽查批次")).isVisible();
		// The correction is made with the keyboard alone: Tab to the denominator, retype it, Tab to its row's 提交此行, Enter.
		tabTo(reporter, "el.getAttribute('aria-label') === '全市制造业产品质量监督抽查合格率 分母'");
		reporter.keyboard().press("Control+A");
		reporter.keyboard().type("198");
		// The rate follows the corrected denominator: 190 / 198.
		assertThat(row(reporter, "全市制造业产品质量监督抽查合格率").getByLabel("全市制造业产品质量监督抽查合格率 数值"))
			.hasValue("95.9596");
		tabTo(reporter, "el.tagName === 'BUTTON' && el.getAttribute('aria-label') === '提交此行 全市制造业产品质量监督抽查合格率'");
		reporter.keyboard().press("Enter");
		assertThat(reporter.getByText("已提交审核。")).isVisible();

		reviewer.navigate(url("/reporting/review"));
		for (Locator line : reviewer.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("2021")).all()) {
			line.getByRole(AriaRole.CHECKBOX).check();
		}
		reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审核通过所选")).click();
		assertThat(reviewer.getByText("已审核通过 6 条，0 条未能通过")).isVisible();

		reporter.navigate(url("/reporting?period=" + period));
		row(reporter, "全市制造业产品质量监督抽查合格率").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("已审核")).click();
		Locator history = reporter.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("修改与审核记录")).locator("tbody tr");
		assertThat(history).hasCount(6);
		assertThat(history.nth(2)).containsText("退回");
		assertThat(history.nth(2)).containsText("分母应为全部抽查批次");
		assertThat(history.nth(2)).containsText("状态： 已提交 → 已退回");
		assertThat(history.nth(3)).containsText("数值： 95 → 95.9596");
		assertThat(history.nth(3)).containsText("分母： 200 → 198");
		assertThat(history.nth(5)).containsText("审核通过");
		// People by name, not by account (#14): the demo's reviewer-450681 is 东兴市审核员.
		assertThat(history.nth(5)).containsText("东兴市审核员");
		reporter.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/value-history.png")).setFullPage(true));
	}

	private Page signIn(String username) {
		Page page = browser.newPage();
		page.navigate(url("/login"));
		page.getByLabel("用户名").fill(username);
		page.getByLabel("密码").fill("Demo-password-1");
		page.getByLabel("密码").press("Enter");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("欢迎");
		return page;
	}

	/** Presses Tab until the focused element satisfies the condition on {@code el}; fails if it never does. */
	private static void tabTo(Page page, String condition) {
		for (int i = 0; i < 60; i++) {
			page.keyboard().press("Tab");
			if ((Boolean) page.evaluate("() => { const el = document.activeElement; return !!el && (" + condition + "); }")) {
				return;
			}
		}
		throw new AssertionError("Tab never reached an element where " + condition);
	}

	private static Locator row(Page page, String indicator) {
		return page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(indicator));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
