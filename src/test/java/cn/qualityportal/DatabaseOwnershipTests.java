package cn.qualityportal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns its tables (listed in the Javadoc of its package-info) and names
 * no other module's tables, only the views and SQL functions the owner publishes: checked over every
 * SQL string of the main code and every migration. What existing migrations (which cannot be
 * edited) and not yet moved code still do is listed, with the reason, in
 * {@code architecture/database-ownership-baseline.txt}; the list may only shrink.
 */
class DatabaseOwnershipTests {

	private static final Path SOURCES = Path.of("src/main/java/cn/qualityportal");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path BASELINE = Path.of("src/test/resources/architecture/database-ownership-baseline.txt");

	private static final SqlOwnership ownership = new SqlOwnership();

	private static final Set<String> fixtureModules = new TreeSet<>();

	/**
	 * Reads the Javadoc of each module's package-info: "Owns:" and "Publishes:" paragraphs naming
	 * objects with {@code {@code name}}, or "Loads fixtures:". (An annotation would make every module
	 * depend on the package that declares it.)
	 */
	@BeforeAll
	static void readOwnership() throws IOException {
		for (String module : modules()) {
			Path info = SOURCES.resolve(module).resolve("package-info.java");
			if (!Files.exists(info)) {
				continue;
			}
			String source = Files.readString(info);
			String javadoc = source.substring(source.indexOf("/**") + 3, source.indexOf("*/")).replaceAll("\\s*\\n\\s*\\*?", " ");
			if (javadoc.contains("<p>Loads fixtures:")) {
				fixtureModules.add(module);
			}
			names(javadoc, "Owns").forEach(name -> ownership.owns(module, name, false));
			names(javadoc, "Publishes").forEach(name -> ownership.owns(module, name, true));
		}
	}

	private static List<String> names(String javadoc, String label) {
		Matcher paragraph = Pattern.compile("<p>" + label + ":(.*?)(?=<p>|$)").matcher(javadoc);
		List<String> names = new ArrayList<>();
		if (paragraph.find()) {
			Matcher code = Pattern.compile("\\{@code ([a-z_][a-z0-9_]*)}").matcher(paragraph.group(1));
			while (code.find()) {
				names.add(code.group(1));
			}
		}
		return names;
	}

	@Test
	void everyTableViewAndFunctionOfTheMigrationsHasAnOwner() throws IOException {
		List<String> unclaimed = new ArrayList<>();
		for (Path migration : migrations()) {
			ownership.unclaimed(Files.readString(migration))
				.forEach(name -> unclaimed.add(migration.getFileName() + " " + name));
		}
		assertThat(unclaimed).as("name each under \"Owns:\" in the Javadoc of its module's package-info").isEmpty();
	}

	@Test
	void modulesNameOnlyTheirOwnTablesAndWhatOtherModulesPublish() throws IOException {
		Set<String> found = new TreeSet<>();
		for (Path file : moduleSources()) {
			ownership.checkJava(SOURCES.relativize(file).toString(), moduleOf(file), Files.readString(file))
				.forEach(violation -> found.add(violation.toString()));
		}
		List<SqlOwnership.Migration> migrations = new ArrayList<>();
		for (Path migration : migrations()) {
			migrations.add(new SqlOwnership.Migration(migration.getFileName().toString(), Files.readString(migration)));
		}
		ownership.checkMigrations(migrations).forEach(violation -> found.add(violation.toString()));
		Set<String> known = baseline();
		assertThat(difference(found, known))
			.as("names another module's table: read the owner's published view or function instead (docs/architecture.md)")
			.isEmpty();
		assertThat(difference(known, found)).as("no longer happens: remove it from " + BASELINE).isEmpty();
	}

	/**
	 * A module reading another's published view depends on it as surely as by an import: the owner
	 * is declared in its {@code allowedDependencies}, so the module graph (ModularityTests, the
	 * generated docs) shows the arrows that exist only in SQL.
	 */
	@Test
	void theModulesWhoseViewsAModuleReadsAreDeclaredDependencies() throws IOException {
		Set<String> undeclared = new TreeSet<>();
		for (Path file : moduleSources()) {
			String module = moduleOf(file);
			Set<String> allowed = allowedDependencies(module);
			if (allowed == null) {
				continue;
			}
			ownership.publishersNamedBy(module, Files.readString(file))
				.stream()
				.filter(publisher -> !allowed.contains(publisher))
				.forEach(publisher -> undeclared.add(module + " reads " + publisher + " in " + SOURCES.relativize(file)));
		}
		assertThat(undeclared).as("declare the owner in the reader's package-info allowedDependencies").isEmpty();
		assertThat(ownership.publishersNamedBy("worklist", Files.readString(Path.of("src/test/resources/architecture/ForeignRead.java.txt"))))
			.as("a fixture naming reporting's reported_figure, targets' target_term and organisation's region_subtree")
			.containsExactly("organisation", "reporting", "targets");
	}

