package cn.qualityportal.demo;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo: 防城港市 with its counties, the 2017 decision's 44 targets, and an account for every role. */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class DemoDataTests {

	static final String PASSWORD = "Demo-password-1";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void everyDemoAccountSignsInWithItsRole() throws Exception {
		mvc.perform(formLogin().user("office").password(PASSWORD)).andExpect(authenticated().withRoles("OFFICE"));
		mvc.perform(formLogin().user("leader").password(PASSWORD)).andExpect(authenticated().withRoles("LEADER"));
		for (String code : List.of("450602", "450603", "450621", "450681")) {
			mvc.perform(formLogin().user("reporter-" + code).password(PASSWORD))
				.andExpect(authenticated().withRoles("REPORTER"));
			mvc.perform(formLogin().user("reviewer-" + code).password(PASSWORD))
				.andExpect(authenticated().withRoles("REVIEWER"));
		}
	}

	@Test
	void theCityDecisionCarriesItsRealTargetsAndLineage() {
		long city = jdbc.queryForObject("select id from policy_document where doc_number = '防政发〔2017〕14号'", Long.class);
		assertThat(jdbc.queryForObject("select count(*) from target where document_id = ? and region_code = '450600'",
				Integer.class, city)).isEqualTo(44);
		// FCG-02 and FCG-17 and the twelve other rates, cascaded to four counties.
		assertThat(jdbc.queryForObject("select count(*) from target where parent_target_id is not null", Integer.class))
			.isEqualTo(4 * 14);
		assertThat(jdbc.queryForList("""
				select p.doc_number from policy_document_parent l join policy_document p on p.id = l.parent_id
				where l.document_id = ? and l.relation = 'CITES'""", String.class, city)).containsExactly("国发〔2015〕28号");
		assertThat(jdbc.queryForObject("select count(*) from policy_document_parent where parent_id = ?", Integer.class, city))
			.isEqualTo(1);
	}

	@Test
	void yearlyDemoFiguresAreDeterministicAndMarked() {
		assertThat(jdbc.queryForObject("select count(distinct year) from reporting_period where kind = 'ANNUAL'", Integer.class))
			.isEqualTo(5);
		Integer figures = jdbc.queryForObject("select count(*) from indicator_value where note = '演示数据'", Integer.class);
		assertThat(figures).isBetween(800, 880);
		assertThat(jdbc.queryForList("select distinct status from indicator_value", String.class))
			.contains("APPROVED", "SUBMITTED", "RETURNED");
		assertThat(jdbc.queryForObject("select count(*) from indicator_value v join reporting_period p on p.id = v.period_id "
				+ "where p.year < 2020 and v.status <> 'APPROVED'", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select max(value) from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.unit = '%'", Double.class)).isLessThanOrEqualTo(100);
	}

	@Test
	void reporterOfDongxingSeesTheCityAndDongxingButNotGangkou() throws Exception {
		mvc.perform(get("/api/v1/targets").param("size", "500").with(httpBasic("reporter-450681", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].regionCode", everyItem(is(oneOf("450600", "450681")))))
			.andExpect(jsonPath("$.content[*].regionCode", hasItem("450681")))
			.andExpect(jsonPath("$.content[*].regionCode", not(hasItem("450602"))));
		mvc.perform(get("/api/v1/documents").param("q", "港口区").with(httpBasic("reporter-450681", PASSWORD)))
			.andExpect(jsonPath("$.totalElements").value(0));
		mvc.perform(get("/api/v1/documents").param("q", "港口区").with(httpBasic("office", PASSWORD)))
			.andExpect(jsonPath("$.totalElements").value(1));
	}

	@Test
	void theDistrictPlansWeakerTargetsAreFlagged() throws Exception {
		long district = jdbc.queryForObject("select id from policy_document where doc_number = '港质强办〔2017〕1号'", Long.class);
		String page = mvc.perform(get("/documents/" + district).with(user(users.loadUserByUsername("reviewer-450602"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("低于上位目标").contains("少于分解份额");
	}

}
