package cn.qualityportal.system;

import java.nio.file.Path;

import cn.qualityportal.Browser;
import cn.qualityportal.TestAccounts;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A person opens the portal in a real headless Chromium, signs in with the keyboard and sees the home page.
 * On the demo, as the other browser tests: the same configuration shares their started portal.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
class SignInBrowserTest {

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
	void administratorSignsInAndSeesTheHomePage() {
		Page page = browser.newPage();
		page.navigate("http://localhost:" + port + "/");

		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
		assertThat(page).hasTitle("登录 · 质量强区目标管理平台");
		page.getByLabel("用户名").fill("admin");
		page.getByLabel("密码").fill(TestAccounts.ADMIN_PASSWORD);
		page.getByLabel("密码").press("Enter");

		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("欢迎，系统管理员");
		assertThat(page.locator("dl")).containsText("系统管理员");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home-zh.png")));

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("语言")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Welcome, 系统管理员");
		assertThat(page.locator("dl")).containsText("System administrator");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home-en.png")));
	}

	@Test
	void wrongPasswordShowsTheReasonOnTheLoginPage() {
		Page page = browser.newPage();
		page.navigate("http://localhost:" + port + "/login");
		page.getByLabel("用户名").fill("admin");
		page.getByLabel("密码").fill("not-the-password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).hasText("用户名或密码错误。");
		// The form keeps the username: only the password is typed again.
		assertThat(page.getByLabel("用户名")).hasValue("admin");
		assertThat(page.getByLabel("密码")).isFocused();
	}

}
