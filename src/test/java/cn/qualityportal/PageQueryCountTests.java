package cn.qualityportal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * On the demo data (the city's 44 targets, some cascaded to four counties, ~850 figures), each page runs a
 * fixed, small number of SQL statements: lists are one query and a count, never one per row.
 */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
@Import(QueryCounting.class)
class PageQueryCountTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	TestAccounts accounts;

	@Test
	void everyPageRunsABoundedNumberOfQueries() throws Exception {
		long period = jdbc.queryForObject("select id from reporting_period where year = 2020 and kind = 'ANNUAL'", Long.class);
		long document = jdbc.queryForObject("select document_id from target group by document_id order by count(*) desc limit 1",
				Long.class);
		long value = jdbc.queryForObject("""
				select v.id from indicator_value v join reporting_period p on p.id = v.period_id
				where v.region_code = '450681' and p.year = 2019 order by v.id limit 1""", Long.class);
		accounts.account("pq-auditor", cn.qualityportal.organisation.Role.AUDITOR);
		long bureau = jdbc.queryForObject("select id from department where region_code = '450600' and kind = 'MARKET_REGULATION'",
				Long.class);
		long passRate = jdbc.queryForObject("select id from indicator where code = 'FCG-02'", Long.class);
		// Two statements of every page are the session's (Spring Session JDBC: read it, keep it fresh).
		// The most statements each page may run, as "user path" → limit; today's counts, so that a
		// query per row (dozens here) or a new query anywhere is noticed and decided on.
		Map<String, Integer> limits = new LinkedHashMap<>();
		limits.put("reporter-450681 /", 3);
		limits.put("leader /dashboards", 13);
		limits.put("leader /dashboards/regions/450600", 11);
		limits.put("reporter-450681 /dashboards/regions/450681", 10);
		limits.put("leader /dashboards/departments/" + bureau, 11);
		limits.put("leader /dashboards/documents/" + document, 9);
		// +1: the region tree, so the city is shown as its counties' reference (#11); +1: the indicator's definition (#15).
		limits.put("leader /dashboards/indicators/" + passRate, 11);
		// The public site has no session: its statements are the progress read and the publication checks.
		limits.put("leader /gk/documents/" + document, 8);
		limits.put("leader /gk/documents/" + document + "/indicators/" + passRate, 8);
		limits.put("leader /assessments?year=2017", 17);
		limits.put("reporter-450681 /assessments/2017/regions/450681", 16);
		limits.put("office /documents", 7);
		// +1 on the document page: the office's acknowledged differences from the parent document;
		// +1 on /targets: the departments for the cooperating-department filter.
		limits.put("office /documents/" + document, 15);
		limits.put("office /targets", 8);
		limits.put("reporter-450681 /targets", 8);
		// +1 on the grid, the figure's page and the queue: the figures' comments, one query for the page (#14).
		limits.put("reporter-450681 /reporting?period=" + period, 9);
		limits.put("reporter-450681 /reporting/values/" + value, 9);
		limits.put("reviewer-450681 /reporting/review", 6); // +1: what each resubmitted figure held when returned, one query for the queue (#11)
		limits.put("office /reporting/completeness?period=" + period, 7);
		limits.put("office /reporting/periods", 3);
		limits.put("pq-auditor /audit", 4);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String page : limits.keySet()) {
			var account = users.loadUserByUsername(page.substring(0, page.indexOf(' ')));
			// Dashboards are measured warm: statuses already materialised, as on every request but the first after a change.
			mvc.perform(get(page.substring(page.indexOf(' ') + 1)).with(user(account))).andExpect(status().isOk());
			QueryCounting.take();
			mvc.perform(get(page.substring(page.indexOf(' ') + 1)).with(user(account))).andExpect(status().isOk());
			counts.put(page, QueryCounting.take());
		}
		assertThat(counts).allSatisfy((page, count) -> assertThat(count).as(page).isLessThanOrEqualTo(limits.get(page)));
		// The demo is large enough that a query per row would break every limit above.
		assertThat(jdbc.queryForObject("select count(*) from target", Integer.class)).isGreaterThan(44);
		assertThat(jdbc.queryForObject("select count(*) from indicator_value", Integer.class)).isGreaterThan(500);
	}

}
