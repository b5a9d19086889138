package cn.qualityportal.publication;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.qualityportal.Browser;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of the public in a real Chromium, without signing in: from the list of published
 * documents to a document and, by keyboard, to an indicator's page, whose chart ECharts draws under
 * the content security policy beside its table. Every page passes axe-core's WCAG 2.1 A/AA rules in
 * both languages, and no session cookie is ever set.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
class PublicSiteBrowserTest {

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
	void aReaderFindsAnIndicatorsChartAndTableOnAccessiblePagesWithoutSigningIn() {
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

		page.navigate("http://localhost:" + port + "/gk/");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("目标进展公开");
		accessible(page);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("防城港市人民政府关于印发《关于实施质量强市战略的决定》的通知")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("2019 年进展情况"))).isVisible();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("东兴市"))).isVisible();
		accessible(page);

		// To the pass rate's indicator page by keyboard: focus its first link, press Enter.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("全市制造业产品质量监督抽查合格率").setExact(true)).first().focus();
		page.keyboard().press("Enter");
		page.waitForLoadState();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("全市制造业产品质量监督抽查合格率（2019 年）");
		assertThat(page.locator(".chart svg").first()).isVisible();
		assertThat(page.locator("#figures")).isVisible();
		assertThat(page.locator("#figures tbody tr")).hasCount(5);
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("下载 CSV"))).isVisible();
		accessible(page);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/public-indicator.png")).setFullPage(true));

		// Printed: the header, year links and downloads are left out; the chart and the table stay.
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		assertThat(page.locator("header")).isHidden();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("下载 CSV"))).isHidden();
		assertThat(page.locator("#figures")).isVisible();
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

		// English, on its own citable address.
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*lang=en.*"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Figures by region and year"))).isVisible();
		accessible(page);

		assertThat(page.context().cookies()).noneMatch(cookie -> cookie.name.equals("SESSION"));
		assertThat(problems).isEmpty();
	}

	private static void accessible(Page page) {
		AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
		// The checker really ran: contrast, labels and headings were among the rules it passed.
		assertThat(results.getPasses()).extracting(rule -> rule.getId()).contains("color-contrast", "document-title");
		assertThat(results.getViolations())
			.as("axe-core violations on %s: %s", page.url(), results.getViolations()
				.stream()
				.map(rule -> rule.getId() + " " + rule.getNodes().stream().map(node -> node.getTarget().toString()).toList())
				.toList())
			.isEmpty();
	}

}
