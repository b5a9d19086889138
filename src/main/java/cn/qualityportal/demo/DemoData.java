package cn.qualityportal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo once, in one transaction, when {@code PORTAL_DEMO_DATA} is true, or when it is
 * unset and the portal runs its own embedded database (never into an external database unless
 * asked). The demo accounts' password is {@code PORTAL_DEMO_PASSWORD}, or drawn at random and
 * printed once.
 */
@Component
@Order(100)
class DemoData implements ApplicationRunner {

	static final String CITY = "450600";

	static final List<String[]> COUNTIES = List.of(new String[] { "450602", "港口区" }, new String[] { "450603", "防城区" },
			new String[] { "450621", "上思县" }, new String[] { "450681", "东兴市" });

	private static final String[][] DEPARTMENTS = { { "MARKET_REGULATION", "市场监督管理局", "市场监管局" },
			{ "HOUSING", "住房和城乡建设局", "住建局" }, { "AGRICULTURE", "农业农村局", "农业农村局" }, { "COMMERCE", "商务局", "商务局" },
			{ "CULTURE_TOURISM", "文化广电体育和旅游局", "文广体旅局" }, { "INDUSTRY_IT", "工业和信息化局", "工信局" },
			{ "HEALTH", "卫生健康局", "卫健局" }, { "GOVERNMENT_OFFICE", "人民政府办公室", "政府办" } };

	/** Which department leads the targets of each goal area. */
	private static final Map<String, String> LEAD_BY_AREA = Map.of("PRODUCT", "MARKET_REGULATION", "CONSTRUCTION",
			"HOUSING", "SERVICE", "COMMERCE", "ENVIRONMENT", "GOVERNMENT_OFFICE", "BRAND", "MARKET_REGULATION",
			"INFRASTRUCTURE", "MARKET_REGULATION", "STANDARD", "MARKET_REGULATION", "OTHER", "INDUSTRY_IT");

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final PasswordEncoder passwordEncoder;

	private final JsonMapper json;

	private final boolean enabled;

	private final String password;

