package cn.qualityportal.dashboards;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.spreadsheets.Spreadsheets;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboard pages on the demo: what leadership sees, that it matches the API, and that scopes hold. */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class DashboardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void leadershipLandsOnTheOverviewOfTheirCityWithItsCountiesRanked() throws Exception {
		mvc.perform(get("/").with(as("leader"))).andExpect(redirectedUrl("/dashboards"));
		mvc.perform(get("/").with(as("office"))).andExpect(redirectedUrl("/dashboards"));
		mvc.perform(get("/").with(as("reporter-450681"))).andExpect(status().isOk());

		String page = html("leader", "/dashboards?year=2019");

		assertThat(page).contains("防城港市 目标进展总览（2019 年）", "港口区", "防城区", "上思县", "东兴市", "下级地区排名",
				"data-chart=", "与 2018 年相比状态变化", "2019 年度填报完成情况");
		// Every status count in the area table adds up to the number of targets of the city and its counties.
		Integer targets = jdbc.queryForObject("select count(*) from target where region_code like '4506%'", Integer.class);
		Matcher cells = Pattern.compile("<td class=\"text-end\">(\\d+)</td>").matcher(
				page.substring(page.indexOf("各目标领域的状态</caption>"), page.indexOf("地区 × 目标领域</h2>")));
		int sum = 0;
		while (cells.find()) {
			sum += Integer.parseInt(cells.group(1));
		}
		assertThat(sum).isEqualTo(targets);
	}

	@Test
	void theRegionPageShowsTheSameStatusesAndExplanationsAsTheApi() throws Exception {
		String page = html("reporter-450602", "/dashboards/regions/450602?year=2019");
		JsonNode api = json.readTree(body("reporter-450602", "/api/v1/progress?regionCode=450602&year=2019"));

		assertThat(api.size()).isPositive();
		for (JsonNode row : api) {
			assertThat(page).contains(escaped(row.get("explanation").asString()));
		}
		assertThat(page).contains("年度报告");
	}

	@Test
	void aDistrictUserSeesOnlyTheirDistrictOnEveryPage() throws Exception {
		mvc.perform(get("/dashboards/regions/450603").with(as("reporter-450681"))).andExpect(status().isForbidden());
		mvc.perform(get("/dashboards?region=450600").with(as("reporter-450681"))).andExpect(status().isForbidden());
		mvc.perform(get("/dashboards/regions/450603/export.xlsx").with(as("reporter-450681"))).andExpect(status().isForbidden());
		long otherBureau = jdbc.queryForObject("select id from department where region_code = '450603' and kind = 'MARKET_REGULATION'",
				Long.class);
		mvc.perform(get("/dashboards/departments/" + otherBureau).with(as("reporter-450681"))).andExpect(status().isForbidden());

		// The city document's scorecard, read by a county: only that county's cascaded targets.
		long cityDocument = jdbc.queryForObject("select id from policy_document where doc_number = '防政发〔2017〕14号'", Long.class);
		String scorecard = html("reporter-450681", "/dashboards/documents/" + cityDocument + "?year=2019");
		assertThat(scorecard).contains("东兴市").doesNotContain("港口区", "防城区", "上思县");
		List<SpreadsheetRow> exported = xlsx("reporter-450681", "/dashboards/documents/" + cityDocument + "/export.xlsx?year=2019");
		assertThat(exported.subList(1, exported.size())).isNotEmpty()
			.allSatisfy(row -> assertThat(row.cell(3)).isEqualTo("450681"));
		String cityWide = html("office", "/dashboards/documents/" + cityDocument + "?year=2019");
		assertThat(cityWide).contains("港口区", "防城区", "上思县", "东兴市", "防城港市");
	}

	@Test
	void pagesOfDepartmentsAndIndicatorsCompareAndList() throws Exception {
		long bureau = jdbc.queryForObject("select id from department where region_code = '450681' and kind = 'MARKET_REGULATION'",
				Long.class);
		assertThat(html("reporter-450681", "/dashboards/departments/" + bureau + "?year=2019"))
			.contains("牵头或配合的目标", "尚未报送的数据", "全市制造业产品质量监督抽查合格率");

		long passRate = jdbc.queryForObject("select id from indicator where code = 'FCG-02'", Long.class);
		String indicator = html("office", "/dashboards/indicators/" + passRate + "?year=2019");
		assertThat(indicator).contains("各地区比较", "各地区历年数据", "港口区", "东兴市", "≥ 93%");
		// The city is its counties' reference, never ranked among them (issue #11, seen defect 9).
		assertThat(indicator).contains("防城港市（参照，不参与排名）");
		mvc.perform(get("/dashboards/indicators/" + passRate + "?year=2019").with(as("office")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model().attribute("ranked",
					org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.hasToString(
							org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("regionCode=450600,"))))));
	}

	@Test
	void exportsCarryThePagesRows() throws Exception {
		List<SpreadsheetRow> rows = xlsx("office", "/dashboards/regions/450600/export.xlsx?year=2019");
		JsonNode api = json.readTree(body("office", "/api/v1/progress?regionCode=450600&year=2019"));

		assertThat(rows.get(0).cells()).contains("指标", "所属地区", "状态");
		assertThat(rows.subList(1, rows.size())).hasSize(api.size());
		List<SpreadsheetRow> overview = xlsx("office", "/dashboards/overview.xlsx?region=450600&year=2019");
		assertThat(overview).isNotEmpty();
	}

	@Test
	void aBadYearIsRefusedWithoutAnError() throws Exception {
		mvc.perform(get("/dashboards?year=99999").with(as("leader"))).andExpect(status().isBadRequest());
		mvc.perform(get("/dashboards/regions/450600?status=NOPE").with(as("leader"))).andExpect(status().isBadRequest());
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	/** First-use check: a printed page had no sign that figures awaiting review were counted (the filters are not printed). */
	@Test
	void aPageCountingFiguresAwaitingReviewSaysSoOnPaper() throws Exception {
		String note = "本页计入了待审核数据";
		assertThat(html("leader", "/dashboards/regions/450681?year=2019&submitted=true")).contains(note).contains("d-print-block");
		assertThat(html("leader", "/dashboards/regions/450681?year=2019")).doesNotContain(note);
		assertThat(html("leader", "/dashboards?year=2019&submitted=true")).contains(note);
	}

	private String html(String username, String path) throws Exception {
		return body(username, path);
	}

	private String body(String username, String path) throws Exception {
		return mvc.perform(get(path).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private List<SpreadsheetRow> xlsx(String username, String path) throws Exception {
		byte[] bytes = mvc.perform(get(path).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return Spreadsheets.read("export.xlsx", new ByteArrayInputStream(bytes), 10_000_000, 100_000);
	}

	private static String escaped(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
