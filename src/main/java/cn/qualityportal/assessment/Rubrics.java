package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.qualityportal.assessment.RubricScore.Grade;
import cn.qualityportal.assessment.RubricScore.Kind;
import cn.qualityportal.assessment.RubricScore.Method;
import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.StaleForms;
import cn.qualityportal.system.UploadedFiles;
import cn.qualityportal.targets.GoalArea;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rubrics, self-assessments and their review, results and publication (docs/assessment.md, "The
 * rubric"). Criteria scored from targets or punctuality take their numbers from today's scheme
 * ({@link Assessments#ranking}), so the scheme is the automatic part of the rubric. Callers check
 * who may act (role and place in the region tree); this class checks the state each act needs,
 * and every change is in the audit trail.
 */
@Service
public class Rubrics {

	static final String RUBRIC = "rubric";

	static final String SELF_ASSESSMENT = "self_assessment";

	private final JdbcClient jdbc;

	private final Assessments assessments;

	private final AuditTrail audit;

	private final JsonMapper json;

	Rubrics(JdbcClient jdbc, Assessments assessments, AuditTrail audit, JsonMapper json) {
		this.jdbc = jdbc;
		this.assessments = assessments;
		this.audit = audit;
		this.json = json;
	}

	/** An item as the office enters or imports it. */
	public record ItemInput(Kind kind, String category, String title, BigDecimal points, Method method, GoalArea area,
			String evidenceRequired, Grade vetoGrade) {
	}

	/** Caps and thresholds as the office enters them. */
	record Settings(BigDecimal bonusCap, BigDecimal deductionCap, BigDecimal excellent, BigDecimal good,
			BigDecimal pass) {
	}

	/** What a district enters on one line. */
	record SelfInput(String score, String explanation) {
	}

	/** What the office enters on one line: a score (criteria, bonus, deduction) or a veto decision, and a reason. */
	record ReviewInput(String score, String reason, Boolean vetoed) {
	}

	/** The lines behind an automatic criterion's score. */
	public record Detail(List<AssessmentScore.TargetLine> targets, AssessmentScore.Reporting reporting,
			BigDecimal deductions) {
	}

	public record Evidence(long id, long itemId, String filename, int sizeBytes, String uploadedAt, String uploadedBy) {
	}

	public record Line(Rubric.Item item, BigDecimal selfScore, String explanation, Detail detail, BigDecimal reviewScore,
			String reviewReason, Boolean vetoed, List<Evidence> evidence) {

		/** The office's score differs from the district's (or the district gave none). */
		public boolean differs() {
			return reviewScore != null && (selfScore == null || reviewScore.compareTo(selfScore) != 0);
		}

	}

	/**
	 * A region's self-assessment with the office's review; {@code id} 0 while nothing is saved.
	 * {@code self} scores the district's numbers, {@code reviewed} the office's (null until every
	 * line is reviewed).
	 */
	public record Sheet(Rubric rubric, long id, String regionCode, String regionName, String status,
			String returnReason, long version, String submittedAt, String submittedBy, String confirmedAt,
			String confirmedBy, List<Line> lines, RubricScore.Result self, RubricScore.Result reviewed) {

		public boolean editableByDistrict() {
			return !rubric.published() && (status.equals("DRAFT") || status.equals("RETURNED"));
		}

		public boolean reviewable() {
			return !rubric.published() && status.equals("SUBMITTED");
		}

	}

	/** One row of the results: {@code result} null while the region's self-assessment is not confirmed. */
	public record Standing(Integer rank, Integer previousRank, String regionCode, String regionName, String status,
			RubricScore.Result result) {

		public Integer movement() {
			return rank == null || previousRank == null ? null : previousRank - rank;
		}

	}

	public record Results(Rubric rubric, List<Standing> rows) {

		public boolean complete() {
			return !rows.isEmpty() && rows.stream().allMatch(row -> row.result() != null);
		}

		public Optional<Standing> of(String regionCode) {
			return rows.stream().filter(row -> row.regionCode().equals(regionCode)).findFirst();
		}

	}

	// ---- the rubric ----

	@Transactional(readOnly = true)
	public Optional<Rubric> find(int year, String parent) {
		return jdbc.sql("select id from rubric where year = :year and parent_region_code = :parent")
			.param("year", year)
			.param("parent", parent)
			.query(Long.class)
			.optional()
			.map(this::get);
	}

	@Transactional(readOnly = true)
	public Rubric get(long id) {
		List<Rubric.Item> items = jdbc.sql("""
				select id, position, kind, category, title, points, method, area, evidence_required, veto_grade
				from rubric_item where rubric_id = :id order by position, id""")
			.param("id", id)
			.query((rs, row) -> new Rubric.Item(rs.getLong(1), rs.getInt(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
					rs.getString(5), rs.getBigDecimal(6), Method.valueOf(rs.getString(7)),
					rs.getString(8) == null ? null : GoalArea.of(rs.getString(8)), rs.getString(9),
					rs.getString(10) == null ? null : Grade.valueOf(rs.getString(10))))
			.list();
		return jdbc.sql("""
				select r.id, r.year, r.parent_region_code, g.name, r.bonus_cap, r.deduction_cap, r.grade_excellent,
				       r.grade_good, r.grade_pass, r.version,
				       to_char(p.published_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), person_name(p.published_by)
				from rubric r join region_directory g on g.code = r.parent_region_code
				left join rubric_publication p on p.rubric_id = r.id where r.id = :id""")
			.param("id", id)
			.query((rs, row) -> new Rubric(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
					rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getLong(10),
					rs.getString(12) != null, rs.getString(11), rs.getString(12), items))
			.optional()
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
	}

	/** A new, empty rubric of the year, or a copy of last year's (items, caps, thresholds). */
	@Transactional
	public long create(int year, String parent, boolean copyPrevious, String actor) {
		if (find(year, parent).isPresent()) {
			throw new Refusal(HttpStatus.CONFLICT, "rubric.exists");
		}
		Optional<Rubric> previous = copyPrevious ? find(year - 1, parent) : Optional.empty();
		if (copyPrevious && previous.isEmpty()) {
			throw new Refusal(HttpStatus.CONFLICT, "rubric.noPrevious");
		}
		Settings settings = previous.map(p -> new Settings(p.bonusCap(), p.deductionCap(), p.excellent(), p.good(), p.pass()))
			.orElse(new Settings(new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("90"), new BigDecimal("80"),
					new BigDecimal("60")));
		long id = jdbc.sql("""
				insert into rubric (year, parent_region_code, bonus_cap, deduction_cap, grade_excellent, grade_good, grade_pass, updated_by)
				values (:year, :parent, :bonus, :deduction, :excellent, :good, :pass, :actor) returning id""")
			.param("year", year)
			.param("parent", parent)
			.param("bonus", settings.bonusCap())
			.param("deduction", settings.deductionCap())
			.param("excellent", settings.excellent())
			.param("good", settings.good())
			.param("pass", settings.pass())
			.param("actor", actor)
			.query(Long.class)
			.single();
		previous.ifPresent(p -> p.items().forEach(item -> insertItem(id, item.position(), input(item))));
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("year", year);
		state.put("region", parent);
		previous.ifPresent(p -> state.put("copiedFrom", p.id()));
		state.put("items", previous.map(p -> p.items().size()).orElse(0));
		audit.record(actor, RUBRIC, id, "CREATE", null, state, null);
		return id;
	}

	@Transactional
	public void settings(long id, Settings settings, long version, String actor) {
		Rubric before = editable(id, version);
		if (settings.excellent().compareTo(settings.good()) < 0 || settings.good().compareTo(settings.pass()) < 0) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.thresholdsOrder");
		}
		jdbc.sql("""
				update rubric set bonus_cap = :bonus, deduction_cap = :deduction, grade_excellent = :excellent,
				    grade_good = :good, grade_pass = :pass, version = version + 1, updated_by = :actor, updated_at = now()
				where id = :id""")
			.param("bonus", settings.bonusCap())
			.param("deduction", settings.deductionCap())
			.param("excellent", settings.excellent())
			.param("good", settings.good())
			.param("pass", settings.pass())
			.param("actor", actor)
			.param("id", id)
			.update();
		audit.record(actor, RUBRIC, id, "UPDATE", settingsState(before), Map.of("bonusCap", settings.bonusCap(),
				"deductionCap", settings.deductionCap(), "excellent", settings.excellent(), "good", settings.good(), "pass",
				settings.pass()), null);
	}

	@Transactional
	public void addItem(long id, ItemInput input, long version, String actor) {
		Rubric rubric = editable(id, version);
		check(input, 1);
		int position = rubric.items().stream().mapToInt(Rubric.Item::position).max().orElse(0) + 1;
		long itemId = insertItem(id, position, input);
		touch(id, actor);
		audit.record(actor, RUBRIC, id, "ITEM_ADD", null, itemState(itemId, input), null);
	}

	@Transactional
	public void removeItem(long id, long itemId, long version, String actor) {
		Rubric rubric = editable(id, version);
		Rubric.Item item = rubric.items().stream().filter(i -> i.id() == itemId).findFirst()
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		jdbc.sql("delete from rubric_item where id = :item and rubric_id = :id").param("item", itemId).param("id", id).update();
		touch(id, actor);
		audit.record(actor, RUBRIC, id, "ITEM_REMOVE", itemState(itemId, input(item)), null, null);
	}

	/**
	 * Changes an item in place (its position and id stay) while the rubric may change: not
	 * published, no district's self-assessment submitted; a stale {@code version} is a conflict.
	 */
	@Transactional
	public void updateItem(long id, long itemId, ItemInput input, long version, String actor) {
		Rubric rubric = editable(id, version);
		Rubric.Item item = rubric.items().stream().filter(i -> i.id() == itemId).findFirst()
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		check(input, 1);
		jdbc.sql("""
				update rubric_item set kind = :kind, category = :category, title = :title, points = :points, method = :method,
				    area = :area, evidence_required = :evidence, veto_grade = :veto
				where id = :item and rubric_id = :rubric""")
			.param("kind", input.kind().name())
			.param("category", input.category())
			.param("title", input.title())
			.param("points", input.points())
			.param("method", input.method().name())
			.param("area", input.area() == null ? null : input.area().name())
			.param("evidence", input.evidenceRequired())
			.param("veto", input.vetoGrade() == null ? null : input.vetoGrade().name())
			.param("item", itemId)
			.param("rubric", id)
			.update();
		touch(id, actor);
		audit.record(actor, RUBRIC, id, "ITEM_UPDATE", itemState(itemId, input(item)), itemState(itemId, input), null);
	}

	/** Replaces all items by those of an imported workbook: all or none. */
	@Transactional
	public void replaceItems(long id, List<ItemInput> inputs, long version, String actor) {
		Rubric rubric = editable(id, version);
		for (int i = 0; i < inputs.size(); i++) {
			check(inputs.get(i), i + 2);
		}
		jdbc.sql("delete from rubric_item where rubric_id = :id").param("id", id).update();
		for (int i = 0; i < inputs.size(); i++) {
			insertItem(id, i + 1, inputs.get(i));
		}
		touch(id, actor);
		audit.record(actor, RUBRIC, id, "IMPORT", Map.of("items", rubric.items().size()), Map.of("items", inputs.size()), null);
	}

	// ---- self-assessment and review ----

	/** The sheet of a region directly below the rubric's region (404 for any other region). */
	@Transactional(readOnly = true)
	public Sheet sheet(Rubric rubric, String regionCode) {
		List<Sheet> sheets = sheets(rubric, List.of(regionCode));
		if (sheets.isEmpty()) {
			throw new Refusal(HttpStatus.NOT_FOUND, "error.404.detail");
		}
		return sheets.get(0);
	}

	/**
	 * The sheets of the given regions directly below the rubric's region (others are left out), in
	 * region order: a fixed number of statements whatever the regions and items, and the automatic
	 * criteria computed at most once (one live ranking of the year, {@link Assessments#scores}).
	 */
	List<Sheet> sheets(Rubric rubric, List<String> regionCodes) {
		if (regionCodes.isEmpty()) {
			return List.of();
		}
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql("select code, name from region_directory where parent_code = :parent and code in (:codes) order by code")
			.param("parent", rubric.parentCode())
			.param("codes", regionCodes)
			.query((rs, row) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		if (names.isEmpty()) {
			return List.of();
		}
		Map<String, Map<String, Object>> stored = new HashMap<>();
		jdbc.sql("""
				select id, region_code, status, return_reason, version, person_name(submitted_by) as submitted_by,
				       person_name(confirmed_by) as confirmed_by,
				       to_char(submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as submitted_at,
				       to_char(confirmed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as confirmed_at
				from self_assessment where rubric_id = :rubric and region_code in (:codes)""")
			.param("rubric", rubric.id())
			.param("codes", List.copyOf(names.keySet()))
			.query()
			.listOfRows()
			.forEach(row -> stored.put((String) row.get("region_code"), row));
		// Lines and evidence of every sheet at once, keyed by sheet id, then item id.
		Map<Long, Map<Long, Map<String, Object>>> saved = new HashMap<>();
		jdbc.sql("""
				select l.self_assessment_id, l.item_id, l.self_score, l.explanation, l.detail::text as detail, l.review_score,
				       l.review_reason, l.vetoed
				from self_assessment_line l join self_assessment s on s.id = l.self_assessment_id
				where s.rubric_id = :rubric and s.region_code in (:codes)""")
			.param("rubric", rubric.id())
			.param("codes", List.copyOf(names.keySet()))
			.query()
			.listOfRows()
			.forEach(row -> saved.computeIfAbsent(((Number) row.get("self_assessment_id")).longValue(), id -> new HashMap<>())
				.put(((Number) row.get("item_id")).longValue(), row));
		Map<Long, Map<Long, List<Evidence>>> evidence = new HashMap<>();
		jdbc.sql("""
				select e.id, e.item_id, e.filename, e.size_bytes,
				       to_char(e.uploaded_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), person_name(e.uploaded_by),
				       e.self_assessment_id
				from self_assessment_evidence e join self_assessment s on s.id = e.self_assessment_id
				where s.rubric_id = :rubric and s.region_code in (:codes) order by e.id""")
			.param("rubric", rubric.id())
			.param("codes", List.copyOf(names.keySet()))
			.query((rs, row) -> evidence.computeIfAbsent(rs.getLong(7), id -> new HashMap<>())
				.computeIfAbsent(rs.getLong(2), item -> new ArrayList<>())
				.add(new Evidence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6))))
			.list();
		// While a district may still change its sheet, automatic criteria show today's numbers; once
		// submitted, the numbers stored then (computed now if none were stored). One live ranking
		// serves every sheet that needs it.
		Map<String, AssessmentScore.RegionScore> scores = null;
		List<Sheet> sheets = new ArrayList<>();
		for (Map.Entry<String, String> region : names.entrySet()) {
			Optional<Map<String, Object>> row = Optional.ofNullable(stored.get(region.getKey()));
			long id = row.map(r -> ((Number) r.get("id")).longValue()).orElse(0L);
			String status = row.map(r -> (String) r.get("status")).orElse("DRAFT");
			Map<Long, Map<String, Object>> lines = saved.getOrDefault(id, Map.of());
			boolean live = !rubric.published() && (status.equals("DRAFT") || status.equals("RETURNED"));
			boolean unstored = rubric.items().stream()
				.anyMatch(item -> item.automatic() && lines.getOrDefault(item.id(), Map.of()).get("self_score") == null);
			Map<Long, Automatic> automatic = Map.of();
			if ((live || (unstored && !rubric.published())) && rubric.items().stream().anyMatch(Rubric.Item::automatic)) {
				if (scores == null) {
					scores = assessments.scores(rubric.parentCode(), rubric.year());
				}
				automatic = automatic(rubric, scores.get(region.getKey()));
			}
			sheets.add(sheet(rubric, region.getKey(), region.getValue(), row, status, lines,
					evidence.getOrDefault(id, Map.of()), live, automatic));
		}
		return sheets;
	}

	private Sheet sheet(Rubric rubric, String regionCode, String regionName, Optional<Map<String, Object>> stored,
			String status, Map<Long, Map<String, Object>> saved, Map<Long, List<Evidence>> evidence, boolean live,
			Map<Long, Automatic> automatic) {
		long id = stored.map(row -> ((Number) row.get("id")).longValue()).orElse(0L);
		List<Line> lines = new ArrayList<>();
		for (Rubric.Item item : rubric.items()) {
			Map<String, Object> row = saved.getOrDefault(item.id(), Map.of());
			BigDecimal selfScore = (BigDecimal) row.get("self_score");
			Detail detail = row.get("detail") == null ? null : json.readValue((String) row.get("detail"), Detail.class);
			if (automatic.containsKey(item.id()) && (live || selfScore == null)) {
				selfScore = automatic.get(item.id()).score();
				detail = automatic.get(item.id()).detail();
			}
			lines.add(new Line(item, selfScore, (String) row.get("explanation"), detail, (BigDecimal) row.get("review_score"),
					(String) row.get("review_reason"), (Boolean) row.get("vetoed"), evidence.getOrDefault(item.id(), List.of())));
		}
		RubricScore.Result self = RubricScore.score(rubric.rules(),
				lines.stream().map(line -> scored(line, line.selfScore(), false)).toList());
		boolean reviewed = lines.stream().allMatch(line -> line.item().kind() == Kind.VETO ? line.vetoed() != null
				: line.reviewScore() != null);
		RubricScore.Result review = reviewed && id != 0 && !lines.isEmpty() ? RubricScore.score(rubric.rules(),
				lines.stream().map(line -> scored(line, line.reviewScore(), true)).toList()) : null;
		return new Sheet(rubric, id, regionCode, regionName, status,
				stored.map(row -> (String) row.get("return_reason")).orElse(null),
				stored.map(row -> ((Number) row.get("version")).longValue()).orElse(0L),
				stored.map(row -> (String) row.get("submitted_at")).orElse(null),
				stored.map(row -> (String) row.get("submitted_by")).orElse(null),
				stored.map(row -> (String) row.get("confirmed_at")).orElse(null),
				stored.map(row -> (String) row.get("confirmed_by")).orElse(null), lines, self, review);
	}

	/**
	 * Saves the district's scores and explanations (automatic criteria are the portal's); with
	 * {@code submit}, hands the sheet to the office, which needs every manual criterion scored
	 * and explained and, where the item asks for evidence and the score is above zero, evidence.
	 */
	@Transactional
	public void saveSelf(Rubric rubric, String regionCode, Map<Long, SelfInput> inputs, long version, boolean submit,
			String actor) {
		Sheet sheet = sheet(rubric, regionCode);
		if (!sheet.editableByDistrict()) {
			throw new Refusal(HttpStatus.CONFLICT, "rubric.notEditable");
		}
		long id = lock(sheet, version, actor);
		Map<String, Object> changes = new LinkedHashMap<>();
		// Every line is checked before anything is written, so a refusal names every line to correct.
		record Checked(Rubric.Item item, BigDecimal score, String explanation, Detail detail) {
		}
		List<Checked> checked = new ArrayList<>();
		Map<Long, Refusal> refused = new LinkedHashMap<>();
		for (Line line : sheet.lines()) {
			Rubric.Item item = line.item();
			SelfInput input = inputs.getOrDefault(item.id(), new SelfInput(null, null));
			try {
				String explanation = bounded(input.explanation(), 2000);
				BigDecimal score;
				Detail detail = null;
				if (item.kind() == Kind.VETO) {
					score = null;
				}
				else if (item.automatic()) {
					score = line.selfScore();
					detail = line.detail();
				}
				else {
					score = number(input.score(), item);
				}
				if (submit && item.kind() == Kind.CRITERION && !item.automatic()) {
					if (score == null || explanation == null) {
						throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.selfIncomplete", item.title());
					}
				}
				if (submit && !item.automatic() && item.kind() != Kind.VETO && score != null && score.signum() > 0
						&& item.evidenceRequired() != null && line.evidence().isEmpty()) {
					throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.evidenceMissing", item.title());
				}
				checked.add(new Checked(item, score, explanation, detail));
			}
			catch (Refusal refusal) {
				refused.put(item.id(), refusal);
			}
		}
		if (!refused.isEmpty()) {
			throw Refusal.lineByLine("rubric.linesRefused", refused);
		}
		for (Checked line : checked) {
			jdbc.sql("""
					insert into self_assessment_line (self_assessment_id, item_id, self_score, explanation, detail)
					values (:id, :item, :score, :explanation, cast(:detail as jsonb))
					on conflict (self_assessment_id, item_id) do update set self_score = excluded.self_score,
					    explanation = excluded.explanation, detail = excluded.detail""")
				.param("id", id)
				.param("item", line.item().id())
				.param("score", line.score())
				.param("explanation", line.explanation())
				.param("detail", line.detail() == null ? null : json.writeValueAsString(line.detail()))
				.update();
			if (line.score() != null) {
				changes.put("self." + line.item().id(), line.score());
			}
		}
		if (submit) {
			jdbc.sql("""
					update self_assessment set status = 'SUBMITTED', submitted_at = now(), submitted_by = :actor
					where id = :id""")
				.param("actor", actor)
				.param("id", id)
				.update();
			changes.put("status", "SUBMITTED");
		}
		audit.record(actor, SELF_ASSESSMENT, id, submit ? "SUBMIT" : "UPDATE", Map.of("status", sheet.status()), changes,
				null);
	}

	@Transactional
	public long attach(Rubric rubric, String regionCode, long itemId, boolean byOffice, String originalName,
			byte[] content, String actor) {
		Sheet sheet = sheet(rubric, regionCode);
		// The district attaches while it may edit; the office while it reviews (evidence of a veto, say).
		if (byOffice ? !sheet.reviewable() : !sheet.editableByDistrict()) {
			throw new Refusal(HttpStatus.CONFLICT, "rubric.notEditable");
		}
		Line line = sheet.lines().stream().filter(l -> l.item().id() == itemId).findFirst()
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		if (content.length > UploadedFiles.EVIDENCE_MAX_BYTES) {
			throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.tooLarge");
		}
		String filename = UploadedFiles.safeName(originalName, "evidence");
		String contentType = UploadedFiles.contentType(filename, content, UploadedFiles.EVIDENCE_TYPES)
			.orElseThrow(() -> new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.type"));
		long id = sheet.id() == 0 ? lock(sheet, 0, actor) : lockRow(sheet.id());
		if (line.evidence().size() >= UploadedFiles.EVIDENCE_MAX_FILES) {
			throw new Refusal(HttpStatus.CONFLICT, "evidence.tooMany");
		}
		long evidenceId = jdbc.sql("""
				insert into self_assessment_evidence (self_assessment_id, item_id, filename, content_type, size_bytes, content, uploaded_by)
				values (:id, :item, :filename, :type, :size, :content, :actor) returning id""")
			.param("id", id)
			.param("item", itemId)
			.param("filename", filename)
			.param("type", contentType)
			.param("size", content.length)
			.param("content", content)
			.param("actor", actor)
			.query(Long.class)
			.single();
		audit.record(actor, SELF_ASSESSMENT, id, "EVIDENCE_ADD", null,
				Map.of("item", itemId, "evidence", evidenceId, "filename", filename, "sizeBytes", content.length), null);
		return evidenceId;
	}

	@Transactional
	public void removeEvidence(Rubric rubric, String regionCode, long evidenceId, boolean byOffice, String actor) {
		Sheet sheet = sheet(rubric, regionCode);
		if (byOffice ? !sheet.reviewable() : !sheet.editableByDistrict()) {
			throw new Refusal(HttpStatus.CONFLICT, "rubric.notEditable");
		}
		String filename = jdbc.sql("delete from self_assessment_evidence where id = :e and self_assessment_id = :id returning filename")
			.param("e", evidenceId)
			.param("id", sheet.id())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		audit.record(actor, SELF_ASSESSMENT, sheet.id(), "EVIDENCE_REMOVE", Map.of("evidence", evidenceId, "filename", filename),
				null, null);
	}

	record StoredFile(String filename, String contentType, byte[] content) {
	}

	@Transactional(readOnly = true)
	StoredFile evidence(Rubric rubric, String regionCode, long evidenceId) {
		Sheet sheet = sheet(rubric, regionCode);
		return jdbc.sql("select filename, content_type, content from self_assessment_evidence where id = :e and self_assessment_id = :id")
			.param("e", evidenceId)
			.param("id", sheet.id())
			.query((rs, row) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
	}

	/**
	 * The office's review: a score for every criterion, bonus and deduction item (a reason wherever
	 * it differs from the district's), a decision on every veto item (a reason and evidence when
	 * vetoed); with {@code confirm}, the sheet is final.
	 */
	@Transactional
	public void review(Rubric rubric, String regionCode, Map<Long, ReviewInput> inputs, long version, boolean confirm,
			String actor) {
		Sheet sheet = sheet(rubric, regionCode);
		if (!sheet.reviewable()) {
			throw new Refusal(HttpStatus.CONFLICT, "rubric.notReviewable");
		}
		long id = lock(sheet, version, actor);
		Map<String, Object> before = new LinkedHashMap<>();
		Map<String, Object> after = new LinkedHashMap<>();
		// Every line is checked before anything is written, so a refusal names every line to correct.
		record Checked(Line line, BigDecimal score, String reason, Boolean vetoed) {
		}
		List<Checked> checked = new ArrayList<>();
		Map<Long, Refusal> refused = new LinkedHashMap<>();
		for (Line line : sheet.lines()) {
			Rubric.Item item = line.item();
			ReviewInput input = inputs.getOrDefault(item.id(), new ReviewInput(null, null, null));
			try {
				String reason = bounded(input.reason(), 2000);
				BigDecimal score = null;
				Boolean vetoed = null;
				if (item.kind() == Kind.VETO) {
					vetoed = input.vetoed();
					if (Boolean.TRUE.equals(vetoed) && (reason == null || line.evidence().isEmpty())) {
						throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.vetoNeedsReason", item.title());
					}
					if (confirm && vetoed == null) {
						throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.reviewIncomplete", item.title());
					}
				}
				else {
					score = number(input.score(), item);
					if (confirm && score == null) {
						throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.reviewIncomplete", item.title());
					}
					boolean differs = score != null && (line.selfScore() == null || score.compareTo(line.selfScore()) != 0);
					if (differs && reason == null) {
						throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.reasonNeeded", item.title());
					}
				}
				checked.add(new Checked(line, score, reason, vetoed));
			}
			catch (Refusal refusal) {
				refused.put(item.id(), refusal);
			}
		}
		if (!refused.isEmpty()) {
			throw Refusal.lineByLine("rubric.linesRefused", refused);
		}
		for (Checked entry : checked) {
			Line line = entry.line();
			Rubric.Item item = line.item();
			BigDecimal score = entry.score();
			String reason = entry.reason();
			Boolean vetoed = entry.vetoed();
			jdbc.sql("""
					insert into self_assessment_line (self_assessment_id, item_id, self_score, detail, review_score, review_reason, vetoed)
					values (:id, :item, :self, cast(:detail as jsonb), :score, :reason, :vetoed)
					on conflict (self_assessment_id, item_id) do update set review_score = excluded.review_score,
					    review_reason = excluded.review_reason, vetoed = excluded.vetoed,
					    self_score = coalesce(self_assessment_line.self_score, excluded.self_score),
					    detail = coalesce(self_assessment_line.detail, excluded.detail)""")
				.param("id", id)
				.param("self", item.automatic() ? line.selfScore() : null)
				.param("detail", item.automatic() && line.detail() != null ? json.writeValueAsString(line.detail()) : null)
				.param("item", item.id())
				.param("score", score)
				.param("reason", reason)
				.param("vetoed", vetoed)
				.update();
			if (!java.util.Objects.equals(line.reviewScore(), score) || !java.util.Objects.equals(line.vetoed(), vetoed)
					|| !java.util.Objects.equals(line.reviewReason(), reason)) {
				before.put("review." + item.id(), line.item().kind() == Kind.VETO ? line.vetoed() : line.reviewScore());
				after.put("review." + item.id(), item.kind() == Kind.VETO ? vetoed : score);
				if (reason != null) {
					after.put("reason." + item.id(), reason);
				}
			}
		}
		if (confirm) {
			jdbc.sql("update self_assessment set status = 'CONFIRMED', confirmed_at = now(), confirmed_by = :actor where id = :id")
				.param("actor", actor)
				.param("id", id)
				.update();
			before.put("status", sheet.status());
			after.put("status", "CONFIRMED");
		}
		audit.record(actor, SELF_ASSESSMENT, id, confirm ? "CONFIRM" : "REVIEW", before, after, null);
	}

	/** Returns a submitted sheet to the district for completion, with a reason. */
	@Transactional
	public void returnForCompletion(Rubric rubric, String regionCode, String reason, long version, String actor) {
		Sheet sheet = sheet(rubric, regionCode);
		if (!sheet.reviewable()) {
			throw new Refusal(HttpStatus.CONFLICT, "rubric.notReviewable");
		}
		String why = bounded(reason, 1000);
		if (why == null) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.returnReasonMissing");
		}
		long id = lock(sheet, version, actor);
		jdbc.sql("update self_assessment set status = 'RETURNED', return_reason = :reason where id = :id")
			.param("reason", why)
			.param("id", id)
			.update();
		audit.record(actor, SELF_ASSESSMENT, id, "RETURN", Map.of("status", sheet.status()), Map.of("status", "RETURNED"),
				why);
	}

	// ---- results and publication ----

	/** Where each region directly below the rubric's region stands with its sheet (NONE: not started); one query. */
	@Transactional(readOnly = true)
	public List<Standing> statuses(Rubric rubric) {
		return jdbc.sql("""
				select r.code, r.name, coalesce(s.status, 'NONE') from region_directory r
				left join self_assessment s on s.region_code = r.code and s.rubric_id = :rubric
				where r.parent_code = :parent and r.active order by r.code""")
			.param("rubric", rubric.id())
			.param("parent", rubric.parentCode())
			.query((rs, row) -> new Standing(null, null, rs.getString(1), rs.getString(2), rs.getString(3), null))
			.list();
	}

	/** Every region directly below the rubric's region, ranked by its confirmed review; as published once published. */
	@Transactional(readOnly = true)
	public Results results(Rubric rubric) {
		if (rubric.published()) {
			String stored = jdbc.sql("select results::text from rubric_publication where rubric_id = :id")
				.param("id", rubric.id())
				.query(String.class)
				.single();
			return new Results(rubric, List.of(json.readValue(stored, Standing[].class)));
		}
		List<Standing> regions = statuses(rubric);
		// Every confirmed sheet in one load: a fixed number of statements whatever the regions.
		List<RubricScore.Entry> entries = sheets(rubric, regions.stream()
			.filter(region -> "CONFIRMED".equals(region.status()))
			.map(Standing::regionCode)
			.toList()).stream().map(sheet -> new RubricScore.Entry(sheet.regionCode(), sheet.reviewed())).toList();
		Map<String, Integer> previous = previousRanks(rubric);
		Map<String, String> names = new HashMap<>();
		regions.forEach(region -> names.put(region.regionCode(), region.regionName()));
		List<Standing> rows = new ArrayList<>();
		for (RubricScore.Place place : RubricScore.rank(entries)) {
			String code = place.entry().regionCode();
			rows.add(new Standing(place.rank(), previous.get(code), code, names.getOrDefault(code, code), "CONFIRMED",
					place.entry().result()));
		}
		for (Standing region : regions) {
			if (rows.stream().noneMatch(row -> row.regionCode().equals(region.regionCode()))) {
				rows.add(region);
			}
		}
		return new Results(rubric, rows);
	}

	/** Freezes the results once every region's sheet is confirmed; audited with the ranking. */
	@Transactional
	public void publish(long rubricId, long version, String actor) {
		Rubric rubric = get(rubricId);
		jdbc.sql("select id from rubric where id = :id for update").param("id", rubricId).query(Long.class).single();
		if (rubric.published()) {
			throw new Refusal(HttpStatus.CONFLICT, "assessment.alreadyPublished");
		}
		if (rubric.version() != version) {
			throw new Refusal(HttpStatus.CONFLICT, StaleForms.CONFLICT);
		}
		Results results = results(rubric);
		if (!results.complete()) {
			throw new Refusal(HttpStatus.CONFLICT, "rubric.notAllConfirmed");
		}
		jdbc.sql("insert into rubric_publication (rubric_id, results, published_by) values (:id, cast(:results as jsonb), :actor)")
			.param("id", rubricId)
			.param("results", json.writeValueAsString(results.rows()))
			.param("actor", actor)
			.update();
		List<Map<String, Object>> summary = results.rows()
			.stream()
			.map(row -> Map.<String, Object>of("region", row.regionCode(), "rank", row.rank(), "total", row.result().total(),
					"grade", row.result().grade()))
			.toList();
		audit.record(actor, RUBRIC, rubricId, "PUBLISH", null,
				Map.of("year", rubric.year(), "region", rubric.parentCode(), "ranking", summary), null);
	}

	// ---- helpers ----

	private record Automatic(BigDecimal score, Detail detail) {
	}

	/** The automatic criteria of a region from its score under today's scheme (statuses and reporting record; none: no targets). */
	private static Map<Long, Automatic> automatic(Rubric rubric, AssessmentScore.RegionScore score) {
		List<AssessmentScore.TargetLine> targets = score == null ? List.of() : score.targets();
		AssessmentScore.Reporting reporting = score == null ? new AssessmentScore.Reporting(0, 0, 0) : score.reporting();
		BigDecimal deductions = score == null ? BigDecimal.ZERO : score.deductions();
		Map<Long, Automatic> automatic = new HashMap<>();
		for (Rubric.Item item : rubric.items()) {
			if (item.method() == Method.TARGETS) {
				List<AssessmentScore.TargetLine> mine = targets.stream()
					.filter(line -> item.area() == null || line.area() == item.area())
					.toList();
				automatic.put(item.id(), new Automatic(RubricScore.fromTargets(item.points(), mine), new Detail(mine, null, null)));
			}
			else if (item.method() == Method.PUNCTUALITY) {
				automatic.put(item.id(), new Automatic(RubricScore.fromPunctuality(item.points(), deductions),
						new Detail(List.of(), reporting, deductions)));
			}
		}
		return automatic;
	}

	private static RubricScore.Line scored(Line line, BigDecimal score, boolean review) {
		Rubric.Item item = line.item();
		if (item.kind() == Kind.VETO) {
			return new RubricScore.Line(Kind.VETO, BigDecimal.ZERO, null, review && Boolean.TRUE.equals(line.vetoed()),
					item.vetoGrade());
		}
		return new RubricScore.Line(item.kind(), item.points(), score, false, null);
	}

	/** The stored sheet locked for this change, created at version 1 if there is none yet. */
	private long lock(Sheet sheet, long version, String actor) {
		if (sheet.id() == 0) {
			if (version != 0) {
				throw new Refusal(HttpStatus.CONFLICT, StaleForms.CONFLICT);
			}
			Long id = jdbc.sql("""
					insert into self_assessment (rubric_id, region_code) values (:rubric, :code)
					on conflict (rubric_id, region_code) do nothing returning id""")
				.param("rubric", sheet.rubric().id())
				.param("code", sheet.regionCode())
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new Refusal(HttpStatus.CONFLICT, StaleForms.CONFLICT));
			audit.record(actor, SELF_ASSESSMENT, id, "CREATE", null,
					Map.of("rubric", sheet.rubric().id(), "region", sheet.regionCode()), null);
			return id;
		}
		int updated = jdbc.sql("update self_assessment set version = version + 1 where id = :id and version = :version")
			.param("id", sheet.id())
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new Refusal(HttpStatus.CONFLICT, StaleForms.CONFLICT);
		}
		return sheet.id();
	}

	private long lockRow(long id) {
		return jdbc.sql("select id from self_assessment where id = :id for update").param("id", id).query(Long.class).single();
	}

	private Rubric editable(long id, long version) {
		jdbc.sql("select id from rubric where id = :id for update").param("id", id).query(Long.class).optional()
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		Rubric rubric = get(id);
		if (rubric.published()) {
			throw new Refusal(HttpStatus.CONFLICT, "assessment.alreadyPublished");
		}
		if (rubric.version() != version) {
			throw new Refusal(HttpStatus.CONFLICT, StaleForms.CONFLICT);
		}
		boolean inUse = jdbc.sql("select exists (select 1 from self_assessment where rubric_id = :id and status <> 'DRAFT')")
			.param("id", id)
			.query(Boolean.class)
			.single();
		if (inUse) {
			throw new Refusal(HttpStatus.CONFLICT, "rubric.inUse");
		}
		return rubric;
	}

	private void touch(long id, String actor) {
		jdbc.sql("update rubric set version = version + 1, updated_by = :actor, updated_at = now() where id = :id")
			.param("actor", actor)
			.param("id", id)
			.update();
	}

	private long insertItem(long rubricId, int position, ItemInput input) {
		return jdbc.sql("""
				insert into rubric_item (rubric_id, position, kind, category, title, points, method, area, evidence_required, veto_grade)
				values (:rubric, :position, :kind, :category, :title, :points, :method, :area, :evidence, :veto) returning id""")
			.param("rubric", rubricId)
			.param("position", position)
			.param("kind", input.kind().name())
			.param("category", input.category())
			.param("title", input.title())
			.param("points", input.points())
			.param("method", input.method().name())
			.param("area", input.area() == null ? null : input.area().name())
			.param("evidence", input.evidenceRequired())
			.param("veto", input.vetoGrade() == null ? null : input.vetoGrade().name())
			.query(Long.class)
			.single();
	}

	/** The rules an item must follow, whoever entered it; {@code row} names it in the message. */
	static void check(ItemInput input, int row) {
		if (input.kind() == null || input.method() == null || blank(input.category()) || blank(input.title())
				|| input.category().length() > 100 || input.title().length() > 500
				|| (input.evidenceRequired() != null && input.evidenceRequired().length() > 1000)) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.itemInvalid", row);
		}
		if (input.points() == null || input.points().scale() > 2 || input.points().signum() < 0
				|| input.points().compareTo(BigDecimal.valueOf(1000)) > 0) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.pointsInvalid", row);
		}
		if (input.method() != Method.MANUAL && input.kind() != Kind.CRITERION) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.methodOnlyForCriteria", row);
		}
		if ((input.kind() == Kind.VETO) != (input.vetoGrade() != null) || (input.area() != null && input.method() != Method.TARGETS)) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.itemInvalid", row);
		}
	}

	private static ItemInput input(Rubric.Item item) {
		return new ItemInput(item.kind(), item.category(), item.title(), item.points(), item.method(), item.area(),
				item.evidenceRequired(), item.vetoGrade());
	}

	private static Map<String, Object> itemState(long itemId, ItemInput input) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("item", itemId);
		state.put("kind", input.kind());
		state.put("category", input.category());
		state.put("title", input.title());
		state.put("points", input.points());
		state.put("method", input.method());
		state.put("area", input.area());
		state.put("evidenceRequired", input.evidenceRequired());
		state.put("vetoGrade", input.vetoGrade());
		return state;
	}

	private static Map<String, Object> settingsState(Rubric rubric) {
		return Map.of("bonusCap", rubric.bonusCap(), "deductionCap", rubric.deductionCap(), "excellent", rubric.excellent(),
				"good", rubric.good(), "pass", rubric.pass());
	}

	/** Last year's published ranks of the same region's subregions: one statement. */
	private Map<String, Integer> previousRanks(Rubric rubric) {
		Map<String, Integer> ranks = new HashMap<>();
		jdbc.sql("""
				select p.results::text from rubric_publication p join rubric r on r.id = p.rubric_id
				where r.year = :year and r.parent_region_code = :parent""")
			.param("year", rubric.year() - 1)
			.param("parent", rubric.parentCode())
			.query(String.class)
			.optional()
			.ifPresent(stored -> List.of(json.readValue(stored, Standing[].class))
				.forEach(row -> ranks.put(row.regionCode(), row.rank())));
		return ranks;
	}

	/** A score for an item: empty is none; otherwise a number of at most two decimals within 0 and its points. */
	private static BigDecimal number(String text, Rubric.Item item) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > 20) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.scoreInvalid", item.title(), item.points());
		}
		BigDecimal number;
		try {
			number = new BigDecimal(text.strip());
		}
		catch (NumberFormatException notANumber) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.scoreInvalid", item.title(), item.points());
		}
		if (number.scale() > 2 || number.signum() < 0 || number.compareTo(item.points()) > 0) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.scoreInvalid", item.title(), item.points());
		}
		return number;
	}

	private static String bounded(String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.length() > max) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.textTooLong", max);
		}
		return stripped;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
