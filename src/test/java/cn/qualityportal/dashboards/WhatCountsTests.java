package cn.qualityportal.dashboards;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.qualityportal.reporting.Assignments;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 11 on the demo: only targets that count in a year are judged (drafts and documents not yet
 * in force change nothing), and every surface that says what is due says the same.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class WhatCountsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Assignments assignments;

	private final JsonMapper json = JsonMapper.builder().build();

	/** Seen defects 1 and 2. */
	@Test
	void draftsAndDocumentsNotYetInForceChangeNothingIn2019() throws Exception {
		Map<String, String> before = surfaces();
		long gangkouBureau = jdbc.queryForObject(
				"select id from department where region_code = '450602' and kind = 'MARKET_REGULATION'", Long.class);
		Long draft = null;
		Long from2024 = null;
		Long issued2026 = null;
		try {
			draft = document("港口区质量提升三年行动（草稿）", "DRAFT", "2025-01-01", null);
			from2024 = document("港口区质量强区行动计划（2024—2027年）", "IN_FORCE", "2023-12-20", "2024-01-01");
			issued2026 = document("港口区质量强区规划（2026—2030年）", "IN_FORCE", "2026-03-01", null);
			// The draft repeats an indicator the district is already judged on, as in the defect.
			target(draft, "FCG-02", 2025, 2016, gangkouBureau);
			target(draft, "FCG-03", 2025, null, gangkouBureau);
			target(draft, "FCG-17", 2025, 2017, gangkouBureau);
			target(from2024, "FCG-02", 2027, 2017, gangkouBureau);
			target(issued2026, "FCG-02", 2030, 2017, gangkouBureau);

			Map<String, String> after = surfaces();
			assertThat(after).isEqualTo(before);

			String page = html("office", "/documents/" + draft);
			assertThat(page).contains("草稿：本文件的目标不计入进展、看板、考核和填报任务");
		}
		finally {
			for (Long id : new Long[] { draft, from2024, issued2026 }) {
				if (id != null) {
					jdbc.update("delete from target where document_id = ?", id);
					jdbc.update("delete from policy_document where id = ?", id);
				}
			}
		}
	}

	/** The worked examples of docs/progress.md §0, row by row. */
	@Test
	void theYearsATargetCountsInFollowTheWrittenRule() {
		long bureau = jdbc.queryForObject(
				"select id from department where region_code = '450602' and kind = 'MARKET_REGULATION'", Long.class);
		List<Long> documents = new java.util.ArrayList<>();
		try {
			long draft = document("港口区（草稿）", "DRAFT", "2025-01-01", null);
			long from2024 = document("港口区（2024年起）", "IN_FORCE", "2023-12-20", "2024-01-01");
			long issued2026 = document("港口区（2026年印发）", "IN_FORCE", "2026-03-01", null);
			long repealed = document("港口区（2018年废止）", "IN_FORCE", "2015-04-01", null);
			documents.addAll(List.of(draft, from2024, issued2026, repealed));
			jdbc.update("update policy_document set status = 'REPEALED', repealed_on = '2018-07-01' where id = ?", repealed);
			target(draft, "FCG-02", 2025, 2016, bureau);
			target(from2024, "FCG-02", 2027, 2017, bureau);
			target(issued2026, "FCG-02", 2030, 2017, bureau);
			target(repealed, "FCG-02", 2025, null, bureau);

			assertThat(years(draft)).isNull();
			assertThat(years(from2024)).isEqualTo("2024-2027");
			assertThat(years(issued2026)).isEqualTo("2026-2030");
			assertThat(years(repealed)).isEqualTo("2015-2018");
			assertThat(jdbc.queryForObject("""
					select c.first_year || '-' || c.last_year from counted_target c join target t on t.id = c.target_id
					join indicator i on i.id = t.indicator_id join policy_document d on d.id = t.document_id
					where d.doc_number = '防政发〔2017〕14号' and t.region_code = '450603' and i.code = 'FCG-02'""", String.class))
				.isEqualTo("2017-2020");
		}
		finally {
			for (Long id : documents) {
				jdbc.update("delete from target where document_id = ?", id);
				jdbc.update("delete from policy_document where id = ?", id);
			}
		}
	}

	private String years(long document) {
		return jdbc.query("select c.first_year || '-' || c.last_year from counted_target c where c.document_id = ?",
				(rs, row) -> rs.getString(1), document).stream().findFirst().orElse(null);
	}

	/** Seen defect 7, and "completeness, overview and assessment agree on what each region owes for 2019". */
	@Test
	void completenessOverviewAssessmentAndTheGridAgreeOnWhatIsDueIn2019() throws Exception {
		long period = jdbc.queryForObject("select id from reporting_period where year = 2019 and kind = 'ANNUAL'", Long.class);
		List<?> units = (List<?>) mvc.perform(get("/reporting/completeness?period=" + period).with(as("office")))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("units");
		// Every demo indicator aggregates and the city has four active counties: the city owes nothing itself.
		assertThat(units).isNotEmpty().noneMatch(unit -> "450600".equals(read(unit, "regionCode")));

		Object view = mvc.perform(get("/dashboards?year=2019").with(as("office")))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("view");
		Map<String, Integer> overviewExpected = new HashMap<>();
		Map<String, Integer> overviewSubmitted = new HashMap<>();
		for (Object completion : (List<?>) read(view, "completion")) {
			overviewExpected.put((String) read(completion, "regionCode"), (Integer) read(completion, "expected"));
			overviewSubmitted.put((String) read(completion, "regionCode"), (Integer) read(completion, "submitted"));
		}
		assertThat(overviewExpected).doesNotContainKey("450600");
		JsonNode ranking = api("office", "/api/v1/assessments/2019?regionCode=450600");

		for (String county : List.of("450602", "450603", "450621", "450681")) {
			// The grid (and the template, built from the same rows) of every unit of the county.
			Set<Long> owed = new HashSet<>();
			for (Object unit : units) {
				if (!county.equals(read(unit, "regionCode"))) {
					continue;
				}
				List<Assignments.Assignment> rows = assignments.of(county, (Long) read(unit, "departmentId"), 2019, "ANNUAL");
				assertThat(rows).as("grid rows of unit %s", read(unit, "departmentName")).hasSize((Integer) read(unit, "expected"));
				rows.forEach(row -> owed.add(row.indicatorId()));
			}
			assertThat(owed).as("what %s owes", county).isNotEmpty().hasSize(overviewExpected.get(county));
			// Hand count: of what is owed, the figures never submitted for 2019.
			int missing = 0;
			int submitted = 0;
			for (long indicator : owed) {
				Integer done = jdbc.queryForObject("""
						select count(*) from indicator_value v join reporting_period p on p.id = v.period_id
						where p.year = 2019 and p.kind = 'ANNUAL' and v.region_code = ? and v.indicator_id = ?
						  and v.status in ('SUBMITTED', 'APPROVED')""", Integer.class, county, indicator);
				missing += done == 0 ? 1 : 0;
				submitted += done;
			}
			assertThat(overviewSubmitted.get(county)).isEqualTo(submitted);
			JsonNode row = ranking.get("rows").valueStream()
				.filter(r -> r.get("score").get("regionCode").asString().equals(county))
				.findFirst()
				.orElseThrow();
			assertThat(row.get("score").get("reporting").get("missing").asInt()).as("missing of %s", county).isEqualTo(missing);
		}
	}

	/** What a reader of 2019 sees of 港口区 and of the city, as text. */
	private Map<String, String> surfaces() throws Exception {
		Map<String, String> surfaces = new HashMap<>();
		surfaces.put("progress 450602 2019", html("office", "/api/v1/progress?regionCode=450602&year=2019"));
		surfaces.put("progress 450602 2020", html("office", "/api/v1/progress?regionCode=450602&year=2020"));
		for (int year : new int[] { 2018, 2019, 2020, 2021 }) {
			surfaces.put("assessment " + year, html("office", "/api/v1/assessments/" + year + "?regionCode=450600"));
		}
		surfaces.put("overview 2019", withoutTokens(html("leader", "/dashboards?year=2019")));
		surfaces.put("region 450602 2019", withoutTokens(html("leader", "/dashboards/regions/450602?year=2019")));
		long period = jdbc.queryForObject("select id from reporting_period where year = 2019 and kind = 'ANNUAL'", Long.class);
		surfaces.put("completeness 2019", withoutTokens(html("office", "/reporting/completeness?period=" + period)));
		return surfaces;
	}

	private long document(String title, String status, String issued, String effective) {
		return jdbc.queryForObject("""
				insert into policy_document (title, issuer, level, region_code, issue_date, effective_from, status)
				values (?, '防城港市港口区人民政府', 'COUNTY', '450602', cast(? as date), cast(? as date), ?) returning id""",
				Long.class, title, issued, effective, status);
	}

	private void target(long document, String indicator, int deadline, Integer baseline, long lead) {
		jdbc.update("""
				insert into target (indicator_id, region_code, document_id, comparator, value, unit, baseline_year,
				                    deadline_year, lead_department_id)
				select id, '450602', ?, 'GE', 99, unit, ?, ?, ? from indicator where code = ?""", document, baseline,
				deadline, lead, indicator);
	}

	private static String withoutTokens(String html) {
		return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("content=\"[^\"]*\" name=\"_csrf\"", "")
			.replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\"", "");
	}

	private static Object read(Object record, String component) {
		for (RecordComponent part : record.getClass().getRecordComponents()) {
			if (part.getName().equals(component)) {
				try {
					part.getAccessor().setAccessible(true);
					return part.getAccessor().invoke(record);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		throw new IllegalArgumentException(component);
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
