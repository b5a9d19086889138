package cn.qualityportal.reporting;

import java.nio.file.Files;
import java.util.Map;

import cn.qualityportal.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the demo (the context of ReportingJourneyBrowserTest), as 东兴市's reporter: the template
 * downloaded from the grid, filled in and imported ends with what to do next and leads back to the
 * grid; on the grid a figure far from last year's is warned about while typing and after saving,
 * and the server submits it only with a note, which it records.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
class ExcelAndGridBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void launch() {
		// The first pages of a fresh context are slow on a loaded CI machine (as in ReportingJourneyBrowserTest).
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	/** A count 东兴市's bureau owes in 2020 with a 2019 figure, its 2020 figure removed so the row is open: code, name, 2019 value. */
	private Map<String, Object> openCountRow(boolean first) {
		Map<String, Object> row = jdbc.queryForMap("""
				select i.code, i.name, last_year.value::int as previous
				from reporting_obligation_unit o join indicator i on i.id = o.indicator_id
				join department d on d.id = o.department_id
				join indicator_value last_year on last_year.indicator_id = i.id and last_year.region_code = o.region_code
				join reporting_period p on p.id = last_year.period_id and p.year = 2019 and p.kind = 'ANNUAL'
				where o.region_code = '450681' and o.year = 2020 and o.kind = 'ANNUAL' and i.value_type = 'COUNT'
				  and d.kind = 'MARKET_REGULATION' and last_year.value > 0
				order by i.code %s limit 1""".formatted(first ? "asc" : "desc"));
		jdbc.update("""
				delete from indicator_value where region_code = '450681' and indicator_id = (select id from indicator where code = ?)
				  and period_id = (select id from reporting_period where year = 2020 and kind = 'ANNUAL')""", row.get("code"));
		return row;
	}

