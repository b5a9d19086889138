package cn.qualityportal.dashboards;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.qualityportal.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leadership in a real Chromium: lands on the overview, whose charts ECharts draws under the
 * content security policy (no script errors), then reaches a county's page with the keyboard.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
class DashboardBrowserTest {

	static Browser browser;

	@LocalServerPort
	int port;

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
	void leaderSeesChartsWithTablesAndReachesACountyWithTheKeyboard() {
		Page page = browser.newPage();
		List<String> problems = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if (message.type().equals("error")) {
				problems.add(message.text());
			}
		});
		page.onPageError(problems::add);
		page.onResponse(response -> {
			if (response.status() >= 400) {
				problems.add(response.status() + " " + response.url());
			}
		});
		page.navigate("http://localhost:" + port + "/login");
		page.getByLabel("用户名").fill("leader");
		page.getByLabel("密码").fill("Demo-password-1");
		page.getByLabel("密码").press("Enter");
		page.navigate("http://localhost:" + port + "/dashboards?year=2019");

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("防城港市 目标进展总览（2019 年）");
		// Each chart is drawn (an SVG inside it) and has its table beside it.
		assertThat(page.locator(".chart svg").first()).isVisible();
		assertThat(page.locator(".chart svg")).hasCount(2);
		assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("各目标领域的状态"))).isVisible();
		assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("按已达成或正常推进的目标占比排序，占比相同时滞后和逾期较少者在前。")))
			.isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/overview.png")).setFullPage(true));

		// From the heat table to 东兴市 by keyboard: focus its link, press Enter.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("东兴市").setExact(true)).focus();
		page.keyboard().press("Enter");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("东兴市 目标进展（2019 年）");
		assertThat(page.locator(".chart svg")).hasCount(1);
		assertThat(page.locator("table.progress-table tbody tr")).not().hasCount(0);
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
		assertThat(page.locator("form.d-print-none").first()).isHidden();
		assertThat(problems).as("script errors and blocked resources").isEmpty();
	}

}