	/**
	 * A fixture loader may fill other modules' tables as a migration would, but the audit trail has
	 * one writer, {@code AuditTrail} (append-only, its rows are evidence): the demo records its
	 * changes through it like every module.
	 */
	@Test
	void fixtureLoadersRecordTheirChangesThroughTheAuditTrail() throws IOException {
		assertThat(fixtureModules).contains("demo");
		Set<String> written = new TreeSet<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java"))
				.filter(path -> SOURCES.relativize(path).getNameCount() > 1 && fixtureModules.contains(moduleOf(path)))
				.toList()) {
				ownership.checkJava(SOURCES.relativize(file).toString(), moduleOf(file), Files.readString(file))
					.stream()
					.filter(violation -> violation.owner().equals("audit"))
					.forEach(violation -> written.add(violation.toString()));
			}
		}
		assertThat(written).as("record through audit.AuditTrail (recordAll for many rows)").isEmpty();
	}

	/** The Java sources of the modules whose SQL is checked: not the application class, not fixture loaders. */
	private static List<Path> moduleSources() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter(path -> path.toString().endsWith(".java"))
				.filter(path -> SOURCES.relativize(path).getNameCount() > 1 && !fixtureModules.contains(moduleOf(path)))
				.toList();
		}
	}

	private static String moduleOf(Path file) {
		return SOURCES.relativize(file).getName(0).toString();
	}

	/** A module's declared {@code allowedDependencies} (named interfaces reduced to their module); null when it declares none. */
	private static Set<String> allowedDependencies(String module) throws IOException {
		Path info = SOURCES.resolve(module).resolve("package-info.java");
		if (!Files.exists(info)) {
			return null;
		}
		Matcher declared = Pattern.compile("allowedDependencies\\s*=\\s*\\{([^}]*)}").matcher(Files.readString(info));
		if (!declared.find()) {
			return null;
		}
		Set<String> modules = new TreeSet<>();
		Matcher name = Pattern.compile("\"([a-z]+)").matcher(declared.group(1));
		while (name.find()) {
			modules.add(name.group(1));
		}
		return modules;
	}

	@Test
	void namingAForeignTableFailsAndAPublishedViewDoesNot() throws IOException {
		String java = Files.readString(Path.of("src/test/resources/architecture/ForeignRead.java.txt"));
		assertThat(ownership.checkJava("ForeignRead.java", "dashboards", java))
			.extracting(SqlOwnership.Violation::name, SqlOwnership.Violation::owner)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("indicator_value", "reporting"),
					org.assertj.core.groups.Tuple.tuple("target", "targets"));

		String migration = Files.readString(Path.of("src/test/resources/architecture/V999__foreign_trigger.sql"));
		assertThat(ownership.checkMigration("V999__foreign_trigger.sql", migration))
			.extracting(SqlOwnership.Violation::module, SqlOwnership.Violation::name)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("progress", "indicator_value"));
	}

	@Test
	void aDefinitionALaterMigrationReplacesIsNoLongerChecked() throws IOException {
		String old = Files.readString(Path.of("src/test/resources/architecture/V999__foreign_trigger.sql"));
		String replaced = """
				create or replace function progress_changed() returns trigger language plpgsql as $$
				begin
				    insert into progress_change (indicator_id) select indicator_id from target_term where id = 2;
				    return null;
				end $$;
				drop trigger indicator_value_progress on indicator_value;
				""";
		String foreignAgain = """
				create or replace function progress_changed() returns trigger language plpgsql as $$
				begin
				    insert into progress_change (indicator_id) select indicator_id from target where id = 3;
				    return null;
				end $$;
				""";
		assertThat(ownership.checkMigrations(List.of(new SqlOwnership.Migration("V999__foreign_trigger.sql", old),
				new SqlOwnership.Migration("V1000__replaced.sql", replaced))))
			.isEmpty();
		assertThat(ownership.checkMigrations(List.of(new SqlOwnership.Migration("V999__foreign_trigger.sql", old),
				new SqlOwnership.Migration("V1000__replaced.sql", replaced),
				new SqlOwnership.Migration("V1001__foreign_again.sql", foreignAgain))))
			.extracting(SqlOwnership.Violation::toString)
			.containsExactly("V1001__foreign_again.sql progress target");
	}

	private static Set<String> baseline() throws IOException {
		Set<String> known = new TreeSet<>();
		for (String line : Files.readAllLines(BASELINE, StandardCharsets.UTF_8)) {
			String entry = line.replaceFirst("#.*", "").strip().replaceAll("\\s+", " ");
			if (!entry.isEmpty()) {
				known.add(entry);
			}
		}
		return known;
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> difference = new TreeSet<>(a);
		difference.removeAll(b);
		return difference;
	}

	private static List<String> modules() throws IOException {
		try (Stream<Path> entries = Files.list(SOURCES)) {
			return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
		}
	}

	/** The migrations in the order Flyway applies them: by version number (V9 before V11). */
	private static List<Path> migrations() throws IOException {
		try (Stream<Path> entries = Files.list(MIGRATIONS)) {
			return entries.filter(path -> path.toString().endsWith(".sql"))
				.sorted(java.util.Comparator.comparingInt(DatabaseOwnershipTests::version))
				.toList();
		}
	}

	private static int version(Path migration) {
		Matcher version = Pattern.compile("^V(\\d+)__").matcher(migration.getFileName().toString());
		if (!version.find()) {
			throw new IllegalStateException("not a versioned migration: " + migration);
		}
		return Integer.parseInt(version.group(1));
	}

}
