package cn.qualityportal.organisation;

import cn.qualityportal.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What an account may see follows from its place in the region tree, computed in PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
class DataScopeTests {

	@Autowired
	Regions regions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void tree() {
		accounts.tree();
	}

	@Test
	void aCountyAccountCoversItsCountyAndSeesTheRegionsAbove() {
		DataScope scope = regions.scopeOf(new Unit(1, "东兴市市场监督管理局", "450681", "东兴市"), false, false);
		assertThat(scope.covers("450681")).isTrue();
		assertThat(scope.canSee("450600")).isTrue();
		assertThat(scope.canSee("450000")).isTrue();
		assertThat(scope.covers("450600")).isFalse();
		assertThat(scope.canSee("450602")).as("a sibling district").isFalse();
	}

	@Test
	void aCityAccountWithSubregionsCoversItsDistricts() {
		DataScope scope = regions.scopeOf(new Unit(1, "防城港市市场监督管理局", "450600", "防城港市"), true, false);
		assertThat(scope.regionCodes()).contains("450600", "450602", "450681").doesNotContain("450000");
		assertThat(scope.ancestorCodes()).containsExactly("450000");
	}

	@Test
	void anAccountWithoutUnitSeesNothingUnlessSystemAdministrator() {
		assertThat(regions.scopeOf(null, true, false).canSee("450600")).isFalse();
		assertThat(regions.scopeOf(null, false, true).covers("450600")).isTrue();
	}

	@Test
	void reporterOfDongxingCannotReadGangkouThroughTheApi() throws Exception {
		accounts.member("reporter-scope-450681", "450681", false, Role.REPORTER);
		mvc.perform(get("/api/v1/regions").with(httpBasic("reporter-scope-450681", TestAccounts.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItems("450000", "450600", "450681")))
			.andExpect(jsonPath("$[*].code", not(hasItem("450602"))));
		mvc.perform(get("/api/v1/regions/450602").with(httpBasic("reporter-scope-450681", TestAccounts.PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/departments").with(httpBasic("reporter-scope-450681", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$[*].regionCode", not(hasItem("450602"))));
	}

}
