package cn.qualityportal.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.qualityportal.ExternalTools;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml is accepted by Compose, without a Docker engine: {@code config} only parses. */
class DockerComposeFileTests {

	@Test
	void composeAcceptsTheFile() throws Exception {
		String compose = ExternalTools.require("docker-compose", "Debian: apt-get install docker-compose");
		Process process = new ProcessBuilder(compose, "-f", "docker-compose.yml", "config").redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		assertThat(output).contains("image: postgres:18").contains("condition: service_healthy")
			.contains("SPRING_DATASOURCE_URL: jdbc:postgresql://postgres:5432/portal");
	}

	@Test
	void theScaleProfileRunsTwoInstancesBehindNginx() throws Exception {
		String compose = ExternalTools.require("docker-compose", "Debian: apt-get install docker-compose");
		Process process = new ProcessBuilder(compose, "-f", "docker-compose.yml", "--profile", "scale", "config")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		assertThat(output).contains("app2:").contains("image: nginx:1.27").contains("upstream portal { server app:8080;").contains("server app2:8080; }");
	}

	@Test
	void theAppImageIsBuiltFromTheRepository() throws Exception {
		assertThat(Files.readString(Path.of("Dockerfile"))).contains("./mvnw").contains("portal.jar");
	}

}
