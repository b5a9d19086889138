package cn.qualityportal.dashboards;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The portal's own target and indicator pages tell the whole story: a target's figures, trend,
 * forecast and status beside its terms; an indicator's definition and downloads with the API's numbers.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class TargetPageProgressTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theTargetPageShowsItsFiguresTrendForecastAndStatusAsTheApiHasThem() throws Exception {
		JsonNode api = json.readTree(body("reporter-450603", "/api/v1/progress?regionCode=450603&year=2019"));
		JsonNode row = null;
		for (JsonNode candidate : api) {
			if (candidate.get("indicatorCode").asString().equals("FCG-02")) {
				row = candidate;
			}
		}
		assertThat(row).isNotNull();
		String page = body("reporter-450603", "/targets/" + row.get("targetId").asLong());

		assertThat(page).contains("数据与进展", "2019 年进展", "历年数据", "趋势", "目标年预测", "年度目标",
				escaped(row.get("explanation").asString()), statusBadge(row.get("status").asString()));
		// Every approved figure of the county up to 2019 is in the table, with a rate's 1 decimal (none declared).
		List<BigDecimal> figures = jdbc.queryForList("""
				select v.value from indicator_value v join reporting_period p on p.id = v.period_id
				join indicator i on i.id = v.indicator_id
				where i.code = 'FCG-02' and v.region_code = '450603' and v.status = 'APPROVED' and p.kind = 'ANNUAL' and p.year <= 2019""",
				BigDecimal.class);
		assertThat(figures).isNotEmpty();
		for (BigDecimal figure : figures) {
			assertThat(page).contains(">" + cn.qualityportal.targets.Figures.format(figure, 1) + "%<");
		}
		// Its terms, milestones and parent stay beside it.
		assertThat(page).contains("年度目标", "分解自");
	}

	@Test
	void theIndicatorPageHasItsDefinitionAndDownloadsWithTheNumbersOfTheApi() throws Exception {
		long indicator = jdbc.queryForObject("select id from indicator where code = 'FCG-02'", Long.class);
		String page = body("leader", "/dashboards/indicators/" + indicator + "?year=2019");
		assertThat(page).contains("口径", "数据提供单位", "填报频次", "越高越好", "figures.csv", "figures.xlsx", "data-chart=");

		byte[] csv = mvc.perform(get("/dashboards/indicators/" + indicator + "/figures.csv?year=2019").with(as("leader")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<SpreadsheetRow> rows = Spreadsheets.read("f.csv", new ByteArrayInputStream(csv), 10_000_000, 100_000);
		assertThat(rows.get(0).cell(0)).isEqualTo("指标代码");
		int compared = 0;
		for (JsonNode row : json.readTree(body("leader", "/api/v1/progress?regionCode=450681&year=2019"))) {
			if (!row.get("indicatorCode").asString().equals("FCG-02") || row.get("latestValue").isNull()) {
				continue;
			}
			String year = row.get("latestYear").asString();
			assertThat(rows).anySatisfy(line -> {
				assertThat(line.cell(2)).isEqualTo("450681");
				assertThat(line.cell(4)).isEqualTo(year);
				assertThat(new BigDecimal(line.cell(5))).isEqualByComparingTo(row.get("latestValue").decimalValue());
			});
			compared++;
		}
		assertThat(compared).isPositive();
		// Outside the reader's scope: nothing.
		byte[] county = mvc.perform(get("/dashboards/indicators/" + indicator + "/figures.csv?year=2019").with(as("reporter-450681")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(county, StandardCharsets.UTF_8)).contains("450681").doesNotContain("450603", "防城区");
	}

	private static String statusBadge(String status) {
		return "status-" + status;
	}

	private String body(String username, String path) throws Exception {
		return mvc.perform(get(path).with(as(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private static String escaped(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
