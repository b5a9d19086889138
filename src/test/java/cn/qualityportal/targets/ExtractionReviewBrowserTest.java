package cn.qualityportal.targets;

import java.nio.file.Path;

import cn.qualityportal.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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

/** The office pastes a plan's text, the portal proposes its targets, and the office edits, rejects and accepts them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
class ExtractionReviewBrowserTest {

	static final String PLAN = """
			关于推进质量提升的实施意见
			到2022年，全市产品质量监督抽查合格率稳定在94%以上，新增广西名牌5个以上，培育2-3家服务业标准化示范企业。""";

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void launch() {
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void proposeEditOneRejectOneAcceptTheRest() {
		long document = jdbc.queryForObject("""
				insert into policy_document (title, issuer, doc_number, level, region_code, status, issue_date)
				values ('关于推进质量提升的实施意见', '防城港市人民政府', '防政发〔2021〕8号', 'CITY', '450600', 'IN_FORCE', date '2021-03-01')
				returning id""", Long.class);
		Page page = browser.newPage();
		page.navigate("http://localhost:" + port + "/login");
		page.getByLabel("用户名").fill("office");
		page.getByLabel("密码").fill("Demo-password-1");
		page.getByLabel("密码").press("Enter");

		page.navigate("http://localhost:" + port + "/documents/" + document);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("提取目标")).click();
		page.getByLabel("粘贴全文").fill(PLAN);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存全文并提取")).click();
		assertThat(page.getByText("新提出 3 条候选目标")).isVisible();
		assertThat(page.locator("mark.candidate-proposed")).hasCount(3);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/extraction-review.png")).setFullPage(true));

		Locator rows = page.locator("tbody tr");
		rows.filter(new Locator.FilterOptions().setHasText("广西名牌"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("审核候选目标"))
			.click();
		assertThat(page.getByLabel("基期年份", new Page.GetByLabelOptions().setExact(true))).hasValue("2021");
		page.getByLabel("目标值", new Page.GetByLabelOptions().setExact(true)).fill("6");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("接受为目标")).click();
		assertThat(page.getByText("已接受，目标已加入本文件。")).isVisible();

		page.locator("tbody tr")
			.filter(new Locator.FilterOptions().setHasText("服务业标准化示范企业"))
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("拒绝"))
			.click();
		assertThat(page.getByText("已拒绝；再次提取时不会重复提出。")).isVisible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("全部接受")).click();
		// The preview names the indicator it will create: the catalogue's 全市制造业产品质量监督抽查合格率 is alike but another statistic.
		assertThat(page.getByText("将新建 1 个指标")).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认全部接受")).click();
		assertThat(page.getByText("已接受 1 条。")).isVisible();
		assertThat(page.getByText("请指定牵头部门").first()).isVisible();

		page.navigate("http://localhost:" + port + "/documents/" + document);
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("全市产品质量监督抽查合格率"))).isVisible();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("广西名牌"))).isVisible();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("服务业标准化示范企业"))).hasCount(0);
		// 广西名牌 is the same statistic as the demo catalogue's FCG-17 and was linked to it; the rate got a new indicator.
		assertThat(jdbc.queryForList("select case when i.code like 'EX-%' then 'new' else i.code end || ':' || t.value::int "
				+ "from target t join indicator i on i.id = t.indicator_id where t.document_id = ? order by t.value", String.class,
				document))
			.containsExactly("FCG-17:6", "new:94");
	}

}
