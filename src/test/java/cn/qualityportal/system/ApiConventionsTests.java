package cn.qualityportal.system;

import java.util.List;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What every API client relies on: its language, and the total of every list. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiConventionsTests {

	/** The API's documented header for the total of a list (spelled out: clients rely on the name). */
	static final String TOTAL = "X-Total-Count";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void data() {
		accounts.member("conventions-office", "450600", true, Role.OFFICE);
	}

	@Test
	void anEnglishClientGetsEnglishProblemDetails() throws Exception {
		mvc.perform(get("/api/v1/me").header("Accept-Language", "en-US,en;q=0.9"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Authentication required: please provide a valid username and password."));
		mvc.perform(get("/api/v1/documents/987654").header("Accept-Language", "en")
			.with(httpBasic("conventions-office", TestAccounts.PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("The page or record you are looking for does not exist or has been removed."));
		mvc.perform(get("/api/v1/values").param("size", "0").header("Accept-Language", "en")
			.with(httpBasic("conventions-office", TestAccounts.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("页"))));
	}

	@Test
	void chineseStaysTheDefaultAndPagesIgnoreTheBrowsersLanguage() throws Exception {
		mvc.perform(get("/api/v1/me"))
			.andExpect(jsonPath("$.detail").value("需要身份验证：请提供有效的用户名和密码。"));
		mvc.perform(get("/api/v1/me").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))
			.andExpect(jsonPath("$.detail").value("需要身份验证：请提供有效的用户名和密码。"));
		mvc.perform(get("/api/v1/me").header("Accept-Language", "fr-FR, de;q=0.5, en;q=0.1"))
			.andExpect(jsonPath("$.detail").value("Authentication required: please provide a valid username and password."));
		mvc.perform(get("/api/v1/me").header("Accept-Language", ";;;=="))
			.andExpect(status().isUnauthorized());
		// ?lang=en still wins, and an English browser still sees the Chinese pages.
		mvc.perform(get("/api/v1/documents/987654").param("lang", "en").header("Accept-Language", "zh-CN")
			.with(httpBasic("conventions-office", TestAccounts.PASSWORD)))
			.andExpect(jsonPath("$.detail").value("The page or record you are looking for does not exist or has been removed."));
		mvc.perform(get("/login").header("Accept-Language", "en-US"))
			.andExpect(content().string(containsString("登录")));
	}

	@Test
	void everyListEndpointReportsItsTotal() throws Exception {
		List<String> lists = List.of("/api/v1/regions", "/api/v1/regions/catalogue?q=4506", "/api/v1/departments",
				"/api/v1/documents", "/api/v1/indicators", "/api/v1/targets", "/api/v1/values", "/api/v1/progress",
				"/api/v1/periods");
		for (String list : lists) {
			String body = mvc.perform(get(list).with(httpBasic("conventions-office", TestAccounts.PASSWORD)))
				.andExpect(status().isOk())
				.andExpect(header().exists(TOTAL))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(list).isNotEmpty();
		}
		mvc.perform(get("/api/v1/regions/catalogue").param("q", "4506")
			.with(httpBasic("conventions-office", TestAccounts.PASSWORD)))
			.andExpect(header().string(TOTAL, "5"))
			.andExpect(jsonPath("$.length()").value(5));
	}

	@Test
	void aPagedListTellsTheTotalOfAllItsPages() throws Exception {
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values ('CONV-1', '总数测试', 'PRODUCT', '个', 'COUNT', 'HIGHER', 'SUM') on conflict do nothing""");
		jdbc.update("insert into reporting_period (year, kind) values (2041, 'ANNUAL') on conflict do nothing");
		for (String region : List.of("450600", "450602", "450681")) {
			jdbc.update("""
					insert into indicator_value (indicator_id, region_code, period_id, value, updated_by)
					select i.id, ?, p.id, 1, 'test' from indicator i, reporting_period p
					where i.code = 'CONV-1' and p.year = 2041 and p.kind = 'ANNUAL' on conflict do nothing""", region);
		}
		mvc.perform(get("/api/v1/values").param("indicatorCode", "CONV-1").param("size", "2")
			.with(httpBasic("conventions-office", TestAccounts.PASSWORD)))
			.andExpect(header().string(TOTAL, "3"))
			.andExpect(jsonPath("$.length()").value(2));
		mvc.perform(get("/api/v1/values").param("indicatorCode", "CONV-1").param("size", "2").param("page", "5")
			.with(httpBasic("conventions-office", TestAccounts.PASSWORD)))
			.andExpect(header().string(TOTAL, "3"))
			.andExpect(jsonPath("$.length()").value(0));
		if (jdbc.queryForObject("select count(*) from policy_document where title = '总数测试方案'", Long.class) == 0) {
			long document = jdbc.queryForObject("""
					insert into policy_document (title, issuer, level, region_code, issue_date, status)
					values ('总数测试方案', '防城港市人民政府', 'CITY', '450600', '2018-01-10', 'IN_FORCE') returning id""", Long.class);
			for (String region : List.of("450600", "450602", "450681")) {
				jdbc.update("""
						insert into target (indicator_id, region_code, document_id, comparator, value, unit, deadline_year)
						select id, ?, ?, 'GE', 10, unit, 2020 from indicator where code = 'CONV-1'""", region, document);
			}
		}
		Long targets = jdbc.queryForObject("""
				with recursive below (code) as (
				    select '450600'::varchar union all select r.code from region r join below b on r.parent_code = b.code)
				select count(*) from counted_target
				where region_code in (select code from below) and 2019 between first_year and last_year""", Long.class);
		// Only targets that count in the judged year are listed (docs/progress.md §0), and the total says so.
		assertThat(targets).isGreaterThan(1);
		mvc.perform(get("/api/v1/progress").param("size", "1").param("year", "2019")
			.with(httpBasic("conventions-office", TestAccounts.PASSWORD)))
			.andExpect(header().string(TOTAL, String.valueOf(targets)));
	}

}