	DemoData(JdbcClient jdbc, AuditTrail audit, PasswordEncoder passwordEncoder, JsonMapper json,
			@Value("${portal.demo.enabled:}") String enabled, @Value("${spring.datasource.url:}") String externalUrl,
			@Value("${portal.demo.password:}") String password) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.passwordEncoder = passwordEncoder;
		this.json = json;
		this.enabled = StringUtils.hasText(enabled) ? Boolean.parseBoolean(enabled) : !StringUtils.hasText(externalUrl);
		this.password = password;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) throws IOException {
		if (!enabled) {
			return;
		}
		// Instances starting together take turns, so the demo is loaded once.
		jdbc.sql("select pg_advisory_xact_lock(715103)").query().singleValue();
		if (jdbc.sql("select count(*) from user_account where username = 'office'").query(Long.class).single() > 0) {
			return;
		}
		boolean generated = !StringUtils.hasText(password);
		String demoPassword = generated ? randomPassword() : password;
		load(passwordEncoder.encode(demoPassword));
		if (generated) {
			log.warn("Loaded the demo data. Demo accounts office, leader, reporter-<code> and reviewer-<code> "
					+ "(codes 450602 450603 450621 450681) have the one-time generated password: {}"
					+ "  (set PORTAL_DEMO_PASSWORD to choose it; this is the only time it is shown)", demoPassword);
		}
		else {
			log.info("Loaded the demo data; demo accounts use the password from PORTAL_DEMO_PASSWORD");
		}
	}

	void load(String passwordHash) throws IOException {
		region("100000", "中华人民共和国", "NATIONAL", null);
		region("450000", "广西壮族自治区", "PROVINCE", "100000");
		region(CITY, "防城港市", "CITY", "450000");
		COUNTIES.forEach(county -> region(county[0], county[1], "COUNTY", CITY));

		Map<String, Map<String, Long>> departments = new HashMap<>();
		departments.put(CITY, departmentsOf(CITY, "防城港市"));
		COUNTIES.forEach(county -> departments.put(county[0], departmentsOf(county[0], county[1])));
		long office = department(CITY, "防城港市质量强市工作领导小组办公室", "质强办", "GOVERNMENT_OFFICE");

		account("office", "市质强办", office, true, passwordHash, "OFFICE");
		account("leader", "市领导", departments.get(CITY).get("GOVERNMENT_OFFICE"), true, passwordHash, "LEADER");
		for (String[] county : COUNTIES) {
			long bureau = departments.get(county[0]).get("MARKET_REGULATION");
			account("reporter-" + county[0], county[1] + "填报员", bureau, false, passwordHash, "REPORTER");
			account("reviewer-" + county[0], county[1] + "审核员", bureau, false, passwordHash, "REVIEWER");
		}

		long outline = document("质量发展纲要（2011—2020年）", "国务院", "国发〔2012〕9号", "NATIONAL", "100000",
				LocalDate.of(2012, 2, 6), "EXPIRED", null);
		long made2025 = document("中国制造2025", "国务院", "国发〔2015〕28号", "NATIONAL", "100000", LocalDate.of(2015, 5, 8),
				"IN_FORCE", null);
		long guangxi = document("广西壮族自治区人民政府关于实施质量强桂战略的决定", "广西壮族自治区人民政府", null, "PROVINCIAL", "450000",
				null, "IN_FORCE", null);
		long city = document("防城港市人民政府关于印发《关于实施质量强市战略的决定》的通知", "防城港市人民政府", "防政发〔2017〕14号", "CITY",
				CITY, LocalDate.of(2017, 6, 13), "IN_FORCE", text("demo/fangchenggang-city-2017.txt"));
		long district = document("港口区贯彻落实质量强市战略实施方案（演示）", "防城港市港口区人民政府", "港质强办〔2017〕1号", "COUNTY", "450602",
				LocalDate.of(2017, 9, 1), "IN_FORCE", null);
		parent(guangxi, outline, "IMPLEMENTS");
		parent(city, guangxi, "IMPLEMENTS");
		parent(city, made2025, "CITES");
		parent(district, city, "IMPLEMENTS");

		JsonNode plan;
		try (InputStream in = new ClassPathResource("demo/fangchenggang-2017.json").getInputStream()) {
			plan = json.readTree(in);
		}
		Map<String, Long> goals = new HashMap<>();
		int position = 1;
		for (JsonNode goal : plan.get("goals")) {
			goals.put(goal.get("area").asString(), jdbc.sql(
					"insert into goal (document_id, area, title, position) values (?, ?, ?, ?) returning id")
				.params(city, goal.get("area").asString(), goal.get("title").asString(), position++)
				.query(Long.class)
				.single());
		}
		Map<String, Long> indicators = new HashMap<>();
		for (JsonNode indicator : plan.get("indicators")) {
			indicators.put(indicator.get("code").asString(), jdbc.sql("""
					insert into indicator (code, name, category, unit, value_type, direction, aggregation, supplier_department_id)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(indicator.get("code").asString(), indicator.get("name").asString(),
						indicator.get("category").asString(), indicator.get("unit").asString(),
						indicator.get("valueType").asString(), indicator.get("direction").asString(),
						indicator.get("aggregation").asString(),
						departments.get(CITY).get(LEAD_BY_AREA.get(indicator.get("category").asString())))
				.query(Long.class)
				.single());
		}
		Map<String, Long> cityTargets = new HashMap<>();
		for (JsonNode target : plan.get("targets")) {
			String area = target.get("goal").asString();
			boolean increment = target.get("increment").asBoolean();
			cityTargets.put(target.get("indicator").asString(),
					target(indicators.get(target.get("indicator").asString()), CITY, city, goals.get(area),
							target.get("comparator").asString(), target.get("value").asString(),
							target.get("valueMax").isNull() ? null : target.get("valueMax").asString(),
							target.get("deadlineYear").asInt(), increment ? 2017 : 2016, increment,
							departments.get(CITY).get(LEAD_BY_AREA.get(area)), target.get("quote").asString(), null));
		}

		// The city cascades its manufacturing pass rate (same threshold) and new Guangxi brands (shares) to the counties.
		Map<String, String> brandShares = Map.of("450602", "8", "450603", "8", "450621", "6", "450681", "8");
		for (String[] county : COUNTIES) {
			Map<String, Long> own = departments.get(county[0]);
			target(indicators.get("FCG-02"), county[0], city, goals.get("PRODUCT"), "GE", "93", null, 2020, 2016, false,
					own.get("MARKET_REGULATION"), null, cityTargets.get("FCG-02"));
			target(indicators.get("FCG-17"), county[0], city, goals.get("BRAND"), "GE", brandShares.get(county[0]), null,
					2020, 2017, true, own.get("MARKET_REGULATION"), null, cityTargets.get("FCG-17"));
		}

		// ... and its other pass and satisfaction rates, same thresholds, led by the county's department of the area,
		// so each county's dashboard has targets in several goal areas.
		for (JsonNode target : plan.get("targets")) {
			String code = target.get("indicator").asString();
			boolean rate = plan.get("indicators").valueStream()
				.anyMatch(indicator -> indicator.get("code").asString().equals(code) && indicator.get("unit").asString().equals("%"));
			if (!rate || code.equals("FCG-02")) {
				continue;
			}
			String area = target.get("goal").asString();
			for (String[] county : COUNTIES) {
				target(indicators.get(code), county[0], city, goals.get(area), "GE", target.get("value").asString(), null,
						target.get("deadlineYear").asInt(), 2016, false, departments.get(county[0]).get(LEAD_BY_AREA.get(area)),
						null, cityTargets.get(code));
			}
		}

		// The district plan: one target stronger than the city's, two weaker (flagged on its page).
		Map<String, Long> gangkou = departments.get("450602");
		target(indicators.get("FCG-02"), "450602", district, null, "GE", "92", null, 2020, 2016, false,
				gangkou.get("MARKET_REGULATION"), "全区制造业产品质量监督抽查合格率稳定在92%以上", null);
		target(indicators.get("FCG-03"), "450602", district, null, "GE", "96", null, 2020, 2016, false,
				gangkou.get("MARKET_REGULATION"), "规模以上食品生产企业食品抽查合格率达到96%", null);
		target(indicators.get("FCG-17"), "450602", district, null, "GE", "6", null, 2020, 2017, true,
				gangkou.get("MARKET_REGULATION"), "新增广西名牌6个以上", null);

		values(plan, indicators);
		rubric();
		publish(city);

		long task = jdbc.sql("""
				insert into task (document_id, goal_id, title, lead_department_id, due_year, status)
				values (?, ?, ?, ?, 2020, 'IN_PROGRESS') returning id""")
			.params(city, goals.get("PRODUCT"), "实施质量提升工程：开展重点产品质量攻关，推动企业质量管理体系认证",
					departments.get(CITY).get("MARKET_REGULATION"))
			.query(Long.class)
			.single();
		jdbc.sql("insert into task_note (task_id, noted_on, note, author) values (?, ?, ?, 'office')")
			.params(task, LocalDate.of(2018, 12, 20), "完成 2018 年度重点产品质量攻关项目 12 项（演示数据）。")
			.update();
		jdbc.sql("""
				insert into task (document_id, goal_id, title, lead_department_id, due_year, status)
				values (?, ?, ?, ?, 2020, 'NOT_STARTED')""")
			.params(city, goals.get("STANDARD"), "实施标准提升工程：建设标准化示范试点，推动企业公开产品和服务标准",
					departments.get(CITY).get("MARKET_REGULATION"))
			.update();
	}

	/**
	 * Yearly figures 2016–2020 of every demo indicator in each county-level unit, drawn from a
	 * seeded generator so every start gives the same demo: most approved, some met and some behind,
	 * a few missing, and a few 2020 figures submitted or returned. Each carries the note 演示数据.
	 */
	private void values(JsonNode plan, Map<String, Long> indicators) {
		Map<Integer, Long> periods = new HashMap<>();
		for (int year = 2016; year <= 2020; year++) {
			periods.put(year, jdbc.sql("insert into reporting_period (year, kind, number, due_on, status) values (?, 'ANNUAL', 0, ?, ?) returning id")
				.params(year, LocalDate.of(year + 1, 1, 31), year < 2020 ? "CLOSED" : "OPEN")
				.query(Long.class)
				.single());
		}
		List<AuditTrail.Entry> created = new ArrayList<>();
		for (JsonNode target : plan.get("targets")) {
			String code = target.get("indicator").asString();
			String unit = plan.get("indicators").valueStream()
				.filter(indicator -> indicator.get("code").asString().equals(code))
				.findFirst()
				.map(indicator -> indicator.get("unit").asString())
				.orElse("");
			double goal = target.get("value").asDouble();
			boolean rate = unit.equals("%");
			boolean increment = target.get("increment").asBoolean();
			for (String[] county : COUNTIES) {
				java.util.Random random = new java.util.Random(code.hashCode() * 31L + county[0].hashCode());
				// Rates start a little below the goal and climb; some counties stall. Counts grow towards a quarter of the city's goal.
				boolean behind = random.nextInt(4) == 0;
				double level = rate ? Math.max(50, goal - 3 - random.nextDouble() * 4) : 0;
				double share = Math.max(1, goal / 4);
				for (int year = 2016; year <= 2020; year++) {
					if (random.nextInt(25) == 0) {
						continue; // not reported
					}
					double value;
					if (rate) {
						level = Math.min(100, level + (behind ? random.nextDouble() * 0.4 : 0.4 + random.nextDouble() * 1.4));
						value = Math.round(level * 10) / 10.0;
					}
					else if (increment) {
						value = year <= 2017 ? 0 : Math.round(share * (year - 2017) / 3.0 * (behind ? 0.6 : 1.0 + random.nextDouble() * 0.2));
					}
					else {
						value = Math.round(share * (0.5 + (year - 2016) * (behind ? 0.06 : 0.15)));
					}
					String status = year < 2020 ? "APPROVED" : switch (random.nextInt(6)) {
						case 0 -> "RETURNED";
						case 1, 2 -> "SUBMITTED";
						default -> "APPROVED";
					};
					long id = jdbc.sql("""
							insert into indicator_value (indicator_id, region_code, period_id, value, note, status, return_reason, updated_by,
							                             first_submitted_at)
							values (?, ?, ?, cast(? as numeric), '演示数据', ?, ?, ?, ?) returning id""")
						.params(indicators.get(code), county[0], periods.get(year), String.valueOf(value), status,
								status.equals("RETURNED") ? "请补充数据来源（演示）" : null, "reporter-" + county[0],
								// The demo's figures under review were submitted on time, before the period's due date.
								status.equals("APPROVED") ? null : java.time.OffsetDateTime.parse("2021-01-20T10:00:00+08:00"))
						.query(Long.class)
						.single();
					created.add(new AuditTrail.Entry(id, "CREATE", null,
							Map.of("value", new BigDecimal(String.valueOf(value)), "status", status), "演示数据"));
				}
			}
		}
		audit.recordAll("demo", "indicator_value", created);
		// A returned figure remembers what it held when returned, so resubmitting it unchanged asks for a note.
		jdbc.sql("""
				update indicator_value
				set returned_at = updated_at, returned_reason = return_reason, returned_value = value,
				    returned_numerator = numerator, returned_denominator = denominator, returned_note = note
				where status = 'RETURNED' and returned_at is null""").update();
	}

	/**
	 * The city's 2019 rubric (考核评分细则) of its counties, the worked example of
	 * docs/assessment.md: three counties have submitted their self-assessments with evidence;
	 * 港口区 has not started, so a visitor can self-assess it and the office review all four.
	 * Automatic criteria are left for the portal to fill from the scheme.
	 */
	private void rubric() {
		long rubric = jdbc.sql("""
				insert into rubric (year, parent_region_code, bonus_cap, deduction_cap, grade_excellent, grade_good, grade_pass, updated_by)
				values (2019, ?, 5, 6, 90, 80, 60, 'demo') returning id""")
			.param(CITY)
			.query(Long.class)
			.single();
		Object[][] items = { { "CRITERION", "一、质量发展水平", "质量目标完成情况", 30, "TARGETS", null, null },
				{ "CRITERION", "一、质量发展水平", "数据按时填报", 10, "PUNCTUALITY", null, null },
				{ "CRITERION", "二、工作措施", "领导小组和工作机制健全，年内召开专题会议", 20, "MANUAL", "领导小组成立文件、会议纪要", null },
				{ "CRITERION", "二、工作措施", "质量工作经费列入财政预算", 20, "MANUAL", "财政预算或拨款文件", null },
				{ "CRITERION", "三、质量安全", "质量安全监管和风险防控", 20, "MANUAL", "监督抽查和风险监测报告", null },
				{ "BONUS", "四、加分项", "获得国家级或自治区级质量荣誉", 3, "MANUAL", "表彰文件", null },
				{ "BONUS", "四、加分项", "新增广西名牌产品或地理标志产品", 3, "MANUAL", "认定文件", null },
				{ "DEDUCTION", "五、扣分项", "被上级通报批评", 5, "MANUAL", null, null },
				{ "DEDUCTION", "五、扣分项", "未按时报送年度工作总结", 3, "MANUAL", null, null },
				{ "VETO", "六、一票否决", "发生重大质量安全事故", 0, "MANUAL", "事故调查报告", "FAIL" } };
		long[] ids = new long[items.length];
		for (int i = 0; i < items.length; i++) {
			Object[] item = items[i];
			ids[i] = jdbc.sql("""
					insert into rubric_item (rubric_id, position, kind, category, title, points, method, evidence_required, veto_grade)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(rubric, i + 1, item[0], item[1], item[2], item[3], item[4], item[5], item[6])
				.query(Long.class)
				.single();
		}
		// Self-scores of items 3–9 (the manual ones) per county.
		Map<String, int[]> scores = Map.of("450603", new int[] { 18, 16, 18, 3, 3, 0, 0 }, "450621",
				new int[] { 15, 12, 16, 0, 0, 5, 3 }, "450681", new int[] { 20, 18, 19, 3, 0, 0, 0 });
		byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);
		for (Map.Entry<String, int[]> county : new java.util.TreeMap<>(scores).entrySet()) {
			long sheet = jdbc.sql("""
					insert into self_assessment (rubric_id, region_code, status, submitted_at, submitted_by)
					values (?, ?, 'SUBMITTED', timestamptz '2020-01-20 10:00+08', ?) returning id""")
				.params(rubric, county.getKey(), "reporter-" + county.getKey())
				.query(Long.class)
				.single();
			for (int i = 0; i < 7; i++) {
				int score = county.getValue()[i];
				long item = ids[i + 2];
				jdbc.sql("insert into self_assessment_line (self_assessment_id, item_id, self_score, explanation) values (?, ?, ?, ?)")
					.params(sheet, item, score, score > 0 ? "见佐证材料（演示数据）" : "无（演示数据）")
					.update();
				if (score > 0 && items[i + 2][5] != null) {
					jdbc.sql("""
							insert into self_assessment_evidence (self_assessment_id, item_id, filename, content_type, size_bytes, content, uploaded_by)
							values (?, ?, ?, 'application/pdf', ?, ?, ?)""")
						.params(sheet, item, items[i + 2][5] + "（演示）.pdf", pdf.length, pdf, "reporter-" + county.getKey())
						.update();
				}
			}
			audit.record("demo", "self_assessment", sheet, "SUBMIT", null, Map.of("status", "SUBMITTED"), "演示数据");
		}
	}

	/**
	 * The office has published the city's decision and the closed years 2016–2019 (政务公开), so the
	 * public site shows something out of the box; the district plan and the open year 2020 stay internal.
	 */
	private void publish(long document) {
		jdbc.sql("insert into published_document (document_id, published_by) values (?, 'office')").param(document).update();
		audit.record("demo", "published_document", document, "PUBLISH", null, Map.of("document", "防政发〔2017〕14号"), "演示数据");
		for (int year = 2016; year <= 2019; year++) {
			jdbc.sql("insert into published_year (region_code, year, published_by) values (?, ?, 'office')").params(CITY, year).update();
			audit.record("demo", "published_year", (long) year, "PUBLISH", null, Map.of("region", CITY, "year", year), "演示数据");
		}
	}

	private void region(String code, String name, String level, String parent) {
		jdbc.sql("insert into region (code, name, level, parent_code) values (?, ?, ?, ?) on conflict (code) do nothing")
			.params(code, name, level, parent)
			.update();
	}

	private Map<String, Long> departmentsOf(String regionCode, String regionName) {
		Map<String, Long> ids = new HashMap<>();
		for (String[] department : DEPARTMENTS) {
			ids.put(department[0], department(regionCode, regionName + department[1], department[2], department[0]));
		}
		return ids;
	}

	private long department(String regionCode, String name, String shortName, String kind) {
		jdbc.sql("""
				insert into department (region_code, name, short_name, kind) values (?, ?, ?, ?)
				on conflict (region_code, name) do nothing""").params(regionCode, name, shortName, kind).update();
		return jdbc.sql("select id from department where region_code = ? and name = ?")
			.params(regionCode, name)
			.query(Long.class)
			.single();
	}

	private void account(String username, String displayName, long department, boolean includeSubregions,
			String passwordHash, String role) {
		long id = jdbc.sql("""
				insert into user_account (username, display_name, password_hash, department_id, scope_includes_subregions)
				values (?, ?, ?, ?, ?) returning id""")
			.params(username, displayName, passwordHash, department, includeSubregions)
			.query(Long.class)
			.single();
		jdbc.sql("insert into user_account_role (account_id, role) values (?, ?)").params(id, role).update();
	}

	private long document(String title, String issuer, String number, String level, String region, LocalDate issued,
			String status, String text) {
		return jdbc.sql("""
				insert into policy_document (title, issuer, doc_number, level, region_code, issue_date, status, repealed_on, full_text)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(title, issuer, number, level, region, issued, status, null, text)
			.query(Long.class)
			.single();
	}

	private void parent(long document, long parent, String relation) {
		jdbc.sql("insert into policy_document_parent (document_id, parent_id, relation) values (?, ?, ?)")
			.params(document, parent, relation)
			.update();
	}

	private long target(long indicator, String region, long document, Long goal, String comparator, String value,
			String valueMax, int deadline, int baselineYear, boolean increment, Long lead, String quote, Long parent) {
		String unit = jdbc.sql("select unit from indicator where id = ?").param(indicator).query(String.class).single();
		return jdbc.sql("""
				insert into target (indicator_id, region_code, document_id, goal_id, comparator, value, value_max, unit,
				                    baseline_year, deadline_year, increment, lead_department_id, quote, parent_target_id)
				values (?, ?, ?, ?, ?, cast(? as numeric), cast(? as numeric), ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(indicator, region, document, goal, comparator, value, valueMax, unit, baselineYear, deadline,
					increment, lead, quote, parent)
			.query(Long.class)
			.single();
	}

	private static String text(String resource) throws IOException {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String randomPassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder("Demo-");
		for (int i = 0; i < 12; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}

}
