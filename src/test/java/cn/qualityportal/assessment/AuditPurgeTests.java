package cn.qualityportal.assessment;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Seen defect 8: the assessment's late and returned counts are facts of the figure, so the
 * retention job purging the audit trail changes no ranking, score or movement. Its own database
 * (another demo password), because it empties the audit trail.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-2" })
@AutoConfigureMockMvc
class AuditPurgeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void purgingTheAuditTrailChangesNoRankingScoreOrMovement() throws Exception {
		// A late submission (the 2020 period was due on 2021-01-31) and a returned one, through the workflow.
		String missing = jdbc.queryForObject("""
				select i.code from target t join indicator i on i.id = t.indicator_id
				where t.region_code = '450681' and i.code = 'FCG-02'""", String.class);
		jdbc.update("""
				delete from indicator_value where region_code = '450681' and indicator_id = (select id from indicator where code = ?)
				  and period_id = (select id from reporting_period where year = 2020 and kind = 'ANNUAL')""", missing);
		JsonNode saved = json.readTree(mvc.perform(put("/api/v1/values").with(as("reporter-450681"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorCode\":\"%s\",\"regionCode\":\"450681\",\"year\":2020,\"value\":3,\"note\":\"迟报\"}"
				.formatted(missing)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		mvc.perform(post("/api/v1/values/" + saved.get("id").asLong() + "/submit").with(as("reporter-450681")))
			.andExpect(status().isOk());
		long submitted = jdbc.queryForObject("""
				select v.id from indicator_value v join reporting_period p on p.id = v.period_id and p.year = 2020
				where v.region_code = '450602' and v.status = 'SUBMITTED' order by v.id limit 1""", Long.class);
		JsonNode returned = json.readTree(mvc.perform(post("/api/v1/values/" + submitted + "/return").with(as("reviewer-450602"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"请补充证明材料\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		// A returned figure resubmitted unchanged needs a note saying why.
		mvc.perform(put("/api/v1/values").with(as("reporter-450602"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"indicatorCode\":\"%s\",\"regionCode\":\"450602\",\"year\":2020,\"value\":%s,\"note\":\"已补充证明材料\",\"version\":%d}"
				.formatted(returned.get("indicatorCode").asString(), returned.get("value").asString(), returned.get("version").asLong())))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/values/" + submitted + "/submit").with(as("reporter-450602"))).andExpect(status().isOk());

		Map<Integer, JsonNode> before = rankings();
		assertThat(before.get(2020).get("rows").valueStream()
			.filter(row -> row.get("score").get("regionCode").asString().equals("450681"))
			.findFirst()
			.orElseThrow()
			.get("score").get("reporting").get("late").asInt()).as("the late submission counts").isPositive();

		// What the nightly retention does after 180 days, for every row at once.
		jdbc.execute("do $$ begin set local session_replication_role = replica; delete from audit_log; end $$");
		assertThat(jdbc.queryForObject("select count(*) from audit_log", Integer.class)).isZero();

		assertThat(rankings()).isEqualTo(before);
	}

	private Map<Integer, JsonNode> rankings() throws Exception {
		Map<Integer, JsonNode> rankings = new LinkedHashMap<>();
		for (int year = 2016; year <= 2020; year++) {
			rankings.put(year, json.readTree(mvc.perform(get("/api/v1/assessments/" + year + "?regionCode=450600").with(as("office")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8)));
		}
		return rankings;
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

}
