package cn.qualityportal.dashboards;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.spreadsheets.Spreadsheets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Dashboards, their xlsx exports and the annual report (page and PDF) show a figure with the
 * precision declared on its indicator (docs/progress.md §6), recomputed here by hand: the demo's
 * 2019 pass rate FCG-02 of 防城区 (450603) is set to 90.7333 %.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
class FigurePrecisionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	private long valueId;

	private java.math.BigDecimal stored;

	@BeforeEach
	void aFigureWithFourDecimals() {
		valueId = jdbc.queryForObject("""
				select v.id from indicator_value v join reporting_period p on p.id = v.period_id
				join indicator i on i.id = v.indicator_id
				where i.code = 'FCG-02' and v.region_code = '450603' and p.year = 2019 and p.kind = 'ANNUAL'""", Long.class);
		stored = jdbc.queryForObject("select value from indicator_value where id = ?", java.math.BigDecimal.class, valueId);
		jdbc.update("update indicator_value set value = 90.7333, numerator = null, denominator = null where id = ?", valueId);
	}

	@AfterEach
	void restore() {
		jdbc.update("update indicator_value set value = ? where id = ?", stored, valueId);
		jdbc.update("update indicator set decimals = null where code = 'FCG-02'");
	}

	@Test
	void aRateShowsItsDeclaredDecimalsOnTheDashboardTheExportAndTheReport() throws Exception {
		// Declared 2 decimals: 90.7333 → 90.73 (half up), never 90.7333.
		declare("2");
		assertShown("90.73");
		// Declared 3: 90.7333 → 90.733.
		declare("3");
		assertShown("90.733");
		// Nothing declared: a rate has 1 decimal, 90.7333 → 90.7.
		declare("null");
		assertShown("90.7");
	}

	/**
	 * Declares the precision. The stored explanations are recomputed only on a recorded change, and
	 * the indicator trigger (V11) does not yet record a change of {@code decimals}: record it here.
	 */
	private void declare(String decimals) {
		jdbc.update("update indicator set decimals = " + decimals + " where code = 'FCG-02'");
		jdbc.update("insert into progress_change (indicator_id) select id from indicator where code = 'FCG-02'");
	}

	private void assertShown(String expected) throws Exception {
		String region = body("/dashboards/regions/450603?year=2019").replaceAll("data-chart=\"[^\"]*\"", "");
		assertThat(region).contains(">" + expected + "%</span>").doesNotContain("90.7333");

		String indicatorPage = body("/dashboards/indicators/"
				+ jdbc.queryForObject("select id from indicator where code = 'FCG-02'", Long.class) + "?year=2019");
		// The charts' data may stay exact (their tooltips); every table shows the declared decimals.
		assertThat(indicatorPage.replaceAll("data-chart=\"[^\"]*\"", "")).contains(">" + expected + "%")
			.doesNotContain("90.7333");

		List<SpreadsheetRow> rows = xlsx("/dashboards/regions/450603/export.xlsx?year=2019");
		int latest = rows.get(0).cells().indexOf("最新值");
		assertThat(latest).isNotNegative();
		assertThat(rows.stream().filter(row -> "FCG-02".equals(row.cell(1))).map(row -> row.cell(latest)))
			.isNotEmpty()
			.allMatch(expected::equals);

		// The explanation (region page, annual report page and PDF) names the same figure: the target
		// (≥ 93 % by 2020) is at risk, so the report lists it with its explanation.
		assertThat(region).contains("2019 年值 " + expected + "%");
		String report = body("/reports/450603/2019").replaceAll("data-chart=\"[^\"]*\"", "");
		assertThat(report).contains("2019 年值 " + expected + "%").doesNotContain("90.7333");
		String pdf = pdfText("/reports/450603/2019.pdf").replaceAll("\\s", "");
		assertThat(pdf).contains("2019年值" + expected + "%").doesNotContain("90.7333");
	}

	private String body(String path) throws Exception {
		return mvc.perform(get(path).with(user(users.loadUserByUsername("office"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private List<SpreadsheetRow> xlsx(String path) throws Exception {
		byte[] bytes = mvc.perform(get(path).with(user(users.loadUserByUsername("office"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return Spreadsheets.read("export.xlsx", new ByteArrayInputStream(bytes), 10_000_000, 100_000);
	}

	private String pdfText(String path) throws Exception {
		byte[] pdf = mvc.perform(get(path).with(user(users.loadUserByUsername("office"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
