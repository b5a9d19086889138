package cn.qualityportal.dashboards;

import java.math.BigDecimal;
import java.util.List;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.progress.ProgressRow;
import cn.qualityportal.progress.TargetStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A figure's way from the reporter's grid through the reviewer's approval to the leader's
 * dashboard, each step through the pages people use (the target and period are the fixture; no
 * step of the workflow is written in SQL). Same context as ReportingPagesTests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportedFigureJourneyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void aFigureEnteredAndApprovedMovesItsTargetOnTheLeadersDashboard() throws Exception {
		accounts.member("j-reporter", "450681", false, Role.REPORTER);
		accounts.member("j-reviewer", "450681", false, Role.REVIEWER);
		accounts.member("j-leader", "450600", true, Role.LEADER);
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values ('J-PASS', '旅程测试合格率', 'PRODUCT', '%', 'RATE', 'HIGHER', 'NONE')""");
		jdbc.update("""
				insert into policy_document (title, issuer, doc_number, level, region_code, status)
				values ('旅程测试文件', '东兴市人民政府', '东旅发〔2020〕1号', 'COUNTY', '450681', 'IN_FORCE')""");
		jdbc.update("""
				insert into target (indicator_id, region_code, document_id, comparator, value, baseline_year, deadline_year, unit,
				                    lead_department_id)
				select i.id, '450681', d.id, 'GE', 90, 2021, 2021, '%', dep.id
				from indicator i, policy_document d, department dep
				where i.code = 'J-PASS' and d.doc_number = '东旅发〔2020〕1号'
				  and dep.region_code = '450681' and dep.kind = 'MARKET_REGULATION'""");
		// Counts in 2021 only (its baseline year is its deadline), so it is owed in no other test's period.
		jdbc.update("insert into reporting_period (year, kind, number) values (2021, 'ANNUAL', 0) on conflict do nothing");
		long period = jdbc.queryForObject("select id from reporting_period where year = 2021 and kind = 'ANNUAL'", Long.class);

		assertThat(row(false)).extracting(ProgressRow::status).isEqualTo(TargetStatus.NO_DATA);

		mvc.perform(post("/reporting/" + period).with(accounts.as("j-reporter")).with(csrf())
			.param("action", "submit").param("rows[0].selected", "true").param("rows[0].indicatorCode", "J-PASS")
			.param("rows[0].numerator", "190").param("rows[0].denominator", "200"))
			.andExpect(flash().attribute("success", "reporting.submitted"));

		// Submitted but not approved: counts only when the leader asks to include figures under review.
		assertThat(row(false)).extracting(ProgressRow::status).isEqualTo(TargetStatus.NO_DATA);
		assertThat(row(true)).extracting(ProgressRow::status, ProgressRow::provisional)
			.containsExactly(TargetStatus.ACHIEVED, true);

		long id = jdbc.queryForObject("select v.id from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code = 'J-PASS' and v.period_id = ?", Long.class, period);
		mvc.perform(post("/reporting/review/" + id + "/approve").with(accounts.as("j-reviewer")).with(csrf()))
			.andExpect(flash().attribute("success", "reporting.approved"));

		// 190 / 200 = 95% ≥ 90% by the deadline year: achieved, on approved figures alone.
		ProgressRow approved = row(false);
		assertThat(approved.status()).isEqualTo(TargetStatus.ACHIEVED);
		assertThat(approved.provisional()).isFalse();
		assertThat(approved.latestYear()).isEqualTo(2021);
		assertThat(approved.latestValue()).isEqualByComparingTo(new BigDecimal("95"));
	}

	/** The J-PASS row of 东兴市's dashboard page as the city's leader sees it for 2021. */
	private ProgressRow row(boolean includeSubmitted) throws Exception {
		@SuppressWarnings("unchecked")
		List<ProgressRow> rows = (List<ProgressRow>) mvc
			.perform(get("/dashboards/regions/450681").param("year", "2021").param("submitted", "" + includeSubmitted)
				.with(accounts.as("j-leader")))
			.andExpect(status().isOk())
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("rows");
		return rows.stream().filter(row -> row.indicatorCode().equals("J-PASS")).findFirst().orElseThrow();
	}

}
