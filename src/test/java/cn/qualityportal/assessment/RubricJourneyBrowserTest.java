package cn.qualityportal.assessment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import cn.qualityportal.Browser;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.microsoft.playwright.assertions.PlaywrightAssertions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/assessment.md in a real Chromium, on the demo: 港口区 assesses itself
 * with evidence; another county cannot see its sheet; the office lowers one score with a reason,
 * confirms the other counties, vetoes 东兴市 with a reason and evidence, previews and publishes;
 * the published ranking and 港口区's PDF score sheet carry the reviewed scores and reasons, with the
 * document's numbers; every step is in the audit trail.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
class RubricJourneyBrowserTest {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	private static final String FUNDING = "质量工作经费列入财政预算";

	private static final String VETO = "发生重大质量安全事故";

	private static final String REASON = "经费文件仅列支下半年，按 12 分计";

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void launch() {
		browser = Browser.launch();
		// A shared build machine can take long over a page; every wait below polls up to this deadline.
		PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aDistrictAssessesItselfTheOfficeReviewsVetoesAndPublishesTheWorkedExample() throws Exception {
		long rubric = jdbc.queryForObject("select id from rubric where year = 2019 and parent_region_code = '450600'",
				Long.class);
		long auditBefore = jdbc.queryForObject("select coalesce(max(id), 0) from audit_log", Long.class);
		String gangkou = "/rubrics/" + rubric + "/regions/450602";

		// 港口区 finds its own sheet from the menu's address, the automatic criteria already filled in.
		Page district = signIn("reporter-450602");
		district.navigate(url("/rubrics?year=2019"));
		assertThat(district.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("港口区 年度考核评分表（2019 年）");
		assertThat(row(district, "质量目标完成情况")).containsText("21.00");
		assertThat(row(district, "数据按时填报")).containsText("平台计算：迟报 0 项、漏报 6 项、被退回 0 项，按考核方案扣 12 分。");
		String[][] self = { { "领导小组和工作机制健全，年内召开专题会议", "20", "领导小组文件和 4 次会议纪要" },
				{ FUNDING, "18", "2019 年预算列支质量工作经费" }, { "质量安全监管和风险防控", "19", "监督抽查 120 批次" },
				{ "获得国家级或自治区级质量荣誉", "0", "无" }, { "新增广西名牌产品或地理标志产品", "3", "新增广西名牌 1 个" },
				{ "被上级通报批评", "0", "无" }, { "未按时报送年度工作总结", "0", "无" } };
		for (String[] line : self) {
			district.getByLabel("自评分 " + line[0], new Page.GetByLabelOptions().setExact(true)).fill(line[1]);
			district.getByLabel("自评说明 " + line[0], new Page.GetByLabelOptions().setExact(true)).fill(line[2]);
		}
		district.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存").setExact(true)).click();
		assertThat(district.getByText("已保存。")).isVisible();
		// Evidence for every manual item it scores above zero, under the rules of a figure's evidence.
		for (String[] line : self) {
			if (!line[1].equals("0")) {
				district.locator("#evidence-item").selectOption(new SelectOption().setLabel(line[0]));
				district.locator("#evidence-file").setInputFiles(new FilePayload(line[0].substring(0, 4) + "证明.pdf",
						"application/pdf", PDF));
				district.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传佐证材料")).click();
				// The page comes back with the file listed (not the message of the upload before).
				assertThat(district.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(line[0].substring(0, 4) + "证明.pdf")))
					.isVisible();
			}
		}
		// The saved scores came back; submitting hands the sheet to the office: 81.00 by its own count.
		assertThat(district.getByLabel("自评分 " + FUNDING, new Page.GetByLabelOptions().setExact(true))).hasValue("18.00");
		district.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交自评")).click();
		assertThat(district.getByText("自评已提交。")).isVisible();
		assertThat(district.getByText("自评总分 81.00")).isVisible();

		// Before publication another county cannot see it: for 防城区 it does not exist.
		Page neighbour = signIn("reporter-450603");
		for (String path : List.of(gangkou, gangkou + "/sheet.pdf", gangkou + "/sheet.xlsx")) {
			assertThat(neighbour.navigate(url(path)).status()).as(path).isEqualTo(404);
		}
		assertThat(neighbour.request().get(url("/rubrics/" + rubric + "/results")).status()).isEqualTo(403);

		// The office lowers 港口区's funding from 18 to 12: refused without a reason, its typed score kept.
		Page office = signIn("office");
		office.navigate(url(gangkou));
		Locator funding = office.getByLabel("审核分 " + FUNDING, new Page.GetByLabelOptions().setExact(true));
		funding.fill("12");
		office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审核确认")).click();
		assertThat(office.getByText("“质量工作经费列入财政预算”的审核分与自评分不同，须写明理由。")).isVisible();
		assertThat(funding).hasValue("12");
		office.getByLabel("审核意见 " + FUNDING, new Page.GetByLabelOptions().setExact(true)).fill(REASON);
		decideVeto(office, "不否决");
		office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审核确认")).click();
		assertThat(office.getByText("审核已确认。")).isVisible();
		assertThat(office.getByText("审核得分：考核项目 72.00 + 加分 3.00（上限 5.00）− 扣分 0.00（上限 6.00）= 总分 75.00")).isVisible();

		// 防城区 and 上思县 as they assessed themselves.
		for (String county : List.of("450603", "450621")) {
			office.navigate(url("/rubrics/" + rubric + "/regions/" + county));
			decideVeto(office, "不否决");
			office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审核确认")).click();
			assertThat(office.getByText("审核已确认。")).isVisible();
		}
		// 东兴市: the veto, with the accident report the office attaches and a reason.
		office.navigate(url("/rubrics/" + rubric + "/regions/450681"));
		office.locator("#evidence-item").selectOption(new SelectOption().setLabel(VETO));
		office.locator("#evidence-file").setInputFiles(new FilePayload("事故调查报告.pdf", "application/pdf", PDF));
		office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传佐证材料")).click();
		assertThat(office.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("事故调查报告.pdf"))).isVisible();
		decideVeto(office, "一票否决");
		office.getByLabel("审核意见 " + VETO, new Page.GetByLabelOptions().setExact(true))
			.fill("2019 年 8 月发生重大食品安全事故（演示）");
		office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("审核确认")).click();
		assertThat(office.getByText("审核已确认。")).isVisible();
		assertThat(office.getByText("等次：不合格（按分数为 良好，因一票否决降为 不合格）")).isVisible();

