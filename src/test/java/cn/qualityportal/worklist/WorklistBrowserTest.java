package cn.qualityportal.worklist;

import java.nio.file.Path;

import cn.qualityportal.Browser;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the demo (2020 open and overdue), in Chromium: a reporter of 东兴市 sees the to-do badge, follows
 * it to the grid, gives an e-mail address; the scheduled reminder run finds her unit late, and the
 * reminder arrives in her notification centre and as an e-mail at the test's SMTP server (GreenMail).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1",
				"portal.reminders.base-url=https://zlqq.example.gov.cn" })
class WorklistBrowserTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Reminders reminders;

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
	void aReporterFollowsHerToDoBadgeToTheGridAndGetsTheOverdueReminderInThePortalAndByEmail() throws Exception {
		long period = jdbc.queryForObject("select id from reporting_period where year = 2020 and kind = 'ANNUAL'", Long.class);
		Page reporter = browser.newPage();
		reporter.navigate(url("/login"));
		reporter.getByLabel("用户名").fill("reporter-450681");
		reporter.getByLabel("密码").fill("Demo-password-1");
		reporter.getByLabel("密码").press("Enter");
		assertThat(reporter.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("欢迎");

		Locator todo = reporter.locator("#nav-todo");
		assertThat(todo.locator(".badge")).isVisible();
		assertThat(todo.locator(".badge")).containsText("项待办");
		todo.click();
		assertThat(reporter.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("待办");
		reporter.locator("#todo-fill").getByRole(AriaRole.LINK).first().click();
		assertThat(reporter).hasURL(url("/reporting?period=" + period));
		assertThat(reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿"))).isVisible();

		reporter.locator("#nav-notifications").click();
		reporter.getByLabel("接收催报的电子邮箱").fill("reporter-450681@example.gov.cn");
		reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(reporter.getByText("电子邮箱已保存。")).isVisible();
		assertThat(reporter.locator("#nav-notifications .badge")).hasCount(0);

		// The daily run (as the scheduler calls it) finds 东兴市's bureau late for 2020.
		reminders.remindDue(Reminders.today());

		reporter.reload();
		assertThat(reporter.locator("#nav-notifications .badge")).containsText("1");
		Locator message = reporter.locator(".list-group-item").filter(new Locator.FilterOptions().setHasText("逾期催报"));
		assertThat(message).containsText("2020年度填报已于 2021-01-31 截止");
		assertThat(message).containsText("东兴市市场监督管理局");
		reporter.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/notifications.png")).setFullPage(true));
		message.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("查看")).click();
		assertThat(reporter).hasURL(url("/reporting?period=" + period));
		assertThat(reporter.locator("#nav-notifications .badge")).hasCount(0);

		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("reporter-450681@example.gov.cn");
		assertThat(mail.getSubject()).startsWith("逾期催报：2020年度填报");
		String body = mail.getContent().toString();
		assertThat(body).contains("东兴市市场监督管理局").contains("https://zlqq.example.gov.cn/reporting?period=" + period);
		// The link in the e-mail leads to the grid (here on the test's own address).
		reporter.navigate(url(body.substring(body.indexOf("/reporting?period="), body.indexOf('\n', body.indexOf("/reporting?period=")))
			.strip()));
		assertThat(reporter.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿"))).isVisible();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
