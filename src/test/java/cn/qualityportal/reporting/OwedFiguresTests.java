package cn.qualityportal.reporting;

import java.nio.charset.StandardCharsets;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A reporter creates figures only for what an obligation asks of its region ({@code reporting_obligation}):
 * a figure of a catalogue indicator that no target counting in that year asks for is refused in the API
 * and the import, and nothing is saved (issue #20, item 8). Other test classes run with voluntary
 * indicators allowed; this one runs with the portal's default.
 */
@SpringBootTest(properties = "portal.reporting.voluntary-indicators=false")
@AutoConfigureMockMvc
class OwedFiguresTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@BeforeEach
	void data() {
		accounts.member("o-reporter", "450681", false, Role.REPORTER);
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values ('O-NOT-OWED', '无目标指标', 'PRODUCT', '个', 'COUNT', 'HIGHER', 'NONE'),
				       ('O-OWED', '有目标指标', 'PRODUCT', '个', 'COUNT', 'HIGHER', 'NONE') on conflict do nothing""");
		jdbc.update("insert into reporting_period (year, kind, number, status) values (2027, 'ANNUAL', 0, 'OPEN') on conflict do nothing");
		if (jdbc.queryForObject("select count(*) from policy_document where title = '应报测试方案'", Long.class) == 0) {
			long document = jdbc.queryForObject("""
					insert into policy_document (title, issuer, level, region_code, issue_date, status)
					values ('应报测试方案', '东兴市人民政府', 'COUNTY', '450681', '2026-01-10', 'IN_FORCE') returning id""", Long.class);
			jdbc.update("""
					insert into target (indicator_id, region_code, document_id, comparator, value, unit, deadline_year)
					select id, '450681', ?, 'GE', 10, unit, 2028 from indicator where code = 'O-OWED'""", document);
		}
		jdbc.update("delete from indicator_value where indicator_id in (select id from indicator where code like 'O-%')");
	}

	@Test
	void aFigureNoTargetAsksForIsRefusedAndNothingIsSaved() throws Exception {
		save("O-NOT-OWED").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("indicatorCode"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不需要填报")));
		upload("indicator_code,region_code,year,value\nO-OWED,450681,2027,3\nO-NOT-OWED,450681,2027,4\n")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.problems[0].row").value(3))
			.andExpect(jsonPath("$.problems[0].message").value(containsString("不需要填报")));
		assertThat(figures()).as("a refused import saves no row, not even the owed one").isZero();
	}

	@Test
	void aFigureATargetAsksForIsTaken() throws Exception {
		save("O-OWED").andExpect(status().isOk());
		upload("indicator_code,region_code,year,value,version\nO-OWED,450681,2027,6,0\n").andExpect(status().isOk());
		assertThat(jdbc.queryForObject("""
				select trim_scale(v.value)::text from indicator_value v join indicator i on i.id = v.indicator_id
				where i.code = 'O-OWED'""", String.class)).isEqualTo("6");
	}

	private ResultActions save(String code) throws Exception {
		return mvc.perform(put("/api/v1/values").with(httpBasic("o-reporter", TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorCode\":\"" + code + "\",\"regionCode\":\"450681\",\"year\":2027,\"value\":5}"));
	}

	private ResultActions upload(String csv) throws Exception {
		return mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "figures.csv", "application/octet-stream", csv.getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic("o-reporter", TestAccounts.PASSWORD)));
	}

	private int figures() {
		return jdbc.queryForObject("select count(*) from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code like 'O-%'", Integer.class);
	}

}