		// The preview, then publication after the ticked confirmation.
		office.navigate(url("/rubrics/" + rubric + "/results"));
		assertThat(office.getByText("预览：尚未发布。", new Page.GetByTextOptions().setExact(false))).isVisible();
		List<String> ranking = List.of("1 防城区 86.57 良好", "2 港口区 75.00 合格", "3 上思县 62.29 合格", "4 东兴市 84.50 不合格");
		assertThat(rankingRows(office)).isEqualTo(ranking);
		office.getByLabel("我已核对以上预览结果，确认发布。").check();
		office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布考核结果")).click();
		assertThat(office.getByText("考核结果已发布。")).isVisible();
		assertThat(rankingRows(office)).isEqualTo(ranking);
		assertThat(office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布考核结果"))).hasCount(0);
		office.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/rubric-results.png")).setFullPage(true));

		// 港口区's score sheet, page and PDF: the reviewed scores, the reason, total, grade and rank.
		district.navigate(url(gangkou));
		assertThat(row(district, FUNDING)).containsText("12.00");
		assertThat(row(district, FUNDING)).containsText(REASON);
		APIResponse pdf = district.request().get(url(gangkou + "/sheet.pdf"));
		assertThat(pdf.status()).isEqualTo(200);
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			text = new PDFTextStripper().getText(document);
		}
		assertThat(text).contains("港口区 年度考核评分表（2019 年）", FUNDING, "18.00", "12.00", REASON, "总分 75.00", "等次：合格",
				"排名：第 2 名");
		// After publication too, a county sees only its own sheet.
		assertThat(neighbour.navigate(url(gangkou)).status()).isEqualTo(404);

		// Every step is in the audit trail, with who did it.
		long gangkouSheet = jdbc.queryForObject("select id from self_assessment where rubric_id = ? and region_code = '450602'",
				Long.class, rubric);
		assertThat(jdbc.queryForList("""
				select action || ' ' || actor from audit_log where id > ? and entity = 'self_assessment' and entity_id = ?
				order by id""", String.class, auditBefore, gangkouSheet))
			.containsExactly("CREATE reporter-450602", "UPDATE reporter-450602", "EVIDENCE_ADD reporter-450602",
					"EVIDENCE_ADD reporter-450602", "EVIDENCE_ADD reporter-450602", "EVIDENCE_ADD reporter-450602",
					"SUBMIT reporter-450602", "CONFIRM office");
		assertThat(jdbc.queryForObject("""
				select new_state ->> ('reason.' || (select id from rubric_item where rubric_id = ? and title = ?))
				from audit_log where id > ? and entity = 'self_assessment' and entity_id = ? and action = 'CONFIRM'""",
				String.class, rubric, FUNDING, auditBefore, gangkouSheet)).isEqualTo(REASON);
		assertThat(jdbc.queryForList("""
				select s.region_code || ' ' || a.action from audit_log a join self_assessment s on s.id = a.entity_id
				where a.id > ? and a.entity = 'self_assessment' and a.actor = 'office' order by a.id""", String.class,
				auditBefore))
			.containsExactly("450602 CONFIRM", "450603 CONFIRM", "450621 CONFIRM", "450681 EVIDENCE_ADD", "450681 CONFIRM");
		assertThat(jdbc.queryForObject("""
				select new_state -> 'ranking' ->> 3 from audit_log
				where id > ? and entity = 'rubric' and entity_id = ? and action = 'PUBLISH' and actor = 'office'""", String.class,
				auditBefore, rubric)).contains("450681", "84.50", "FAIL");
	}

	private static void decideVeto(Page page, String decision) {
		page.getByLabel("否决认定 " + VETO, new Page.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel(decision));
	}

	/** The ranking table's rows as "rank county total grade". */
	private static List<String> rankingRows(Page page) {
		return page.locator("table tbody tr").all().stream().map(tr -> {
			List<String> cells = tr.locator("td").allInnerTexts().stream().map(String::strip).toList();
			return cells.get(0) + " " + cells.get(2) + " " + cells.get(6) + " " + cells.get(7).replace("一票否决", "").strip();
		}).toList();
	}

	/** The row of an item in the score table (the first table; the evidence table names items too). */
	private static Locator row(Page page, String title) {
		return page.locator("table").first().locator("tbody tr").filter(new Locator.FilterOptions().setHasText(title));
	}

	private Page signIn(String username) {
		Page page = browser.newPage();
		page.setDefaultTimeout(120_000);
		page.setDefaultNavigationTimeout(120_000);
		page.navigate(url("/login"));
		page.getByLabel("用户名").fill(username);
		page.getByLabel("密码").fill("Demo-password-1");
		page.getByLabel("密码").press("Enter");
		// Signed in once the form is gone: districts land on the home page, the office on the overview.
		assertThat(page.getByLabel("密码")).hasCount(0);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
		return page;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
