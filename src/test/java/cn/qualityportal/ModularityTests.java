package cn.qualityportal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
	}

	@Test
	void foundationModulesExist() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
			.contains("organisation", "security", "system");
	}

}
