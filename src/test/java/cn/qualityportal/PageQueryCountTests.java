package cn.qualityportal;

import java.util.LinkedHashMap;
import java.util.List;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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

	@Autowired
	cn.qualityportal.progress.ProgressBoard board;

	/** The most statements of the rubric's pages (#16), whatever the number of regions, sheets and items. */
	static final int RUBRIC_PAGE = 9;

	static final int RUBRIC_RESULTS = 12;

	static final int RUBRIC_SHEET = 16;

	/**
	 * The rubric's pages run the same statements for a rubric of two items with one confirmed sheet
	 * as for one of nine items with three: nothing is read per region, sheet or item.
	 */
	@Test
	void rubricPagesRunTheSameStatementsWhateverTheirRegionsAndItems() throws Exception {
		long small = rubric(2016, List.of("450681"), new String[][] { { "CRITERION", "质量目标完成情况", "30", "TARGETS" },
				{ "CRITERION", "领导小组", "20", "MANUAL" } });
		long large = rubric(2018, List.of("450603", "450621", "450681"), new String[][] {
				{ "CRITERION", "质量目标完成情况", "30", "TARGETS" }, { "CRITERION", "数据按时填报", "10", "PUNCTUALITY" },
				{ "CRITERION", "领导小组", "20", "MANUAL" }, { "CRITERION", "经费", "20", "MANUAL" },
				{ "CRITERION", "安全", "20", "MANUAL" }, { "BONUS", "荣誉", "3", "MANUAL" }, { "DEDUCTION", "通报", "5", "MANUAL" },
				{ "DEDUCTION", "总结", "3", "MANUAL" }, { "VETO", "事故", "", "MANUAL" } });
		Map<String, Long> fewer = counts(rubricPages(2016, small));
		Map<String, Long> more = counts(rubricPages(2018, large));
		assertThat(more.values()).containsExactlyElementsOf(fewer.values());
		assertThat(more).allSatisfy((page, count) -> assertThat(count).as(page).isLessThanOrEqualTo(
				(page.contains("/regions/") ? RUBRIC_SHEET : page.contains("/results") ? RUBRIC_RESULTS : RUBRIC_PAGE)
						+ NAVIGATION_BADGES));
	}

	private static List<String> rubricPages(int year, long rubric) {
		return List.of("office /rubrics?year=" + year + "&region=450600", "leader /rubrics/" + rubric + "/results",
				"office /rubrics/" + rubric + "/regions/450681", "office /rubrics/" + rubric + "/regions/450602",
				"reporter-450602 /rubrics/" + rubric + "/regions/450602");
	}

	/** A rubric of the year with these items, its sheets of {@code confirmed} submitted and confirmed through the pages. */
	private long rubric(int year, List<String> confirmed, String[][] spec) throws Exception {
		mvc.perform(post("/rubrics").param("year", String.valueOf(year)).param("region", "450600")
			.with(user(users.loadUserByUsername("office"))).with(csrf())).andExpect(flash().attribute("success", "rubric.created"));
		long rubric = jdbc.queryForObject("select id from rubric where year = ? and parent_region_code = '450600'", Long.class,
				year);
		for (String[] item : spec) {
			addItem(rubric, item[0], item[1], item[2], item[3]);
		}
		List<Long> items = jdbc.queryForList("select id from rubric_item where rubric_id = ? order by position", Long.class, rubric);
		for (String county : confirmed) {
			String sheet = "/rubrics/" + rubric + "/regions/" + county;
			var self = post(sheet + "/self").param("version", "0").param("action", "submit");
			for (long item : items) {
				self.param("score_" + item, "1").param("explanation_" + item, "见材料");
			}
			mvc.perform(self.with(user(users.loadUserByUsername("reporter-" + county))).with(csrf()))
				.andExpect(flash().attribute("success", "rubric.submitted"));
			// The office confirms every line as the district scored it (the automatic ones as the portal did).
			var review = post(sheet + "/review").param("version", "1").param("action", "confirm");
			for (long item : items) {
				review.param("reason_" + item, "核对");
				if (jdbc.queryForObject("select kind from rubric_item where id = ?", String.class, item).equals("VETO")) {
					review.param("veto_" + item, "false");
				}
				else {
					review.param("review_" + item, jdbc.queryForObject("""
							select coalesce(l.self_score, 0)::text from self_assessment_line l
							join self_assessment s on s.id = l.self_assessment_id
							where s.rubric_id = ? and s.region_code = ? and l.item_id = ?""", String.class, rubric, county, item));
				}
			}
			mvc.perform(review.with(user(users.loadUserByUsername("office"))).with(csrf()))
				.andExpect(flash().attribute("success", "rubric.confirmed"));
		}
		return rubric;
	}

	private void addItem(long rubric, String kind, String title, String points, String method) throws Exception {
		long version = jdbc.queryForObject("select version from rubric where id = ?", Long.class, rubric);
		mvc.perform(post("/rubrics/" + rubric + "/items").param("version", String.valueOf(version)).param("kind", kind)
			.param("category", "类别").param("title", title).param("points", points).param("method", method)
			.with(user(users.loadUserByUsername("office"))).with(csrf()))
			.andExpect(flash().attribute("success", "rubric.itemAdded"));
	}

	/** Each page's statements, measured warm (the second of two requests). */
	private Map<String, Long> counts(List<String> pages) throws Exception {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String page : pages) {
			var account = users.loadUserByUsername(page.substring(0, page.indexOf(' ')));
			mvc.perform(get(page.substring(page.indexOf(' ') + 1)).with(user(account))).andExpect(status().isOk());
			QueryCounting.take();
			mvc.perform(get(page.substring(page.indexOf(' ') + 1)).with(user(account))).andExpect(status().isOk());
			counts.put(page, QueryCounting.take());
		}
		return counts;
	}
	/**
	 * Every leader of a province opens the same overview, whose counts take PostgreSQL a third of a
	 * second at province scale (#18): it is computed once and given to the next reader while the
	 * statuses are unchanged, and computed again as soon as a figure changes.
	 */
	@Test
	void theOverviewIsComputedOnceForItsReadersUntilAFigureChanges() throws Exception {
		var leader = users.loadUserByUsername("leader");
		String page = "/dashboards?region=450600&year=2019";
		touchAFigureOf2019();
		String computed = mvc.perform(get(page).with(user(leader))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		long computing = QueryCounting.take();
		String again = mvc.perform(get(page).with(user(leader))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		long reading = QueryCounting.take();
		// Its counts by status and area, the changes since the year before, the completeness and the subregions.
		assertThat(reading).isLessThanOrEqualTo(computing - 4);
		// The same page (each request of a test user has its own CSRF token).
		assertThat(withoutCsrf(again)).isEqualTo(withoutCsrf(computed));

		touchAFigureOf2019();
		mvc.perform(get(page).with(user(leader))).andExpect(status().isOk());
		assertThat(QueryCounting.take()).isGreaterThanOrEqualTo(reading + 4);
	}

	/**
	 * A county's region page reads its rows once and gives them to its next readers while they are
	 * the same: another county's figure changing its own statuses does not end them, a figure of
	 * this county that changes its rows does (#18: under the reporters' writes every refresh used
	 * to end every county's kept rows).
	 */
	@Test
	void theRegionPagesRowsAreReadOnceUntilItsOwnRowsChange() throws Exception {
		var reporter = users.loadUserByUsername("reporter-450681");
		String page = "/dashboards/regions/450681?year=2019";
		Map<String, Object> own = jdbc.queryForMap("""
				select v.value_id as id, v.value from value_standing v
				join target t on t.indicator_id = v.indicator_id and t.region_code = v.region_code
				join counted_target c on c.target_id = t.id and 2019 between c.first_year and c.last_year
				where v.region_code = '450681' and v.year = 2019 and v.kind = 'ANNUAL' and v.is_final
				order by v.value_id limit 1""");
		Map<String, Object> elsewhere = jdbc.queryForMap("""
				select v.id, v.value from indicator_value v join indicator i on i.id = v.indicator_id
				join reporting_period p on p.id = v.period_id and p.year = 2019
				where i.code = 'FCG-02' and v.region_code = '450621' and v.status = 'APPROVED'""");
		try {
			changeFigure(own.get("id"), ((java.math.BigDecimal) own.get("value")).add(java.math.BigDecimal.ONE));
			String computed = mvc.perform(get(page).with(user(reporter))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			long reading = QueryCounting.take();
			String again = mvc.perform(get(page).with(user(reporter))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			assertThat(QueryCounting.take()).isEqualTo(reading - 1);
			assertThat(withoutCsrf(again)).isEqualTo(withoutCsrf(computed));

			changeFigure(elsewhere.get("id"), new java.math.BigDecimal("99.5"));
			mvc.perform(get(page).with(user(reporter))).andExpect(status().isOk());
			assertThat(QueryCounting.take()).as("another county's figure: kept").isEqualTo(reading - 1);

			changeFigure(own.get("id"), own.get("value"));
			String changed = mvc.perform(get(page).with(user(reporter))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			assertThat(QueryCounting.take()).as("its own figure: read again").isEqualTo(reading);
			assertThat(withoutCsrf(changed)).isNotEqualTo(withoutCsrf(computed));
		}
		finally {
			changeFigure(elsewhere.get("id"), elsewhere.get("value"));
			changeFigure(own.get("id"), own.get("value"));
		}
	}

	/** Changes a figure's value and returns when the statuses are recomputed. */
	private void changeFigure(Object id, Object value) {
		jdbc.update("update indicator_value set value = ? where id = ?", value, id);
		assertThat(board.awaitCurrent(2019, false, java.time.Duration.ofMinutes(1))).isTrue();
		QueryCounting.take();
	}

	/**
	 * A write to a figure (the same value, so other tests' data stay) is a change the statuses are
	 * recomputed for; returns when the recomputation is done.
	 */
	private void touchAFigureOf2019() {
		jdbc.update("""
				update indicator_value set value = value where id = (select v.id from indicator_value v
				join reporting_period p on p.id = v.period_id where v.region_code = '450681' and p.year = 2019 order by v.id limit 1)""");
		assertThat(board.awaitCurrent(2019, false, java.time.Duration.ofMinutes(1))).isTrue();
		assertThat(board.awaitCurrent(2018, false, java.time.Duration.ofMinutes(1))).isTrue();
		QueryCounting.take();
	}

	private static String withoutCsrf(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	/** The navigation's badges (to-do and unread notifications) cost one statement on every page (#14). */
	private static final int NAVIGATION_BADGES = 1;

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
		// The queue (#14): its count and page, then for the whole page at once the targets, the earlier figures
		// (last year, outliers), what resubmitted figures held when returned, the figures' comments, the
		// filters' regions, departments and indicators, and the review setting (counts as measured on the demo).
		// theReviewQueueCostsTheSameWhateverItsLength shows these do not grow with the queue.
		limits.put("reviewer-450681 /reporting/review", 13);
		limits.put("office /reporting/acceptance?status=APPROVED", 14);
		limits.put("office /reporting/completeness?period=" + period, 7);
		limits.put("office /reporting/periods", 4); // +1: the two-level review setting (#14)
		limits.put("pq-auditor /audit", 4);
		// The rubric (#16): its pages read sheets, lines and evidence of all regions at once, and the
		// automatic criteria from one live computation of the year's scheme, never one per region or item.
		long rubric = jdbc.queryForObject("select id from rubric where year = 2019 and parent_region_code = '450600'", Long.class);
		limits.put("office /rubrics?year=2019&region=450600", RUBRIC_PAGE);
		limits.put("leader /rubrics/" + rubric + "/results", RUBRIC_RESULTS);
		limits.put("office /rubrics/" + rubric + "/regions/450603", RUBRIC_SHEET);
		limits.put("reporter-450602 /rubrics/" + rubric + "/regions/450602", RUBRIC_SHEET);
		// #14: the to-do list (its kinds in one statement), the notification centre, the office's 催报 and announcements.
		limits.put("reporter-450681 /todo", 3);
		limits.put("reviewer-450681 /todo", 3);
		limits.put("office /todo", 3);
		limits.put("reporter-450681 /notifications", 5);
		limits.put("office /reminders?period=" + period, 7);
		limits.put("office /announcements", 6);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String page : limits.keySet()) {
			var account = users.loadUserByUsername(page.substring(0, page.indexOf(' ')));
			// Dashboards are measured warm: statuses already materialised, as on every request but the first after a change.
			mvc.perform(get(page.substring(page.indexOf(' ') + 1)).with(user(account))).andExpect(status().isOk());
			QueryCounting.take();
			mvc.perform(get(page.substring(page.indexOf(' ') + 1)).with(user(account))).andExpect(status().isOk());
			counts.put(page, QueryCounting.take());
		}
		// +1 on every signed-in page: the navigation's to-do and unread badges, one statement (#14); the public site has none.
		assertThat(counts).allSatisfy((page, count) -> assertThat(count).as(page)
			.isLessThanOrEqualTo(limits.get(page) + (page.contains(" /gk/") ? 0 : NAVIGATION_BADGES)));
		// The demo is large enough that a query per row would break every limit above.
		assertThat(jdbc.queryForObject("select count(*) from target", Integer.class)).isGreaterThan(44);
		assertThat(jdbc.queryForObject("select count(*) from indicator_value", Integer.class)).isGreaterThan(500);
	}

	/** The review queue costs the same statements for one row as for a full page of them (#14). */
	@Test
	void theReviewQueueCostsTheSameWhateverItsLength() throws Exception {
		var reviewer = users.loadUserByUsername("reviewer-450681");
		long one = statements(reviewer, "/reporting/review?status=APPROVED&indicator=FCG-02");
		long many = statements(reviewer, "/reporting/review?status=APPROVED");
		assertThat(jdbc.queryForObject("""
				select count(*) from indicator_value where status = 'APPROVED' and region_code = '450681'""", Integer.class))
			.isGreaterThan(50);
		assertThat(many).isEqualTo(one);
	}

	private long statements(org.springframework.security.core.userdetails.UserDetails account, String path) throws Exception {
		mvc.perform(get(path).with(user(account))).andExpect(status().isOk());
		QueryCounting.take();
		mvc.perform(get(path).with(user(account))).andExpect(status().isOk());
		return QueryCounting.take();
	}

}
