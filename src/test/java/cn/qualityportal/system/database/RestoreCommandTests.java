package cn.qualityportal.system.database;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's restore command refuses what it cannot do before it touches anything. */
class RestoreCommandTests {

	@TempDir
	Path data;

	@Test
	void wrongUsageSaysHowAndChangesNothing() throws Exception {
		Files.createDirectories(data.resolve("postgres"));
		Files.writeString(data.resolve("postgres/PG_VERSION"), "18\n");
		assertThat(run("restore", "--bogus").code()).isEqualTo(2);
		Outcome missing = run("restore");
		assertThat(missing.code()).isEqualTo(2);
		assertThat(missing.err()).contains("--backup is required").contains("Usage");
		assertThat(run("restore", "--backup").code()).isEqualTo(2);

		Outcome unknown = run("restore", "--backup", "20200101-000000");
		assertThat(unknown.code()).isEqualTo(1);
		assertThat(unknown.err()).contains("no finished base backup '20200101-000000'");
		Outcome badTime = run("restore", "--backup", "latest", "--target-time", "明天");
		assertThat(badTime.code()).isEqualTo(1);
		assertThat(badTime.err()).contains("is not a date and time");
		assertThat(data.resolve("postgres/PG_VERSION")).hasContent("18\n");
		try (var entries = Files.list(data)) {
			assertThat(entries.map(path -> path.getFileName().toString())).containsExactly("postgres");
		}
	}

	@Test
	void listNamesTheBackupsOfTheConfiguredDirectory() {
		Outcome listed = run("restore", "--list", "--backup-dir", data.resolve("elsewhere").toString());
		assertThat(listed.code()).isZero();
		assertThat(listed.out()).contains(data.resolve("elsewhere").resolve("base").toAbsolutePath().normalize().toString());
	}

	record Outcome(int code, String out, String err) {
	}

	private Outcome run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = RestoreCommand.run(args, Map.of("PORTAL_DATA_DIR", data.toString()),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
