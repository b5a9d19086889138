package cn.qualityportal.reporting;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One small organisation (a city, two districts and a county deactivated after 2041), built here,
 * on which every surface that says what is due agrees figure by figure with the obligation written
 * down by hand, and the city's roll-ups match sums done by hand: complete, partial and without the
 * deactivated county. Its years (2040–2043) are its own, so it meets no other test's data.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportingObligationTests {

	private static final String CITY = "990100";

	private static final String EAST = "990101";

	private static final String WEST = "990102";

	private static final String GONE = "990103";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Completeness completeness;

	@Autowired
	Assignments assignments;

	@Autowired
	ReportingPeriodRepository periods;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Long> bureau = new HashMap<>();

	private final Map<String, Long> housing = new HashMap<>();

	private final Map<Integer, Long> annual = new HashMap<>();

	@BeforeEach
	void organisation() {
		if (jdbc.queryForObject("select count(*) from region where code = ?", Integer.class, CITY) == 0) {
			build();
		}
		for (String code : List.of(CITY, EAST, WEST, GONE)) {
			bureau.put(code, jdbc.queryForObject("select id from department where region_code = ? and kind = 'MARKET_REGULATION'",
					Long.class, code));
			housing.put(code, jdbc.queryForObject("select id from department where region_code = ? and kind = 'HOUSING'",
					Long.class, code));
		}
		for (int year = 2040; year <= 2043; year++) {
			annual.put(year, jdbc.queryForObject("select id from reporting_period where year = ? and kind = 'ANNUAL'",
					Long.class, year));
		}
	}

	private void build() {
		accounts.region(CITY, "测试市", "CITY", null);
		accounts.region(EAST, "东区", "COUNTY", CITY);
		accounts.region(WEST, "西区", "COUNTY", CITY);
		accounts.region(GONE, "旧县", "COUNTY", CITY);
		for (String code : List.of(CITY, EAST, WEST, GONE)) {
			accounts.department(code, code + "市场监督管理局", "MARKET_REGULATION");
			accounts.department(code, code + "住房和城乡建设局", "HOUSING");
		}
		// 旧县 was merged away after 2041: it reported until then and counts in no later year.
		jdbc.update("update region set active = false, active_until = 2041 where code = ?", GONE);
		accounts.member("ob-office", CITY, true, Role.OFFICE);
		jdbc.update("update user_account set department_id = (select id from department where region_code = ? and kind = 'MARKET_REGULATION') where username = 'ob-office'", CITY);

		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation, reporting_frequency) values
				  ('OB-SUM', '新增名牌', 'BRAND', '个', 'COUNT', 'HIGHER', 'SUM', 'ANNUAL'),
				  ('OB-RATE', '抽查合格率', 'PRODUCT', '%', 'RATE', 'HIGHER', 'WEIGHTED', 'ANNUAL'),
				  ('OB-NONE', '质量竞争力指数', 'OTHER', '', 'INDEX', 'HIGHER', 'NONE', 'ANNUAL'),
				  ('OB-QTR', '抽查批次', 'PRODUCT', '批', 'COUNT', 'HIGHER', 'SUM', 'QUARTERLY'),
				  ('OB-DRAFT', '标准数', 'STANDARD', '项', 'COUNT', 'HIGHER', 'SUM', 'ANNUAL')""");
		long plan = document("测试市质量强市规划（2040—2045年）", "IN_FORCE", CITY);
		long draft = document("东区标准化行动（草稿）", "DRAFT", EAST);
		target("OB-SUM", CITY, plan, bureau(CITY));
		target("OB-NONE", CITY, plan, housing(CITY));
		target("OB-RATE", EAST, plan, bureau(EAST));
		target("OB-RATE", WEST, plan, bureau(WEST));
		target("OB-QTR", EAST, plan, bureau(EAST));
		target("OB-DRAFT", EAST, draft, bureau(EAST));
		for (int year = 2040; year <= 2043; year++) {
			jdbc.update("insert into reporting_period (year, kind, number, due_on, status) values (?, 'ANNUAL', 0, ?, 'OPEN')",
					year, LocalDate.of(year + 1, 1, 31));
		}
		jdbc.update("insert into reporting_period (year, kind, number, due_on, status) values (2042, 'QUARTERLY', 1, '2042-04-30', 'OPEN')");

		// The city's count, by hand: 2040 10+12+5 = 27 (3/3); 2041 14+15+6 = 35 (3/3);
		// 2042 only 东区 of the two active districts (partial; 旧县's late figure does not count);
		// 2043 22+25 = 47 (2/2, 旧县 no longer active).
		figure("OB-SUM", EAST, 2040, "10");
		figure("OB-SUM", WEST, 2040, "12");
		figure("OB-SUM", GONE, 2040, "5");
		figure("OB-SUM", EAST, 2041, "14");
		figure("OB-SUM", WEST, 2041, "15");
		figure("OB-SUM", GONE, 2041, "6");
		figure("OB-SUM", EAST, 2042, "20");
		figure("OB-SUM", GONE, 2042, "9");
		figure("OB-SUM", EAST, 2043, "22");
		figure("OB-SUM", WEST, 2043, "25");
		figure("OB-SUM", GONE, 2043, "9");
		figure("OB-RATE", EAST, 2042, "95");
		figure("OB-DRAFT", EAST, 2042, "3");
	}

	@Test
	void everySurfaceOwesWhatTheRuleSaysFigureByFigure() throws Exception {
		// By hand, for 2042: the city's sum is computed from its two active districts, so each of them owes it
		// (its bureau, like the city's lead); the index does not aggregate, so the city's housing bureau owes it;
		// the rate is owed where its targets are; the quarterly count yearly and quarterly; the draft nothing;
		// 旧县 nothing (inactive).
		Map<String, Set<String>> expected = new TreeMap<>(Map.of(
				CITY + "/HOUSING", Set.of("OB-NONE"),
				EAST + "/MARKET_REGULATION", Set.of("OB-SUM", "OB-RATE", "OB-QTR"),
				WEST + "/MARKET_REGULATION", Set.of("OB-SUM", "OB-RATE")));

		ReportingPeriod period = periods.findById(annual.get(2042)).orElseThrow();
		Map<String, Set<String>> grid = new TreeMap<>();
		Map<String, Integer> completenessExpected = new TreeMap<>();
		for (Completeness.UnitProgress unit : completeness.of(period, DataScope.EVERYTHING, LocalDate.of(2043, 6, 1))) {
			if (!unit.regionCode().startsWith("9901")) {
				continue;
			}
			String kind = jdbc.queryForObject("select kind from department where id = ?", String.class, unit.departmentId());
			String key = unit.regionCode() + "/" + kind;
			completenessExpected.put(key, unit.expected());
			grid.put(key, codes(assignments.of(unit.regionCode(), unit.departmentId(), 2042, "ANNUAL")));
		}
		assertThat(grid).isEqualTo(expected);
		assertThat(completenessExpected).isEqualTo(Map.of(CITY + "/HOUSING", 1, EAST + "/MARKET_REGULATION", 3,
				WEST + "/MARKET_REGULATION", 2));
		assertThat(codes(assignments.of(EAST, bureau(EAST), 2042, "QUARTERLY"))).containsExactly("OB-QTR");
		assertThat(codes(assignments.of(GONE, bureau(GONE), 2042, "ANNUAL"))).isEmpty();
		assertThat(codes(assignments.of(GONE, bureau(GONE), 2041, "ANNUAL"))).containsExactly("OB-SUM");

		// Reminders of the open periods: what 西区 still owes for 2042.
		assertThat(completeness.owedBy(WEST, bureau(WEST))
			.stream()
			.filter(owed -> owed.year() == 2042)
			.map(Completeness.Owed::indicatorName)).containsExactlyInAnyOrder("新增名牌", "抽查合格率");

		// The overview's completion: per region, the same figures.
		Object view = mvc.perform(get("/dashboards?region=" + CITY + "&year=2042").with(accounts.as("ob-office")))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("view");
		Map<String, Integer> overview = new TreeMap<>();
		for (Object completion : (List<?>) read(view, "completion")) {
			overview.put((String) read(completion, "regionCode"), (Integer) read(completion, "expected"));
		}
		assertThat(overview).isEqualTo(Map.of(CITY, 1, EAST, 3, WEST, 2));

		// The assessment's missing reports: 东区 reported the sum and the rate but not the quarterly count's
		// annual figure; 西区 reported nothing of its two.
		JsonNode ranking = api("/api/v1/assessments/2042?regionCode=" + CITY);
		Map<String, Integer> missing = new TreeMap<>();
		ranking.get("rows").forEach(row -> missing.put(row.get("score").get("regionCode").asString(),
				row.get("score").get("reporting").get("missing").asInt()));
		assertThat(missing).isEqualTo(Map.of(EAST, 1, WEST, 2));
	}

	@Test
	void theCitysRollUpNeverInventsAYearAndLeavesOutDeactivatedRegions() throws Exception {
		JsonNode complete = sum(2041);
		assertThat(complete.get("latestYear").asInt()).isEqualTo(2041);
		assertThat(complete.get("latestValue").decimalValue()).isEqualByComparingTo("35");
		assertThat(complete.get("explanation").asString()).contains("由 3/3 个下级地区合计");

		// 2042: only 东区 of the two active districts reported: partial, never the latest value.
		JsonNode partial = sum(2042);
		assertThat(partial.get("latestYear").asInt()).isEqualTo(2041);
		assertThat(partial.get("latestValue").decimalValue()).isEqualByComparingTo("35");
		assertThat(partial.get("explanation").asString()).contains("2042 年仅 1/2 个下级地区已报");

		// 2043: 旧县 is no longer active; its figure is left out and it is not counted among the regions below.
		JsonNode without = sum(2043);
		assertThat(without.get("latestYear").asInt()).isEqualTo(2043);
		assertThat(without.get("latestValue").decimalValue()).isEqualByComparingTo("47");
		assertThat(without.get("explanation").asString()).contains("由 2/2 个下级地区合计");
	}

	private JsonNode sum(int year) throws Exception {
		JsonNode rows = api("/api/v1/progress?regionCode=" + CITY + "&year=" + year);
		return rows.valueStream()
			.filter(row -> row.get("indicatorCode").asString().equals("OB-SUM"))
			.findFirst()
			.orElseThrow();
	}

	private JsonNode api(String path) throws Exception {
		return json.readTree(mvc.perform(get(path).with(accounts.as("ob-office")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private long bureau(String region) {
		return bureau.computeIfAbsent(region, code -> jdbc.queryForObject(
				"select id from department where region_code = ? and kind = 'MARKET_REGULATION'", Long.class, code));
	}

	private long housing(String region) {
		return housing.computeIfAbsent(region, code -> jdbc.queryForObject(
				"select id from department where region_code = ? and kind = 'HOUSING'", Long.class, code));
	}

	private long document(String title, String status, String region) {
		return jdbc.queryForObject("""
				insert into policy_document (title, issuer, level, region_code, issue_date, status)
				values (?, '测试市人民政府', 'CITY', ?, '2040-01-10', ?) returning id""", Long.class, title, region, status);
	}

	private void target(String indicator, String region, long document, long lead) {
		jdbc.update("""
				insert into target (indicator_id, region_code, document_id, comparator, value, unit, deadline_year, lead_department_id)
				select id, ?, ?, 'GE', 100, unit, 2045, ? from indicator where code = ?""", region, document, lead, indicator);
	}

	private void figure(String indicator, String region, int year, String value) {
		jdbc.update("""
				insert into indicator_value (indicator_id, region_code, period_id, value, status, updated_by)
				select i.id, ?, p.id, cast(? as numeric), 'APPROVED', 'test'
				from indicator i, reporting_period p where i.code = ? and p.year = ? and p.kind = 'ANNUAL'""", region, value,
				indicator, year);
	}

	private static Set<String> codes(List<Assignments.Assignment> rows) {
		Set<String> codes = new TreeSet<>();
		rows.forEach(row -> codes.add(row.indicatorCode()));
		return codes;
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

}
