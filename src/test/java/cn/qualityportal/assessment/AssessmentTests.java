package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The assessment on the demo: reproducible, explained line by line, frozen once published, refused
 * outside one's scope. Each test uses its own year, so publications do not meet in the shared database.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class AssessmentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theRankingIsReproducibleAndEveryScoreAddsUpFromItsLines() throws Exception {
		JsonNode ranking = api("leader", "/api/v1/assessments/2019?regionCode=450600");
		JsonNode again = api("leader", "/api/v1/assessments/2019?regionCode=450600");

		assertThat(again).isEqualTo(ranking);
		assertThat(ranking.get("published").asBoolean()).isFalse();
		assertThat(ranking.get("rows").valueStream().map(row -> row.get("score").get("regionCode").asString()))
			.containsExactlyInAnyOrder("450602", "450603", "450621", "450681");
		BigDecimal previous = null;
		for (JsonNode row : ranking.get("rows")) {
			JsonNode score = row.get("score");
			BigDecimal weighted = BigDecimal.ZERO;
			BigDecimal weights = BigDecimal.ZERO;
			for (JsonNode line : score.get("targets")) {
				weighted = weighted.add(line.get("weight").decimalValue().multiply(line.get("points").decimalValue()));
				weights = weights.add(line.get("weight").decimalValue());
			}
			BigDecimal base = weighted.divide(weights, 2, RoundingMode.HALF_UP);
			JsonNode reporting = score.get("reporting");
			BigDecimal deductions = BigDecimal.valueOf(reporting.get("late").asInt())
				.add(BigDecimal.valueOf(2L * reporting.get("missing").asInt()))
				.add(new BigDecimal("0.5").multiply(BigDecimal.valueOf(reporting.get("returned").asInt())));
			assertThat(score.get("base").decimalValue()).isEqualByComparingTo(base);
			assertThat(score.get("score").decimalValue()).isEqualByComparingTo(base.subtract(deductions).max(BigDecimal.ZERO));
			// Missing reports are what the county was due and never submitted for 2019, counted by hand here: the
			// indicators of its own targets and of the city's (every demo indicator aggregates, so the city's figure
			// is computed from the counties, which owe it), all of documents in force in 2019 and running to 2020.
			Integer missing = jdbc.queryForObject("""
					select count(distinct t.indicator_id) from target t
					where t.region_code in (?, '450600') and t.deadline_year >= 2019 and not exists (
					    select 1 from indicator_value v join reporting_period p on p.id = v.period_id and p.year = 2019
					    where v.indicator_id = t.indicator_id and v.region_code = ? and v.status <> 'DRAFT')""",
					Integer.class, score.get("regionCode").asString(), score.get("regionCode").asString());
			assertThat(reporting.get("missing").asInt()).isEqualTo(missing);
			if (previous != null) {
				assertThat(score.get("score").decimalValue()).isLessThanOrEqualTo(previous);
			}
			previous = score.get("score").decimalValue();
		}
		String page = html("leader", "/assessments?year=2019");
		assertThat(page).contains("防城港市 下级地区年度考核排名（2019 年）", "尚未发布", "港口区", "data-chart=");
	}

	@Test
	void publishedResultsAreFrozenAuditedAndNotPublishedTwice() throws Exception {
		// Publishing first shows exactly what will be frozen and publishes nothing (issue #11, seen defect 5).
		String live = html("office", "/assessments?year=2018&region=450600");
		String preview = (String) mvc.perform(post("/assessments/2018/publish").param("region", "450600").with(as("office")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("assessment/publish"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("将按下表冻结发布（4 个地区）")))
			.andReturn().getModelAndView().getModel().get("preview");
		for (String county : new String[] { "港口区", "防城区", "上思县", "东兴市" }) {
			assertThat(live).contains(county);
		}
		assertThat(api("leader", "/api/v1/assessments/2018?regionCode=450600").get("published").asBoolean()).isFalse();
		// A confirmation of another ranking than the one now computed shows the new one again.
		mvc.perform(post("/assessments/2018/publish").param("region", "450600").param("confirmed", "true")
			.param("preview", "stale").with(as("office")).with(csrf()))
			.andExpect(view().name("assessment/publish"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("预览之后排名或得分已发生变化")));
		assertThat(api("leader", "/api/v1/assessments/2018?regionCode=450600").get("published").asBoolean()).isFalse();
		mvc.perform(post("/assessments/2018/publish").param("region", "450600").param("confirmed", "true")
			.param("preview", preview).with(as("office")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("success", "assessment.publishedFlash"));
		JsonNode published = api("leader", "/api/v1/assessments/2018?regionCode=450600");
		assertThat(published.get("published").asBoolean()).isTrue();
		assertThat(published.get("publishedBy").asString()).isEqualTo("office");

		Long figure = jdbc.queryForObject("""
				select v.id from indicator_value v join reporting_period p on p.id = v.period_id and p.year = 2018
				join indicator i on i.id = v.indicator_id where i.code = 'FCG-02' and v.region_code = '450621'""", Long.class);
		BigDecimal before = jdbc.queryForObject("select value from indicator_value where id = ?", BigDecimal.class, figure);
		try {
			jdbc.update("update indicator_value set value = 40 where id = ?", figure);
			assertThat(api("leader", "/api/v1/assessments/2018?regionCode=450600")).isEqualTo(published);
		}
		finally {
			jdbc.update("update indicator_value set value = ? where id = ?", before, figure);
		}

		mvc.perform(post("/assessments/2018/publish").param("region", "450600").param("confirmed", "true")
			.param("preview", preview).with(as("office")).with(csrf()))
			.andExpect(flash().attribute("error", "assessment.alreadyPublished"));
		assertThatThrownBy(() -> jdbc.update("update assessment_result set score = 100 where year = 2018"))
			.rootCause().hasMessageContaining("frozen");
		assertThatThrownBy(() -> jdbc.update("delete from assessment_publication where year = 2018"))
			.rootCause().hasMessageContaining("frozen");
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_log where entity = 'assessment' and entity_id = 2018 and action = 'PUBLISH' and actor = 'office'",
				Integer.class)).isEqualTo(1);
		mvc.perform(post("/assessments/2018/scheme").with(as("office")).with(csrf()).params(scheme("0")))
			.andExpect(view().name("assessment/scheme"))
			.andExpect(model().attributeHasErrors("schemeForm"));
	}

	@Test
	void theOfficeSetsTheSchemeAndBadInputChangesNothing() throws Exception {
		mvc.perform(post("/assessments/2015/scheme").with(as("office")).with(csrf()).params(scheme("0"))
			.param("weights", "产品质量 = 2\nFCG-02 = 3"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.queryForObject("select count(*) from assessment_weight where year = 2015", Integer.class)).isEqualTo(2);
		assertThat(jdbc.queryForObject("select version from assessment_scheme where year = 2015", Long.class)).isEqualTo(1);

		mvc.perform(post("/assessments/2015/scheme").with(as("office")).with(csrf()).params(scheme("0"))
			.param("weights", "产品质量 = 2\n没有这个 = 3"))
			.andExpect(model().attributeHasFieldErrorCode("schemeForm", "weights", "assessment.weights.unknownKey"));
		var tooMany = scheme("1");
		tooMany.set("achieved", "120");
		mvc.perform(post("/assessments/2015/scheme").with(as("office")).with(csrf()).params(tooMany))
			.andExpect(model().attributeHasFieldErrors("schemeForm", "achieved"));
		// Someone saved meanwhile: version 0 is stale now.
		mvc.perform(post("/assessments/2015/scheme").with(as("office")).with(csrf()).params(scheme("0")).param("weights", ""))
			.andExpect(model().attributeHasErrors("schemeForm"));
		assertThat(jdbc.queryForObject("select count(*) from assessment_weight where year = 2015", Integer.class)).isEqualTo(2);

		mvc.perform(post("/assessments/2015/scheme").with(as("leader")).with(csrf()).params(scheme("1")))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from audit_log where entity = 'assessment_scheme' and entity_id = 2015",
				Integer.class)).isEqualTo(1);
	}

	@Test
	void aCountySeesItsOwnScoreButNotTheRanking() throws Exception {
		mvc.perform(get("/assessments?year=2019&region=450600").with(as("reporter-450681"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/assessments/2019?regionCode=450600").with(as("reporter-450681")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/assessments/2017/publish").param("region", "450600").with(as("reporter-450681")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/assessments/2019/regions/450602").with(as("reporter-450681"))).andExpect(status().isForbidden());

		String own = html("reporter-450681", "/assessments/2019/regions/450681");
		assertThat(own).contains("东兴市 年度考核得分（2019 年）", "逐项目标得分", "漏报").doesNotContain("港口区");
	}

	private org.springframework.util.MultiValueMap<String, String> scheme(String version) {
		org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
		form.add("achieved", "100");
		form.add("onTrack", "80");
		form.add("needsAcceleration", "50");
		form.add("offTrack", "20");
		form.add("overdue", "0");
		form.add("noData", "0");
		form.add("late", "1");
		form.add("missing", "2");
		form.add("returned", "0.5");
		form.add("version", version);
		return form;
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private String html(String username, String path) throws Exception {
		return mvc.perform(get(path).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private JsonNode api(String username, String path) throws Exception {
		return json.readTree(html(username, path));
	}

}
