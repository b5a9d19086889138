package cn.qualityportal.reporting;

import cn.qualityportal.TestAccounts;
import cn.qualityportal.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The reporter's grid and the reviewer's queue, on what the unit's targets assign it. */
@SpringBootTest
@AutoConfigureMockMvc
class ReportingPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestAccounts accounts;

	long period;

	@BeforeEach
	void data() {
		accounts.member("p-reporter", "450681", false, Role.REPORTER);
		accounts.member("p-reviewer", "450681", false, Role.REVIEWER);
		accounts.member("p-reviewer-gangkou", "450602", false, Role.REVIEWER);
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values ('P-PASS', '页面测试合格率', 'PRODUCT', '%', 'RATE', 'HIGHER', 'WEIGHTED') on conflict do nothing""");
		jdbc.update("""
				insert into policy_document (title, issuer, doc_number, level, region_code, status)
				values ('填报测试文件', '东兴市人民政府', '东填发〔2020〕1号', 'COUNTY', '450681', 'IN_FORCE') on conflict do nothing""");
		jdbc.update("""
				insert into target (indicator_id, region_code, document_id, comparator, value, deadline_year, unit, lead_department_id)
				select i.id, '450681', d.id, 'GE', 95, 2022, '%', dep.id
				from indicator i, policy_document d, department dep
				where i.code = 'P-PASS' and d.doc_number = '东填发〔2020〕1号'
				  and dep.region_code = '450681' and dep.kind = 'MARKET_REGULATION'
				on conflict do nothing""");
		// Reported every quarter too, so the quarterly periods below ask for it.
		jdbc.update("update indicator set reporting_frequency = 'QUARTERLY' where code = 'P-PASS'");
		jdbc.update("insert into reporting_period (year, kind, number) values (2021, 'ANNUAL', 0) on conflict do nothing");
		period = jdbc.queryForObject("select id from reporting_period where year = 2021 and kind = 'ANNUAL'", Long.class);
	}

	@Test
	void aReporterFillsSubmitsIsReturnedCorrectsAndIsApproved() throws Exception {
		mvc.perform(get("/reporting").param("period", "" + period).with(accounts.as("p-reporter")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面测试合格率")))
			.andExpect(content().string(containsString("≥ 95%")));

		mvc.perform(post("/reporting/" + period).with(accounts.as("p-reporter")).with(csrf()).param("action", "submit").param("rows[0].selected", "true")
			.param("rows[0].indicatorCode", "P-PASS").param("rows[0].numerator", "210").param("rows[0].denominator", "200"))
			.andExpect(model().attributeHasFieldErrorCode("form", "rows[0].numerator", "validation.reportedValue.numeratorAbove"))
			.andExpect(content().string(containsString("分子不能大于分母")));
		assertThat(count()).isZero();

		mvc.perform(post("/reporting/" + period).with(accounts.as("p-reporter")).with(csrf()).param("action", "submit").param("rows[0].selected", "true")
			.param("rows[0].indicatorCode", "P-PASS").param("rows[0].numerator", "188").param("rows[0].denominator", "200"))
			.andExpect(flash().attribute("success", "reporting.submitted"));
		long id = jdbc.queryForObject("select v.id from indicator_value v join indicator i on i.id = v.indicator_id "
				+ "where i.code = 'P-PASS' and v.period_id = ?", Long.class, period);

		mvc.perform(get("/reporting/review").with(accounts.as("p-reviewer-gangkou")))
			.andExpect(content().string(containsString("没有待审核的数据")));
		mvc.perform(post("/reporting/review/" + id + "/return").with(accounts.as("p-reviewer-gangkou")).with(csrf()).param("reason", "越权"))
			.andExpect(flash().attribute("error", "error.404.detail"));
		// Filtered to the indicator, as a reviewer of a long queue does: tests sharing this database fill it.
		mvc.perform(get("/reporting/review").param("indicator", "P-PASS").with(accounts.as("p-reviewer")))
			.andExpect(content().string(containsString("页面测试合格率")))
			.andExpect(content().string(containsString("188")));
		mvc.perform(post("/reporting/review/" + id + "/return").with(accounts.as("p-reviewer")).with(csrf()).param("reason", "请核对分母"))
			.andExpect(flash().attribute("success", "reporting.returned"));

		mvc.perform(get("/reporting").param("period", "" + period).with(accounts.as("p-reporter")))
			.andExpect(content().string(containsString("请核对分母")))
			.andExpect(content().string(containsString("已退回")));
		long version = jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, id);
		mvc.perform(post("/reporting/" + period).with(accounts.as("p-reporter")).with(csrf()).param("action", "submit").param("rows[0].selected", "true")
			.param("rows[0].indicatorCode", "P-PASS").param("rows[0].numerator", "188").param("rows[0].denominator", "196")
			.param("rows[0].version", "" + version))
			.andExpect(flash().attribute("success", "reporting.submitted"));
		mvc.perform(post("/reporting/review/" + id + "/approve").with(accounts.as("p-reviewer")).with(csrf()))
			.andExpect(flash().attribute("success", "reporting.approved"));
		assertThat(jdbc.queryForObject("select status || ':' || value from indicator_value where id = ?", String.class, id))
			.isEqualTo("APPROVED:95.9184");
		// An approved row is read-only on the form; whatever is posted for it leaves it alone.
		mvc.perform(post("/reporting/" + period).with(accounts.as("p-reporter")).with(csrf()).param("action", "submit").param("rows[0].selected", "true")
			.param("rows[0].indicatorCode", "P-PASS").param("rows[0].numerator", "1").param("rows[0].denominator", "2"))
			.andExpect(flash().attribute("success", "reporting.submitted"));
		assertThat(jdbc.queryForObject("select status || ':' || value from indicator_value where id = ?", String.class, id))
			.isEqualTo("APPROVED:95.9184");
		assertThat(jdbc.queryForList("select action from audit_log where entity = 'indicator_value' and entity_id = ? order by id",
				String.class, id)).containsExactly("CREATE", "SUBMIT", "RETURN", "UPDATE", "SUBMIT", "APPROVE");
	}

	@Test
	void completenessNamesTheUnitsThatHaveNotReportedAndTheReporterSeesWhatTheyOwe() throws Exception {
		accounts.member("p-office", "450600", true, Role.OFFICE);
		jdbc.update("insert into reporting_period (year, kind, number, due_on) values (2019, 'ANNUAL', 0, date '2020-01-31') on conflict do nothing");
		jdbc.update("update reporting_period set due_on = date '2020-01-31' where year = 2019 and kind = 'ANNUAL'");
		long late = jdbc.queryForObject("select id from reporting_period where year = 2019 and kind = 'ANNUAL'", Long.class);
		mvc.perform(get("/reporting/completeness").param("period", "" + late).with(accounts.as("p-office")))
			.andExpect(status().isOk())
			.andExpect(model().attribute("units", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.hasToString(containsString("regionCode=450681")),
					org.hamcrest.Matchers.hasToString(containsString("missing=1")),
					org.hamcrest.Matchers.hasToString(containsString("overdue=true"))))))
			.andExpect(content().string(containsString("已逾期")));
		mvc.perform(get("/").with(accounts.as("p-reporter")))
			.andExpect(content().string(containsString("待填报数据")))
			.andExpect(content().string(containsString("页面测试合格率")));
		// A deactivated department no longer counts as a unit that has to report.
		jdbc.update("update department set active = false where region_code = '450681' and kind = 'MARKET_REGULATION'");
		try {
			mvc.perform(get("/reporting/completeness").param("period", "" + late).with(accounts.as("p-office")))
				.andExpect(model().attribute("units", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
						org.hamcrest.Matchers.hasToString(containsString("regionCode=450681"))))));
		}
		finally {
			jdbc.update("update department set active = true where region_code = '450681' and kind = 'MARKET_REGULATION'");
		}
		mvc.perform(get("/reporting/completeness").with(accounts.as("p-reporter"))).andExpect(status().isForbidden());
	}

	@Test
	void theOfficeOpensAPeriodOnItsPageAndReviewersReturnOrApproveSeveralAtOnce() throws Exception {
		accounts.member("p-office", "450600", true, Role.OFFICE);
		mvc.perform(post("/reporting/periods").with(accounts.as("p-office")).with(csrf()).param("year", "2024").param("kind", "QUARTERLY")
			.param("number", "2").param("dueOn", "2024-07-15")).andExpect(flash().attribute("success", "flash.saved"));
		mvc.perform(post("/reporting/periods").with(accounts.as("p-office")).with(csrf()).param("year", "2024").param("kind", "QUARTERLY")
			.param("number", "7")).andExpect(flash().attribute("error", "validation.period.invalid"));
		long quarter = jdbc.queryForObject("select id from reporting_period where year = 2024 and kind = 'QUARTERLY' and number = 2",
				Long.class);
		mvc.perform(get("/reporting/periods").with(accounts.as("p-office"))).andExpect(content().string(containsString("2024-07-15")));
		mvc.perform(post("/reporting/" + quarter).with(accounts.as("p-reporter")).with(csrf()).param("action", "submit").param("rows[0].selected", "true")
			.param("rows[0].indicatorCode", "P-PASS").param("rows[0].value", "96"))
			.andExpect(flash().attribute("success", "reporting.submitted"));
		long id = jdbc.queryForObject("select id from indicator_value where period_id = ?", Long.class, quarter);
		mvc.perform(post("/reporting/review/decide").with(accounts.as("p-reviewer")).with(csrf()).param("ids", "" + id)
			.param("decision", "return").param("reason", " "))
			.andExpect(flash().attribute("error", "reporting.reasonRequired"));
		assertThat(jdbc.queryForObject("select status from indicator_value where id = ?", String.class, id)).isEqualTo("SUBMITTED");
		mvc.perform(post("/reporting/review/decide").with(accounts.as("p-reviewer")).with(csrf()).param("ids", "" + id, "999999")
			.param("decision", "return").param("reason", "季度数据口径有误"))
			.andExpect(flash().attribute("manyOutcome", "reporting.returnedMany"))
			.andExpect(flash().attribute("doneCount", 1))
			.andExpect(flash().attribute("refusedCount", 1));
		assertThat(jdbc.queryForObject("select status || ' ' || return_reason from indicator_value where id = ?", String.class, id))
			.isEqualTo("RETURNED 季度数据口径有误");

		long version = jdbc.queryForObject("select version from indicator_value where id = ?", Long.class, id);
		mvc.perform(post("/reporting/" + quarter).with(accounts.as("p-reporter")).with(csrf()).param("action", "submit").param("rows[0].selected", "true")
			.param("rows[0].indicatorCode", "P-PASS").param("rows[0].value", "95").param("rows[0].version", "" + version))
			.andExpect(flash().attribute("success", "reporting.submitted"));
		mvc.perform(post("/reporting/review/decide").with(accounts.as("p-reviewer")).with(csrf()).param("ids", "" + id, "999999")
			.param("decision", "approve"))
			.andExpect(flash().attribute("manyOutcome", "reporting.approvedMany"))
			.andExpect(flash().attribute("doneCount", 1))
			.andExpect(flash().attribute("refusedCount", 1));
		assertThat(jdbc.queryForObject("select status from indicator_value where id = ?", String.class, id)).isEqualTo("APPROVED");

		// Closing the period asks first (issue #11, seen defect 5): the page says what closing does; only the confirmation closes.
		mvc.perform(post("/reporting/periods/" + quarter + "/close").with(accounts.as("p-office")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("关闭填报期 2024 Q2 后")))
			// A closed period can be reopened: the page must not say closing cannot be undone.
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("此操作不能撤销"))));
		assertThat(jdbc.queryForObject("select status from reporting_period where id = ?", String.class, quarter)).isEqualTo("OPEN");
		mvc.perform(post("/reporting/periods/" + quarter + "/close").param("confirmed", "true").with(accounts.as("p-office"))
			.with(csrf())).andExpect(flash().attribute("success", "flash.saved"));
		assertThat(jdbc.queryForObject("select status from reporting_period where id = ?", String.class, quarter)).isEqualTo("CLOSED");
	}

	@Test
	void aSecondReporterSavingOverAFigureSeesItAndSavesOnlyWhenTheyChooseTo() throws Exception {
		accounts.member("p-reporter-2", "450681", false, Role.REPORTER);
		jdbc.update("insert into reporting_period (year, kind, number) values (2022, 'ANNUAL', 0) on conflict do nothing");
		long year2022 = jdbc.queryForObject("select id from reporting_period where year = 2022 and kind = 'ANNUAL'", Long.class);
		jdbc.update("delete from indicator_value where period_id = ?", year2022);
		mvc.perform(post("/reporting/" + year2022).with(accounts.as("p-reporter")).with(csrf()).param("action", "save")
			.param("rows[0].indicatorCode", "P-PASS").param("rows[0].value", "94.5"))
			.andExpect(flash().attribute("success", "reporting.saved"));
		long version = jdbc.queryForObject("select version from indicator_value where period_id = ?", Long.class, year2022);

		// The second reporter opened the form before the first saved: no version.
		mvc.perform(post("/reporting/" + year2022).with(accounts.as("p-reporter-2")).with(csrf()).param("action", "save")
			.param("rows[0].indicatorCode", "P-PASS").param("rows[0].value", "96"))
			.andExpect(model().attributeHasFieldErrorCode("form", "rows[0].value", "conflict.changedMeanwhile"))
			.andExpect(content().string(containsString("当前保存的数值：94.5（测试 p-reporter 保存）")))
			.andExpect(content().string(containsString("value=\"96\"")))
			.andExpect(content().string(containsString("value=\"" + version + "\"")));
		assertThat(jdbc.queryForObject("select value from indicator_value where period_id = ?", String.class, year2022))
			.isEqualTo("94.5000");

		mvc.perform(post("/reporting/" + year2022).with(accounts.as("p-reporter-2")).with(csrf()).param("action", "save")
			.param("rows[0].indicatorCode", "P-PASS").param("rows[0].value", "96").param("rows[0].version", "" + version))
			.andExpect(flash().attribute("success", "reporting.saved"));
		assertThat(jdbc.queryForObject("select value || ' ' || updated_by from indicator_value where period_id = ?",
				String.class, year2022)).isEqualTo("96.0000 p-reporter-2");
	}

	@Test
	void aQuarterAsksOnlyForQuarterlyIndicatorsAndRefusesOthers() throws Exception {
		jdbc.update("""
				insert into indicator (code, name, category, unit, value_type, direction, aggregation)
				values ('P-YEARLY', '页面测试年报指标', 'BRAND', '个', 'COUNT', 'HIGHER', 'SUM') on conflict do nothing""");
		jdbc.update("""
				insert into target (indicator_id, region_code, document_id, comparator, value, deadline_year, unit, lead_department_id)
				select i.id, '450681', d.id, 'GE', 5, 2022, '个', dep.id
				from indicator i, policy_document d, department dep
				where i.code = 'P-YEARLY' and d.doc_number = '东填发〔2020〕1号'
				  and dep.region_code = '450681' and dep.kind = 'MARKET_REGULATION'
				on conflict do nothing""");
		jdbc.update("insert into reporting_period (year, kind, number) values (2022, 'QUARTERLY', 3) on conflict do nothing");
		long quarter = jdbc.queryForObject("select id from reporting_period where year = 2022 and kind = 'QUARTERLY' and number = 3",
				Long.class);
		try {
			mvc.perform(get("/reporting").param("period", "" + quarter).with(accounts.as("p-reporter")))
				.andExpect(content().string(containsString("页面测试合格率")))
				.andExpect(content().string(org.hamcrest.Matchers.not(containsString("页面测试年报指标"))));
			mvc.perform(get("/reporting").param("period", "" + period).with(accounts.as("p-reporter")))
				.andExpect(content().string(containsString("页面测试合格率")))
				.andExpect(content().string(containsString("页面测试年报指标")));
			mvc.perform(post("/reporting/" + quarter).with(accounts.as("p-reporter")).with(csrf()).param("action", "save")
				.param("rows[0].indicatorCode", "P-YEARLY").param("rows[0].value", "2"))
				.andExpect(model().attributeHasFieldErrorCode("form", "rows[0].value", "validation.period.notForIndicator"));
			assertThat(jdbc.queryForObject("select count(*) from indicator_value where period_id = ?", Integer.class, quarter)).isZero();
			accounts.member("p-office", "450600", true, Role.OFFICE);
			mvc.perform(get("/reporting/completeness").param("period", "" + quarter).with(accounts.as("p-office")))
				.andExpect(model().attribute("units", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.allOf(
						org.hamcrest.Matchers.hasToString(containsString("regionCode=450681")),
						org.hamcrest.Matchers.hasToString(containsString("expected=1,"))))));
		}
		finally {
			// Other tests here count what 东兴市 owes; this target is only for this one.
			jdbc.update("delete from target where indicator_id = (select id from indicator where code = 'P-YEARLY')");
		}
	}

	@Test
	void onlyReportersFillAndOnlyReviewersReview() throws Exception {
		mvc.perform(get("/reporting").with(accounts.as("p-reviewer"))).andExpect(status().isForbidden());
		mvc.perform(get("/reporting/review").with(accounts.as("p-reporter"))).andExpect(status().isForbidden());
	}

	private int count() {
		return jdbc.queryForObject(
				"select count(*) from indicator_value v join indicator i on i.id = v.indicator_id where i.code = 'P-PASS' and v.period_id = ?",
				Integer.class, period);
	}

}
