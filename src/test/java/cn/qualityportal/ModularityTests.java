package cn.qualityportal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	/** Where the generated module documentation is committed (docs/architecture.md "Modules"). */
	private static final Path DOCS = Path.of("docs/modules");

	private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

	/** Each module uses only the public API of the modules its package-info allows, and there are no cycles. */
	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
	}

	@Test
	void foundationModulesExist() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
			.contains("organisation", "security", "system");
	}

	/**
	 * The committed module diagrams are what the Documenter writes for the code as it is.
	 * {@code -Dportal.modules.write-docs=true} rewrites them. (Its module canvases are left out: with
	 * Boot 4.1 they fail reading the Javadoc index the Modulith annotation processor writes.)
	 */
	@Test
	void committedModuleDocumentationIsCurrent() throws IOException {
		boolean write = Boolean.getBoolean("portal.modules.write-docs");
		Path folder = write ? DOCS : Path.of("target/modulith-docs-check");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		assertThat(read(DOCS)).as("docs/modules is stale: run ModularityTests with -Dportal.modules.write-docs=true")
			.isEqualTo(read(folder));
	}

	private static Map<String, String> read(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.list(folder)) {
			for (Path path : paths.toList()) {
				// The Documenter writes the relations of a diagram in no fixed order: compare them as sets.
				files.put(path.getFileName().toString(),
						Files.readAllLines(path).stream().sorted().collect(java.util.stream.Collectors.joining("\n")));
			}
		}
		return files;
	}

}
