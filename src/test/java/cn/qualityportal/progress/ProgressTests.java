package cn.qualityportal.progress;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.reporting.PeriodClosed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Progress on the demo: statuses materialised from the figures, rolled up to the city, kept fresh, scoped. */
@SpringBootTest(properties = { "portal.demo.enabled=true", "portal.demo.password=Demo-password-1" })
@AutoConfigureMockMvc
@EnableScenarios
class ProgressTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProgressStore store;

	@Autowired
	ProgressBoard board;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void cityFiguresRollUpFromTheCountiesReports() throws Exception {
		JsonNode city = api("office", "/api/v1/progress?regionCode=450600&year=2019");

		// Hand-written: the approved 2019 figures of the four counties, summed for counts, averaged for rates
		// (the demo reports no numerators and denominators, so rates are plain means).
		BigDecimal counties = jdbc.queryForObject("""
				select sum(v.value) from indicator_value v join indicator i on i.id = v.indicator_id
				join reporting_period p on p.id = v.period_id and p.kind = 'ANNUAL' and p.year = 2019
				join region r on r.code = v.region_code and r.parent_code = '450600'
				where i.code = 'FCG-01' and v.status = 'APPROVED'""", BigDecimal.class);
		BigDecimal mean = jdbc.queryForObject("""
				select avg(v.value) from indicator_value v join indicator i on i.id = v.indicator_id
				join reporting_period p on p.id = v.period_id and p.kind = 'ANNUAL' and p.year = 2019
				join region r on r.code = v.region_code and r.parent_code = '450600'
				where i.code = 'FCG-02' and v.status = 'APPROVED'""", BigDecimal.class);
		assertThat(target(city, "FCG-01").get("latestValue").decimalValue()).isEqualByComparingTo(counties);
		assertThat(target(city, "FCG-01").get("source").asString()).isEqualTo("SUM");
		assertThat(target(city, "FCG-02").get("latestValue").decimalValue())
			.isEqualByComparingTo(mean.setScale(4, java.math.RoundingMode.HALF_UP));
		assertThat(target(city, "FCG-02").get("source").asString()).isEqualTo("MEAN");
		assertThat(target(city, "FCG-02").get("explanation").asString()).contains("个下级地区简单平均");
		assertThat(city.size()).isEqualTo(jdbc.queryForObject("select count(*) from target where region_code = '450600'", Integer.class));
	}

	@Test
	void statusesAreTheRulesAppliedToTheApprovedFigures() throws Exception {
		JsonNode county = api("office", "/api/v1/progress?regionCode=450603&year=2019");
		JsonNode passRate = target(county, "FCG-02");
		List<Figure> figures = jdbc.query("""
				select p.year, v.value from indicator_value v join indicator i on i.id = v.indicator_id
				join reporting_period p on p.id = v.period_id and p.kind = 'ANNUAL'
				where i.code = 'FCG-02' and v.region_code = '450603' and v.status = 'APPROVED' and p.year <= 2019""",
				(rs, row) -> Figure.own(rs.getInt(1), rs.getBigDecimal(2), false));
		Terms terms = new Terms(cn.qualityportal.targets.Comparator.GE, new BigDecimal("93"), null, null, null, 2016, 2020,
				false, cn.qualityportal.targets.Direction.HIGHER, cn.qualityportal.targets.ValueType.RATE, "%");
		Progress expected = ProgressRules.evaluate(terms, figures, null, 2019);

		assertThat(passRate.get("status").asString()).isEqualTo(expected.status().name());
		assertThat(passRate.get("latestYear").asInt()).isEqualTo(expected.latestYear());
		assertThat(passRate.get("explanation").asString()).startsWith(switch (expected.status()) {
			case ACHIEVED -> "已达成";
			case ON_TRACK -> "正常推进";
			case NEEDS_ACCELERATION -> "需加快";
			case OFF_TRACK -> "滞后";
			case OVERDUE -> "逾期未达成";
			case NO_DATA -> "暂无数据";
		});
	}

	@Test
	void aChangedFigureChangesTheStatusAtOnceAndNothingElseIsRecomputed() throws Exception {
		store.refresh(2019, false);
		assertThat(store.refresh(2019, false)).as("nothing changed, nothing recomputed").isZero();
		Map<String, Object> figure = passRateFigureOf2019();
		try {
			jdbc.update("update indicator_value set value = 99.5 where id = ?", figure.get("id"));

			JsonNode county = api("office", "/api/v1/progress?regionCode=450621&year=2019");
			assertThat(target(county, "FCG-02").get("status").asString()).isEqualTo("ACHIEVED");
			assertThat(target(county, "FCG-02").get("latestValue").decimalValue()).isEqualByComparingTo("99.5");
			assertThat(store.refresh(2019, false)).isZero();
		}
		finally {
			jdbc.update("update indicator_value set value = ? where id = ?", figure.get("value"), figure.get("id"));
		}
		assertThat(store.refresh(2019, false)).as("only the changed indicator").isEqualTo(1);
	}

	@Test
	void submittedFiguresCountOnlyWhenAskedAndAreMarked() throws Exception {
		JsonNode approvedOnly = api("office", "/api/v1/progress?regionCode=450602&year=2020");
		JsonNode withSubmitted = api("office", "/api/v1/progress?regionCode=450602&year=2020&includeSubmitted=true");
		// Hand-written: the district's targets whose indicator has a figure of the district awaiting review.
		Integer provisional = jdbc.queryForObject("""
				select count(*) from target t where t.region_code = '450602' and exists (
				    select 1 from indicator_value v join reporting_period p on p.id = v.period_id and p.kind = 'ANNUAL'
				    where v.indicator_id = t.indicator_id and v.region_code = '450602' and v.status = 'SUBMITTED'
				      and p.year <= 2020)""", Integer.class);

		assertThat(count(approvedOnly, "provisional", true)).isZero();
		assertThat(count(withSubmitted, "provisional", true)).isEqualTo(provisional.longValue());
		for (JsonNode row : withSubmitted) {
			if (row.get("provisional").asBoolean()) {
				assertThat(row.get("explanation").asString()).contains("含待审核数据");
			}
		}
	}

	@Test
	void aDistrictReporterSeesOnlyTheirDistrict() throws Exception {
		JsonNode own = api("reporter-450681", "/api/v1/progress?year=2019");

		assertThat(own.size()).isPositive();
		assertThat(own.valueStream().map(row -> row.get("regionCode").asString())).containsOnly("450681");
		mvc.perform(get("/api/v1/progress?regionCode=450602").with(user(users.loadUserByUsername("reporter-450681"))))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("您无权查看该地区的数据。"));
		mvc.perform(get("/api/v1/progress?regionCode=450600").with(user(users.loadUserByUsername("reporter-450681"))))
			.andExpect(status().isForbidden());
		assertThat(board.rows(ProgressBoard.Query.of(2019, false),
				new DataScope(false, java.util.Set.of("450602"), java.util.Set.of("450600")))
			.stream()
			.map(ProgressRow::regionCode)).containsOnly("450602");
	}

	@Test
	void theApiPagesInAStableOrder() throws Exception {
		JsonNode all = api("office", "/api/v1/progress?year=2019&size=5000");
		JsonNode first = api("office", "/api/v1/progress?year=2019&size=10&page=0");
		JsonNode second = api("office", "/api/v1/progress?year=2019&size=10&page=1");

		assertThat(first.size()).isEqualTo(10);
		assertThat(first.get(0).get("targetId")).isEqualTo(all.get(0).get("targetId"));
		assertThat(second.get(0).get("targetId")).isEqualTo(all.get(10).get("targetId"));
		mvc.perform(get("/api/v1/progress?size=9999").with(user(users.loadUserByUsername("office"))))
			.andExpect(status().isBadRequest());
	}

	@Test
	void badYearIsAProblemNotAnError() throws Exception {
		mvc.perform(get("/api/v1/progress?year=3000").with(user(users.loadUserByUsername("office"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("年份无效：应在 1949 到 2100 之间。"));
		mvc.perform(get("/api/v1/progress?year=abc").with(user(users.loadUserByUsername("office"))))
			.andExpect(status().isBadRequest());
	}

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

	@Autowired
	JsonMapper portalJson;

	/** The pass rate of 上思县 in 2019 as the background board reads it (no recomputation on this path). */
	private ProgressRow passRate(ProgressBoard reader) {
		return reader.rows(ProgressBoard.Query.of(2019, false).region("450621"), DataScope.EVERYTHING)
			.stream()
			.filter(row -> row.indicatorCode().equals("FCG-02"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void inTheBackgroundReadersReadTheLastConsistentStatusesAsOfUntilTheRefresherHasRun() {
		ProgressBoard background = new ProgressBoard(store, jdbcClient, portalJson, true);
		ProgressRefresher refresher = new ProgressRefresher(store, new JudgedYears(store, background), true, java.time.Duration.ofMillis(250),
				java.time.Duration.ofSeconds(2));
		refresher.runOnce();
		ProgressBoard.Freshness before = background.freshness(2019, false);
		assertThat(before.pending()).isFalse();
		TargetStatus old = passRate(background).status();
		Map<String, Object> figure = passRateFigureOf2019();
		try {
			jdbc.update("update indicator_value set value = 99.5 where id = ?", figure.get("id"));

			ProgressBoard.Freshness pending = background.freshness(2019, false);
			assertThat(pending.pending()).as("the change is pending").isTrue();
			assertThat(pending.asOf()).as("as of the last refresh").isEqualTo(before.asOf());
			assertThat(passRate(background).status()).as("readers read the last consistent status").isEqualTo(old);

			assertThat(refresher.runOnce()).as("the refresher recomputes the changed indicator").isPositive();
			assertThat(background.freshness(2019, false).pending()).isFalse();
			assertThat(passRate(background).status()).isEqualTo(TargetStatus.ACHIEVED);
			assertThat(passRate(background).latestValue()).isEqualByComparingTo("99.5");
		}
		finally {
			jdbc.update("update indicator_value set value = ? where id = ?", figure.get("value"), figure.get("id"));
			refresher.runOnce();
		}
	}

	@Test
	void aWriterWaitsForNoRefreshAndAChangeCommittedAfterARefreshBeganIsNotLost() throws Exception {
		store.refresh(2019, false);
		Map<String, Object> figure = passRateFigureOf2019();
		var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
		try (java.sql.Connection writer = dataSource.getConnection(); java.sql.Connection other = dataSource.getConnection()) {
			// A reporter's transaction changes a figure and stays open (its change row gets the lower id) ...
			writer.setAutoCommit(false);
			try (var update = writer.prepareStatement("update indicator_value set value = 99.5 where id = ?")) {
				update.setLong(1, (Long) figure.get("id"));
				update.executeUpdate();
			}
			// ... another commits a change with a higher id ...
			try (var statement = other.createStatement()) {
				statement.execute("insert into progress_change (indicator_id) select id from indicator where code = 'FCG-01'");
			}
			// ... and a refresh runs meanwhile: it must not wait for the open writer (before #18 it waited
			// on the writers' shared lock until that transaction ended).
			int recomputed = executor.submit(() -> store.refresh(2019, false)).get(60, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(recomputed).isEqualTo(1);
			// A refresh holding the refresher lock never makes a writer wait either.
			try (var lock = other.createStatement()) {
				lock.execute("select pg_advisory_lock(" + ProgressStore.REFRESHER_LOCK + ")");
				try (var statement = writer.createStatement()) {
					statement.execute("set local lock_timeout = '1s'");
					statement.execute("update indicator_value set value = 99.5 where id = " + figure.get("id"));
				}
				writer.commit();
			}
			finally {
				try (var unlock = other.createStatement()) {
					unlock.execute("select pg_advisory_unlock(" + ProgressStore.REFRESHER_LOCK + ")");
				}
			}
			// The writer's change committed after the refresh began, with an id below its watermark: still ahead.
			assertThat(store.state(2019, false).pending()).isTrue();
			assertThat(store.refresh(2019, false)).as("the late change is recomputed").isEqualTo(1);
			assertThat(passRate(board).status()).isEqualTo(TargetStatus.ACHIEVED);
		}
		finally {
			executor.shutdownNow();
			jdbc.update("update indicator_value set value = ? where id = ?", figure.get("value"), figure.get("id"));
			store.refresh(2019, false);
		}
	}

	/**
	 * Statuses judged in a year read the figures of that year and before (docs/progress.md), so under
	 * the reporters' writes of the open year the earlier judged years are not recomputed (#18).
	 */
	/** The approved 2019 figure of 上思县 (450621) for the pass rate FCG-02: its id and value. */
	private Map<String, Object> passRateFigureOf2019() {
		return jdbc.queryForMap("""
				select v.id, v.value from indicator_value v join indicator i on i.id = v.indicator_id
				join reporting_period p on p.id = v.period_id and p.year = 2019
				where i.code = 'FCG-02' and v.region_code = '450621' and v.status = 'APPROVED'""");
	}

	@Test
	void aFigureOfALaterYearLeavesTheStatusesOfEarlierJudgedYearsCurrent() {
		store.request(2018, false);
		store.refresh(2018, false);
		store.refresh(2019, false);
		Map<String, Object> figure = passRateFigureOf2019();
		long change;
		try {
			jdbc.update("update indicator_value set value = 99.5 where id = ?", figure.get("id"));
			change = jdbc.queryForObject("select max(id) from progress_change", Long.class);
			assertThat(jdbc.queryForMap("select from_year, figures_only from progress_change where id = ?", change))
				.containsEntry("from_year", 2019)
				.containsEntry("figures_only", true);
			assertThat(store.state(2019, false).pending()).isTrue();
			assertThat(store.state(2018, false).pending()).as("a 2019 figure cannot change a status judged in 2018").isFalse();
			assertThat(store.refresh(2018, false)).isZero();
			assertThat(store.refresh(2019, false)).isEqualTo(1);
		}
		finally {
			jdbc.update("update indicator_value set value = ? where id = ?", figure.get("value"), figure.get("id"));
			store.refresh(2019, false);
		}
		// Absorbed by every year it can change: the change log lets it go, though 2018 never took it.
		store.states().keySet().stream().filter(year -> (Integer) year.get(0) >= 2019)
			.forEach(year -> store.refresh((Integer) year.get(0), (Boolean) year.get(1)));
		store.prune();
		assertThat(jdbc.queryForObject("select count(*) from progress_change where id = ?", Long.class, change)).isZero();
	}

	/**
	 * A page of one region keeps its rows while they are the same (ProgressBoard.rows): a refresh for
	 * a figure changes when the rows of the regions whose statuses differ last changed, and no other
	 * region's; a change to a target (whatever it changes) changes every region's (#18).
	 */
	@Test
	void aFigureChangesTheRowsOfItsRegionOnlyAndATargetChangesEveryRegions() {
		store.refresh(2019, false);
		var other = store.regionChangedAt(2019, false, "450681");
		var own = store.regionChangedAt(2019, false, "450621");
		assertThat(other).isNotNull();
		Map<String, Object> figure = passRateFigureOf2019();
		try {
			jdbc.update("update indicator_value set value = 99.5 where id = ?", figure.get("id"));
			store.refresh(2019, false);
			assertThat(store.regionChangedAt(2019, false, "450621")).as("its status changed").isAfter(own);
			assertThat(store.regionChangedAt(2019, false, "450681")).as("another county's rows are the same").isEqualTo(other);

			// The same value written again: statuses are recomputed, but no region's rows differ.
			var changed = store.regionChangedAt(2019, false, "450621");
			jdbc.update("update indicator_value set value = 99.5 where id = ?", figure.get("id"));
			assertThat(store.refresh(2019, false)).isEqualTo(1);
			assertThat(store.regionChangedAt(2019, false, "450621")).isEqualTo(changed);

			jdbc.update("update target set lead_department_id = lead_department_id where id = (select min(id) from target where region_code = '450621')");
			store.refresh(2019, false);
			assertThat(store.regionChangedAt(2019, false, "450681")).as("what a target shows beside its status").isAfter(other);
		}
		finally {
			jdbc.update("update indicator_value set value = ? where id = ?", figure.get("value"), figure.get("id"));
			store.refresh(2019, false);
		}
	}

	@Test
	void theChangeLogKeepsOnlyWhatSomeJudgedYearHasNotAbsorbed() {
		ProgressRefresher refresher = new ProgressRefresher(store, new JudgedYears(store, new ProgressBoard(store, jdbcClient, portalJson, true)), true,
				java.time.Duration.ofMillis(250), java.time.Duration.ofSeconds(2));
		refresher.runOnce();
		long absorbed = jdbc.queryForObject("insert into progress_change (indicator_id) select id from indicator where code = 'FCG-02' returning id", Long.class);
		long newest = jdbc.queryForObject("insert into progress_change (indicator_id) select id from indicator where code = 'FCG-01' returning id", Long.class);
		store.prune();
		assertThat(jdbc.queryForObject("select count(*) from progress_change where id in (?, ?)", Long.class, absorbed, newest))
			.as("not absorbed yet: kept").isEqualTo(2);

		refresher.runOnce();
		assertThat(jdbc.queryForObject("select count(*) from progress_change where id = ?", Long.class, absorbed))
			.as("absorbed by every judged year: deleted").isZero();
		assertThat(jdbc.queryForObject("select count(*) from progress_change where id = ?", Long.class, newest))
			.as("the newest row carries the watermark: kept").isEqualTo(1);

		// Absorbed by 2019 only: another judged year (the refresher keeps the default year) still needs it.
		long ahead = jdbc.queryForObject("insert into progress_change (indicator_id) select id from indicator where code = 'FCG-02' returning id", Long.class);
		jdbc.update("insert into progress_change (indicator_id) select id from indicator where code = 'FCG-01'");
		store.refresh(2019, false);
		assertThat(store.states().values()).anyMatch(ProgressStore.State::pending);
		store.prune();
		assertThat(jdbc.queryForObject("select count(*) from progress_change where id = ?", Long.class, ahead))
			.as("still ahead of a judged year: kept").isEqualTo(1);
		refresher.runOnce();
		assertThat(store.states().values()).noneMatch(ProgressStore.State::pending);
		assertThat(jdbc.queryForObject("select count(*) from progress_change where id = ?", Long.class, ahead)).isZero();
	}

	@Test
	void oneRefresherAtATimeAcrossInstancesAndTheOthersDoNotWait() throws Exception {
		ProgressRefresher refresher = new ProgressRefresher(store, new JudgedYears(store, new ProgressBoard(store, jdbcClient, portalJson, true)), true,
				java.time.Duration.ofMillis(250), java.time.Duration.ofSeconds(2));
		refresher.runOnce();
		try (java.sql.Connection otherInstance = dataSource.getConnection(); var statement = otherInstance.createStatement()) {
			statement.execute("select pg_advisory_lock(" + ProgressStore.REFRESHER_LOCK + ")");
			try {
				jdbc.update("insert into progress_change (indicator_id) select id from indicator where code = 'FCG-02'");
				assertThat(refresher.runOnce()).as("left to the instance holding the lock").isZero();
				assertThat(store.state(2019, false).pending()).isTrue();
			}
			finally {
				statement.execute("select pg_advisory_unlock(" + ProgressStore.REFRESHER_LOCK + ")");
			}
		}
		assertThat(refresher.runOnce()).isPositive();
		assertThat(store.state(2019, false).pending()).isFalse();
	}

	/**
	 * The office closes the demo's open 2020 period through reporting's API; reporting publishes
	 * {@link PeriodClosed} and progress, reacting in its own transaction after the commit, asks for
	 * 2020 (now the default judged year) and 2019 to be kept materialised.
	 */
	@Test
	void closingAPeriodKeepsItsYearMaterialisedForTheDashboards(Scenario scenario) {
		long period = jdbc.queryForObject("select id from reporting_period where year = 2020 and kind = 'ANNUAL'", Long.class);
		jdbc.update("delete from progress_materialised where as_of_year = 2020 and not include_submitted");
		try {
			scenario.stimulate(() -> {
				try {
					mvc.perform(post("/api/v1/periods/{id}/close", period).with(user(users.loadUserByUsername("office"))).with(csrf()))
						.andExpect(status().isOk());
				}
				catch (Exception failed) {
					throw new IllegalStateException(failed);
				}
			})
				.andWaitAtMost(java.time.Duration.ofSeconds(60))
				.andWaitForStateChange(() -> jdbc.queryForObject(
						"select count(*) from progress_materialised where as_of_year in (2019, 2020) and not include_submitted",
						Integer.class), kept -> kept == 2)
				.andVerifyEvents(events -> {
					assertThat(events).contains(PeriodClosed.class).matching(closed -> closed.periodId() == period);
					assertThat(board.defaultYear()).isEqualTo(2020);
				});
		}
		finally {
			jdbc.update("update reporting_period set status = 'OPEN' where id = ?", period);
		}
	}

	private JsonNode api(String username, String path) throws Exception {
		String body = mvc.perform(get(path).with(user(users.loadUserByUsername(username))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return json.readTree(body);
	}

	private static JsonNode target(JsonNode rows, String indicatorCode) {
		return rows.valueStream()
			.filter(row -> row.get("indicatorCode").asString().equals(indicatorCode))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no target of " + indicatorCode));
	}

	private static long count(JsonNode rows, String field, boolean value) {
		return rows.valueStream().filter(row -> row.get(field).asBoolean() == value).count();
	}

}
