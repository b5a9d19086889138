package cn.qualityportal.security;

import cn.qualityportal.PortalClient;
import cn.qualityportal.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The logs of a real server never carry a password or a session id. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SignInLoggingTests {

	@LocalServerPort
	int port;

	@Test
	void signingInLogsNeitherPasswordsNorSessionIds(CapturedOutput output) throws Exception {
		PortalClient browser = new PortalClient(port);
		browser.signIn("admin", "a-wrong-but-secret-guess");
		assertThat(browser.signIn("admin", TestAccounts.ADMIN_PASSWORD).headers().firstValue("Location").orElseThrow())
			.isEqualTo("http://localhost:" + port + "/");
		String sessionId = browser.cookie("SESSION");
		assertThat(sessionId).hasSizeGreaterThan(16);
		browser.get("/", "text/html");
		assertThat(output.getAll()).doesNotContain(TestAccounts.ADMIN_PASSWORD)
			.doesNotContain("a-wrong-but-secret-guess")
			.doesNotContain(sessionId);
	}

}
