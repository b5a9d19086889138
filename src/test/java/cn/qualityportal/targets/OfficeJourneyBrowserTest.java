package cn.qualityportal.targets;

import java.nio.file.Path;
import java.util.regex.Pattern;

import cn.qualityportal.Browser;
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

/**
 * The leading-group office, in a real browser on the demo data, registers a document and an
 * indicator, sets a target, splits it into yearly milestones and cascades it to the districts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
class OfficeJourneyBrowserTest {

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
	void officeDefinesADocumentAnIndicatorAndATargetThenSplitsAndCascadesIt() {
		Page page = browser.newPage();
		page.navigate("http://localhost:" + port + "/login");
		page.getByLabel("用户名").fill("office");
		page.getByLabel("密码").fill("Demo-password-1");
		page.getByLabel("密码").press("Enter");
		// The office lands on the progress overview of its city.
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("防城港市 目标进展总览（2019 年）");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("政策文件").setExact(true)).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登记文件")).click();
		page.getByLabel("标题").fill("防城港市质量提升行动方案（2021—2025年）");
		page.getByLabel("发文单位").fill("防城港市人民政府办公室");
		page.getByLabel("文号").fill("防政办发[2021] 30号");
		page.getByLabel("层级").selectOption("CITY");
		page.getByLabel("发文日期").fill("2021-08-16");
		page.getByLabel("状态").selectOption("IN_FORCE");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("防城港市质量提升行动方案（2021—2025年）");
		assertThat(page.getByText("防政办发〔2021〕30号")).isVisible();
		String documentUrl = page.url();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("指标库")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新增指标")).click();
		page.getByLabel("指标代码").fill("FCG-Q01");
		page.getByLabel("指标", new Page.GetByLabelOptions().setExact(true)).fill("产品质量监督抽查合格率");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("产品质量监督抽查合格率"))).isVisible();

		page.navigate(documentUrl);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新增目标值")).click();
		page.getByLabel("指标", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("产品质量监督抽查合格率 (%)"));
		page.getByLabel("目标值", new Page.GetByLabelOptions().setExact(true)).fill("150");
		page.getByLabel("目标年份").fill("2025");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.getByText("百分比应在 0 到 100 之间。")).isVisible();

		page.getByLabel("目标值", new Page.GetByLabelOptions().setExact(true)).fill("95");
		page.getByLabel("基期值", new Page.GetByLabelOptions().setExact(true)).fill("91");
		page.getByLabel("基期年份", new Page.GetByLabelOptions().setExact(true)).fill("2021");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("产品质量监督抽查合格率");
		assertThat(page.locator("p.lead")).containsText("≥ 95%");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("年度目标分解")).click();
		assertThat(page.getByLabel("年度目标值").first()).hasValue("92");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("2024"))).isVisible();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("分解到下级地区")).click();
		assertThat(page.getByLabel("东兴市")).hasValue("95");
		page.getByLabel("上思县").fill("");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("分解")).click();
		assertThat(page.getByText("已为 3 个地区创建目标，0 个地区已有此目标而跳过。")).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/target-cascaded.png")).setFullPage(true));

		page.navigate(documentUrl);
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("产品质量监督抽查合格率"))).hasCount(4);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/document.png")).setFullPage(true));

		assertThat(jdbc.queryForList("""
				select t.region_code from target t join indicator i on i.id = t.indicator_id
				where i.code = 'FCG-Q01' order by 1""", String.class))
			.containsExactly("450600", "450602", "450603", "450681");
		assertThat(jdbc.queryForObject("""
				select count(*) from milestone m join target t on t.id = m.target_id join indicator i on i.id = t.indicator_id
				where i.code = 'FCG-Q01' and t.region_code = '450600'""", Integer.class)).isEqualTo(4);
		assertThat(page.url()).matches(Pattern.compile(".*/documents/\\d+"));
	}

}
