package cn.qualityportal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a program beside the JDK (Chromium, pg_dump). On a developer's machine without
 * it they are skipped with a message; in CI ({@code CI=true}), which installs them, they fail instead,
 * so a missing install step cannot hide a test.
 */
public final class ExternalTools {

	private ExternalTools() {
	}

	public static String require(String program, String installHint) {
		Optional<String> path = find(program);
		if (path.isPresent()) {
			return path.get();
		}
		String message = program + " is not installed (" + installHint + ")";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(message + "; .ci/run should have installed it");
		}
		Assumptions.abort(message + "; test skipped");
		return null;
	}

	public static Optional<String> find(String program) {
		try {
			Process which = new ProcessBuilder("sh", "-c", "command -v " + program).start();
			String out = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return which.waitFor() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

}