	@Test
	void theTemplateDownloadedFilledAndImportedSaysWhatToDoNext() throws Exception {
		Map<String, Object> open = openCountRow(true);
		String code = (String) open.get("code");
		Page page = signIn("reporter-450681");
		page.navigate(url("/reporting?period=" + period()));
		// Up to 2 minutes: the template is built on request, and a loaded CI machine once took longer than 30 s.
		Download download = page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(120_000),
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("下载填报模板")).click());
		assertThat(download.suggestedFilename()).isEqualTo("东兴市2020年全年填报模板.xlsx");
		byte[] template = Files.readAllBytes(download.path());
		int row;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("指标代码");
			row = ExcelFormTests.rowOf(workbook.getSheetAt(0), code);
		}
		byte[] filled = ExcelFormTests.fill(template, row, ExcelFormTests.column("value"), 5);

		// As in the full run, where ReportingJourneyBrowserTest has opened 2021 before: the newest open period is
		// not the imported figure's. Opened here when absent, and closed again at the end.
		boolean opened = jdbc.queryForObject("select count(*) from reporting_period where year = 2021 and kind = 'ANNUAL'",
				Integer.class) == 0;
		if (opened) {
			jdbc.update("insert into reporting_period (year, kind, number, due_on) values (2021, 'ANNUAL', 0, date '2022-01-31')");
		}
		try {
			importAndFollow(page, filled, open);
		}
		finally {
			if (opened) {
				jdbc.update("delete from reporting_period where year = 2021 and kind = 'ANNUAL'");
			}
		}
	}

	private void importAndFollow(Page page, byte[] filled, Map<String, Object> open) {
		String code = (String) open.get("code");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("导入 Excel")).first().click();
		page.getByLabel("文件").setInputFiles(new FilePayload("东兴市填报.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filled));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传并导入")).click();
		assertThat(page.locator("#import-done")).containsText("已将 1 条数据保存为草稿，尚未提交。下一步：到数据填报页面检查后勾选提交审核。");
		// The link leads to the grid of the imported figure's period (2020), even when a later period is open too
		// (ReportingJourneyBrowserTest opens 2021 in the same database): the row is found by its code.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("前往数据填报")).click();
		Locator imported = byCode(page, code);
		assertThat(imported.getByLabel(open.get("name") + " 数值", new Locator.GetByLabelOptions().setExact(true))).hasValue("5");
		assertThat(imported.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("草稿"))).isVisible();
	}

	@Test
	void aLargeChangeIsWarnedWhileTypingAndSubmittedOnlyWithANoteTheServerRecords() {
		Map<String, Object> open = openCountRow(false);
		String name = (String) open.get("name");
		int previous = (Integer) open.get("previous");
		String jump = String.valueOf(previous * 3 + 3);
		Page page = signIn("reporter-450681");
		page.navigate(url("/reporting?period=" + period()));
		Locator line = row(page, name);
		Locator value = line.getByLabel(name + " 数值");
		Locator warning = line.locator("[id^=change-]");
		assertThat(line.getByText("整数：不小于 0，不带小数")).isVisible();

		value.fill(jump);
		assertThat(warning).containsText("较上年变化 +");
		value.fill(String.valueOf(previous));
		assertThat(warning).hasText("");
		value.fill(jump);
		Browser.post(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")));
		assertThat(page.getByText("已保存草稿。")).isVisible();
		// After the reload the warning is the server's, from the stored figure.
		assertThat(row(page, name).locator("[id^=change-]")).containsText("较上年变化 +");

		Browser.post(page, row(page, name).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("提交此行 " + name)));
		assertThat(row(page, name)).containsText("请在说明中写明原因后再提交");
		// The refused grid takes the reporter to the field to correct (on a phone it may be far below the message).
		assertThat(page.locator(":focus")).hasAttribute("aria-label", name + " 说明");
		assertThat(status(name)).isEqualTo("DRAFT");

		String note = "新认定企业集中在本年，见认定文件";
		row(page, name).getByLabel(name + " 说明").fill(note);
		Browser.post(page, row(page, name).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("提交此行 " + name)));
		assertThat(page.getByText("已提交审核。")).isVisible();
		assertThat(status(name)).isEqualTo("SUBMITTED");
		assertThat(jdbc.queryForObject("""
				select a.new_state ->> 'note' from audit_log a join indicator_value v on v.id = a.entity_id
				join indicator i on i.id = v.indicator_id join reporting_period p on p.id = v.period_id
				where a.entity = 'indicator_value' and a.action = 'SUBMIT' and i.name = ? and v.region_code = '450681'
				  and p.year = 2020""", String.class, name)).isEqualTo(note);
	}

	@Test
	void aLongNoteStaysInItsColumnOnAWideScreen() {
		Map<String, Object> open = openCountRow(true);
		String name = (String) open.get("name");
		String code = (String) open.get("code");
		Page page = signIn("reporter-450681");
		page.setViewportSize(1920, 1080);
		page.navigate(url("/reporting?period=" + period()));
		String note = "本年数据来源于市场监管局年度统计报表及各乡镇上报的汇总材料，已逐项核对原始凭证；"
				+ "详见 https://example.gov.cn/tongji/2020/niandu/huizong/baobiao/fujian-shichang-jianguan-tongji.pdf";
		byCode(page, code).getByLabel(name + " 数值", new Locator.GetByLabelOptions().setExact(true)).fill("" + open.get("previous"));
		byCode(page, code).getByLabel(name + " 说明", new Locator.GetByLabelOptions().setExact(true)).fill(note);
		Browser.post(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")));
		assertThat(page.getByText("已保存草稿。")).isVisible();
		assertThat(overflowing(page, "table.entry-grid")).as("what reaches into the next column").isEmpty();
		Browser.post(page, byCode(page, code).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("提交此行 " + name)));
		assertThat(page.getByText("已提交审核。")).isVisible();
		assertThat(overflowing(page, "table.entry-grid")).as("what reaches into the next column").isEmpty();

		Page reviewer = signIn("reviewer-450681");
		reviewer.setViewportSize(1920, 1080);
		reviewer.navigate(url("/reporting/review"));
		assertThat(reviewer.getByText("已逐项核对原始凭证", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
		assertThat(overflowing(reviewer, "main table")).as("what reaches into the next column").isEmpty();
	}

	/** Elements of a table's body cells that reach past their cell's right edge, with the cell's label. */
	@SuppressWarnings("unchecked")
	private static java.util.List<String> overflowing(Page page, String table) {
		return (java.util.List<String>) page.evaluate("""
				table => [...document.querySelectorAll(table + ' tbody td')].flatMap(td => {
				  const edge = td.getBoundingClientRect().right;
				  const own = td.scrollWidth > td.clientWidth + 1 ? [(td.dataset.label || td.cellIndex) + ': text +'
				      + (td.scrollWidth - td.clientWidth) + 'px'] : [];
				  return own.concat([...td.querySelectorAll('*')]
				    .filter(e => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > edge + 1)
				    .map(e => (td.dataset.label || td.cellIndex) + ': ' + e.tagName + '.' + e.className + ' +'
				      + Math.round(e.getBoundingClientRect().right - edge) + 'px'));
				})""", table);
	}

	private String status(String indicatorName) {
		return jdbc.queryForObject("""
				select v.status from indicator_value v join indicator i on i.id = v.indicator_id
				join reporting_period p on p.id = v.period_id
				where i.name = ? and v.region_code = '450681' and p.year = 2020 and p.kind = 'ANNUAL'""", String.class,
				indicatorName);
	}

	private long period() {
		return jdbc.queryForObject("select id from reporting_period where year = 2020 and kind = 'ANNUAL'", Long.class);
	}

	private Page signIn(String username) {
		Page page = browser.newPage();
		// A navigation once took longer than Playwright's 30 s on a loaded machine (load average 13 on 2 cores).
		page.setDefaultTimeout(90_000);
		page.navigate(url("/login"));
		page.getByLabel("用户名").fill(username);
		page.getByLabel("密码").fill("Demo-password-1");
		page.getByLabel("密码").press("Enter");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("欢迎");
		return page;
	}

	/** The grid's row of an indicator, by its code (a name may be part of another's). */
	private static Locator byCode(Page page, String code) {
		return page.locator("tbody tr")
			.filter(new Locator.FilterOptions().setHas(page.locator("input[type=hidden][value='" + code + "']")));
	}

	private static Locator row(Page page, String indicator) {
		return page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(indicator));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
