package cn.qualityportal.system.database;

import java.net.ServerSocket;

import cn.qualityportal.PortalApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database that cannot be reached or a busy port at start give a short message, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupFailureTests {

	@Test
	void externalDatabaseDownAtStartFailsWithAClearMessage(CapturedOutput output) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String url = "jdbc:postgresql://localhost:" + closedPort + "/portal";
		assertThatThrownBy(() -> start("--spring.datasource.url=" + url, "--spring.datasource.username=portal",
				"--server.port=0"))
			.isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Cannot connect to the PostgreSQL database at " + url)
			.contains("Unset SPRING_DATASOURCE_URL to use the embedded database");
	}

	@Test
	void portAlreadyInUseFailsWithAClearMessage(CapturedOutput output) throws Exception {
		try (ServerSocket busy = new ServerSocket(0)) {
			assertThatThrownBy(() -> start("--server.port=" + busy.getLocalPort())).isNotNull();
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("Port " + busy.getLocalPort() + " was already in use");
		}
	}

	/** Command-line arguments, so they win over application.properties as they would for an operator. */
	private static void start(String... args) {
		new SpringApplicationBuilder(PortalApplication.class).run(args).close();
	}

}
