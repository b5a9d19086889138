package cn.qualityportal.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.InstallationSettings;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.system.NumberInput;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.StaleForms;
import cn.qualityportal.system.TextLimits;
import cn.qualityportal.targets.Indicators;
import cn.qualityportal.targets.Indicators.IndicatorInfo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * The life of a reported figure: reporters of a region save drafts and submit them; reviewers
 * whose scope covers the region approve them or return them with a reason; with two-level review
 * the office of the level above then accepts them or returns them, and a level above may reopen a
 * lower level's decision with a reason (the steps: {@link ValueRules#next}); approved figures are
 * locked. Each step checks role, scope, open period and the version the user saw, and is written
 * to the audit trail in the same transaction.
 */
@Service
class ValueWorkflow {

	static final String ENTITY = "indicator_value";

	private final IndicatorValueRepository values;

	private final ReportingPeriodRepository periods;

	private final Indicators indicators;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final double outlierShare;

	private final boolean voluntaryIndicators;

	private final ReviewLevels reviewLevels;

	private final InstallationSettings settings;

	private final ApplicationEventPublisher events;

	ValueWorkflow(IndicatorValueRepository values, ReportingPeriodRepository periods, Indicators indicators,
			AuditTrail audit, JdbcClient jdbc, @Value("${portal.reporting.outlier-share:0.3}") double outlierShare,
			@Value("${portal.reporting.voluntary-indicators:false}") boolean voluntaryIndicators, ReviewLevels reviewLevels,
			InstallationSettings settings, ApplicationEventPublisher events) {
		this.events = events;
		this.reviewLevels = reviewLevels;
		this.settings = settings;
		this.voluntaryIndicators = voluntaryIndicators;
		this.values = values;
		this.periods = periods;
		this.indicators = indicators;
		this.audit = audit;
		this.jdbc = jdbc;
		this.outlierShare = outlierShare;
	}

	/** Whether the region owes the indicator in the period, or the installation takes voluntary figures. */
	boolean owed(String regionCode, long indicatorId, long periodId) {
		return voluntaryIndicators || jdbc.sql("""
				select exists (select 1 from reporting_obligation
				               where region_code = :region and indicator_id = :indicator and period_id = :period)""")
			.param("region", regionCode)
			.param("indicator", indicatorId)
			.param("period", periodId)
			.query(Boolean.class)
			.single();
	}

	/** The change against the previous figure beyond which a note is required (0.3 = 30 %); the grid warns at it. */
	double outlierShare() {
		return outlierShare;
	}

	/** A figure far from its own history may only be submitted with a note saying why. */
	boolean needsExplanation(IndicatorValue value) {
		if (value.getNote() != null && !value.getNote().isBlank()) {
			return false;
		}
		List<BigDecimal> earlier = jdbc.sql("""
				select v.value from indicator_value v
				join reporting_period p on p.id = v.period_id
				join reporting_period this on this.id = :period
				where v.indicator_id = :indicator and v.region_code = :region and v.value is not null
				  and p.kind = this.kind and p.number = this.number and p.year < this.year
				order by p.year""")
			.param("period", value.getPeriodId())
			.param("indicator", value.getIndicatorId())
			.param("region", value.getRegionCode())
			.query(BigDecimal.class)
			.list();
		return OutlierCheck.isOutlier(value.getValue(), earlier, outlierShare);
	}

	/** Who acts: roles, data scope and the region of their own unit (null without a unit). */
	record Actor(String username, Set<Role> roles, DataScope scope, String regionCode) {

		Actor(String username, Set<Role> roles, DataScope scope) {
			this(username, roles, scope, null);
		}

	}

	/**
	 * A row's figure read and checked by the rules every entry path shares (the grid, the API and
	 * the import): the indicator is reported in the period, the numbers can be read
	 * ({@code NumberInput}, a percentage may carry %), the figure rules ({@link ValueRules}), and the
	 * note's length. Problems are by field of {@link ValueInput}; none means the row may be stored.
	 */
	record Row(BigDecimal value, BigDecimal numerator, BigDecimal denominator, String note, List<ValueRules.Problem> problems,
			boolean unread) {

		boolean ok() {
			return problems.isEmpty();
		}

	}

	static Row checkRow(IndicatorInfo indicator, ReportingPeriod period, String typedValue, String typedNumerator,
			String typedDenominator, String typedNote) {
		List<ValueRules.Problem> problems = new java.util.ArrayList<>();
		if (!indicator.reportingFrequency().reportedIn(period.getKind().name())) {
			problems.add(new ValueRules.Problem("period", "validation.period.notForIndicator"));
			return new Row(null, null, null, null, problems, true);
		}
		BigDecimal value = read(typedValue, ValueRules.unitOf(indicator), "value", problems);
		BigDecimal numerator = read(typedNumerator, NumberInput.Unit.NONE, "numerator", problems);
		BigDecimal denominator = read(typedDenominator, NumberInput.Unit.NONE, "denominator", problems);
		if (!problems.isEmpty()) {
			// A number that cannot be read changes nothing: the row keeps what it held.
			return new Row(null, null, null, null, problems, true);
		}
		ValueRules.Checked checked = ValueRules.check(indicator, value, numerator, denominator);
		problems.addAll(checked.problems());
		if (TextLimits.tooLong(typedNote, TextLimits.NOTE)) {
			problems.add(new ValueRules.Problem("note", "validation.note.tooLong"));
		}
		String note = typedNote == null || typedNote.isBlank() ? null : typedNote.strip();
		return new Row(checked.value(), numerator, denominator, note, problems, false);
	}

	private static BigDecimal read(String text, NumberInput.Unit unit, String field, List<ValueRules.Problem> problems) {
		NumberInput.Reading reading = NumberInput.read(text, unit);
		if (!reading.ok()) {
			problems.add(new ValueRules.Problem(field, reading.problem()));
		}
		return reading.value();
	}

	/** Creates or updates a draft; null with the problems in {@code errors} when the input is wrong. */
	@Transactional
	IndicatorValue save(ValueInput input, Actor actor, Errors errors) {
		require(actor, Role.REPORTER);
		IndicatorInfo indicator = indicators.byCode(input.indicatorCode()).orElse(null);
		if (indicator == null) {
			errors.rejectValue("indicatorCode", "validation.indicator.unknown");
		}
		ReportingPeriod period = input.year() == null ? null
				: periods.findByYearAndKindAndNumber(input.year(), input.kind(), input.number()).orElse(null);
		if (period == null) {
			errors.rejectValue("year", "validation.period.unknown");
		}
		return save(indicator, period, input, actor, errors);
	}

	private IndicatorValue save(IndicatorInfo indicator, ReportingPeriod period, ValueInput input, Actor actor, Errors errors) {
		if (input.regionCode() == null || !input.regionCode().matches("\\d{6}")) {
			errors.rejectValue("regionCode", "validation.regionCode");
		}
		if (errors.hasErrors()) {
			return null;
		}
		if (!actor.scope().covers(input.regionCode())) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.outOfScope");
		}
		if (!period.isOpen()) {
			throw new Refusal(HttpStatus.CONFLICT, "reporting.periodClosed");
		}
		Row checked = checkRow(indicator, period, input.value(), input.numerator(), input.denominator(), input.note());
		checked.problems().forEach(problem -> errors.rejectValue(problem.field(), problem.code()));
		if (checked.unread()) {
			return null;
		}
		BigDecimal numerator = checked.numerator();
		BigDecimal denominator = checked.denominator();
		IndicatorValue value = values
			.findByIndicatorIdAndRegionCodeAndPeriodId(indicator.id(), input.regionCode(), period.getId())
			.orElse(null);
		if (value != null && (input.version() == null || input.version() != value.getVersion())) {
			errors.reject(StaleForms.CONFLICT);
		}
		if (value == null && !owed(input.regionCode(), indicator.id(), period.getId())) {
			// A new figure must answer an obligation (reporting_obligation), or it would count nowhere and
			// mislead whoever reads it; an installation may allow voluntary indicators.
			errors.rejectValue("indicatorCode", "reporting.notOwed");
		}
		if (value != null && value.getValue() != null && checked.value() == null && !Boolean.TRUE.equals(input.confirmClear())
				&& !errors.hasErrors()) {
			// Emptying a field deletes the figure only when the reporter says so.
			errors.rejectValue("value", "reporting.clearUnconfirmed");
		}
		if (errors.hasErrors()) {
			return null;
		}
		String note = checked.note();
		if (value != null && value.holds(checked.value(), numerator, denominator, note)) {
			// Saving a grid again (or submitting it) rewrites nothing, and so adds nothing to the history.
			return value;
		}
		if (value != null && !value.getStatus().isEditable()) {
			throw new Refusal(HttpStatus.CONFLICT, "reporting.locked");
		}
		Map<String, Object> before = value == null ? null : value.state();
		if (value == null) {
			value = new IndicatorValue(indicator.id(), input.regionCode(), period.getId());
		}
		value.edit(checked.value(), numerator, denominator, note, actor.username());
		value = values.save(value);
		audit.record(actor.username(), ENTITY, value.getId(), before == null ? "CREATE" : "UPDATE", before, value.state(),
				null);
		return value;
	}

	/**
	 * Saves every row of a period's grid, and submits the rows whose index is in {@code submit} (and
	 * no other); all or nothing. Returns the problems of each row by its index, as fields of the
	 * grid's row (value, numerator, denominator, note); on any, nothing is saved.
	 */
	@Transactional
	List<List<ValueRules.Problem>> saveAll(long periodId, List<ValueInput> rows, Set<Integer> submit, Actor actor) {
		require(actor, Role.REPORTER);
		ReportingPeriod period = periods.findById(periodId)
			.orElseThrow(() -> new Refusal.NotFound());
		List<List<ValueRules.Problem>> problems = new java.util.ArrayList<>();
		boolean ok = true;
		for (int i = 0; i < rows.size(); i++) {
			ValueInput row = rows.get(i);
			List<ValueRules.Problem> rowProblems = new java.util.ArrayList<>();
			problems.add(rowProblems);
			BeanPropertyBindingResult rowErrors = new BeanPropertyBindingResult(row, "row");
			IndicatorInfo indicator = indicators.byCode(row.indicatorCode()).orElse(null);
			if (indicator == null) {
				rowErrors.rejectValue("indicatorCode", "validation.indicator.unknown");
			}
			IndicatorValue saved = save(indicator, period, row, actor, rowErrors);
			rowErrors.getFieldErrors()
				.forEach(error -> rowProblems.add(new ValueRules.Problem(gridField(error.getField()), error.getCode())));
			rowErrors.getGlobalErrors().forEach(error -> rowProblems.add(new ValueRules.Problem("value", error.getCode())));
			if (saved == null) {
				ok = false;
				continue;
			}
			if (submit.contains(i)) {
				String refusal = submissionRefusal(saved);
				if (refusal != null) {
					rowProblems.add(new ValueRules.Problem(refusal.equals("reporting.valueRequired") ? "value" : "note", refusal));
					ok = false;
				}
				else if (saved.getStatus().isEditable()) {
					transition(saved, ValueStatus.SUBMITTED, null, actor, "SUBMIT");
				}
			}
		}
		if (!ok) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		}
		return problems;
	}

	/** Why a saved figure may not be submitted yet, or null. */
	private String submissionRefusal(IndicatorValue value) {
		if (value.getValue() == null) {
			return "reporting.valueRequired";
		}
		if (value.unchangedSinceReturn()) {
			return "reporting.resubmitUnchanged";
		}
		if (needsExplanation(value)) {
			return "reporting.outlier";
		}
		return null;
	}

	/** The grid shows a row's problems at its value, parts or note; the rest (indicator, region, period) at its value. */
	private static String gridField(String inputField) {
		return switch (inputField) {
			case "numerator", "denominator", "note" -> inputField;
			default -> "value";
		};
	}

	/** A typed number of a request that has no form to show errors on: its problem is the refusal. */
	private static BigDecimal typedNumber(String text, NumberInput.Unit unit) {
		NumberInput.Reading reading = NumberInput.read(text, unit);
		if (!reading.ok()) {
			throw new Refusal(HttpStatus.BAD_REQUEST, reading.problem());
		}
		return reading.value();
	}

	@Transactional
	IndicatorValue submit(long id, Actor actor) {
		require(actor, Role.REPORTER);
		IndicatorValue value = covered(id, actor);
		if (!value.getStatus().isEditable()) {
			throw new Refusal(HttpStatus.CONFLICT, "reporting.notEditable");
		}
		String refusal = submissionRefusal(value);
		if (refusal != null) {
			throw new Refusal(HttpStatus.BAD_REQUEST, refusal);
		}
		openPeriod(value);
		return transition(value, ValueStatus.SUBMITTED, null, actor, "SUBMIT");
	}

	@Transactional
	IndicatorValue approve(long id, Actor actor) {
		return approve(id, null, actor);
	}

	/** The region's reviewer approves a submitted figure; {@code version}: the one they saw (null: not checked). */
	@Transactional
	IndicatorValue approve(long id, Long version, Actor actor) {
		require(actor, Role.REVIEWER);
		IndicatorValue value = covered(id, actor);
		ValueStatus to = next(value, ValueRules.Step.APPROVE, version);
		// The submitter, not whoever touched it last: a level above reopening it, or an edit, changes updated_by.
		if (value.getSubmittedBy().equals(actor.username())) {
			throw new Refusal(HttpStatus.FORBIDDEN, "reporting.ownFigure");
		}
		reviewablePeriod(value);
		return transition(value, to, null, actor, "APPROVE");
	}

	@Transactional
	IndicatorValue returnValue(long id, String reason, Actor actor) {
		return returnValue(id, reason, null, actor);
	}

	@Transactional
	IndicatorValue returnValue(long id, String reason, Long version, Actor actor) {
		require(actor, Role.REVIEWER);
		IndicatorValue value = covered(id, actor);
		ValueStatus to = next(value, ValueRules.Step.RETURN, version);
		String why = reason(reason);
		reviewablePeriod(value);
		return transition(value, to, why, actor, "RETURN");
	}

	/**
	 * Two-level review: the office of the level above accepts (验收) a figure its region's reviewer
	 * approved; from then on it is final (view {@code value_standing}).
	 */
	@Transactional
	IndicatorValue accept(long id, Long version, Actor actor) {
		require(actor, Role.OFFICE);
		IndicatorValue value = covered(id, actor);
		ValueStatus to = next(value, ValueRules.Step.ACCEPT, version);
		acceptingLevel(value, actor);
		reviewablePeriod(value);
		return transition(value, to, null, actor, "ACCEPTANCE");
	}

	/** Two-level review: the office of the level above returns an approved figure to its reporter, with a reason. */
	@Transactional
	IndicatorValue returnAtAcceptance(long id, String reason, Long version, Actor actor) {
		require(actor, Role.OFFICE);
		IndicatorValue value = covered(id, actor);
		ValueStatus to = next(value, ValueRules.Step.RETURN_AT_ACCEPTANCE, version);
		String why = reason(reason);
		acceptingLevel(value, actor);
		reviewablePeriod(value);
		return transition(value, to, why, actor, "RETURN_AT_ACCEPTANCE");
	}

	/**
	 * A level above undoes a lower level's decision, with a reason (audited): an approval goes back
	 * to the region's reviewer (已提交), an acceptance back to the accepting office (已审核). Only a
	 * reviewer or office whose own region lies above the level that decided may do so.
	 */
	@Transactional
	IndicatorValue reopen(long id, String reason, Long version, Actor actor) {
		if (!actor.roles().contains(Role.REVIEWER) && !actor.roles().contains(Role.OFFICE)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "problem.forbidden");
		}
		IndicatorValue value = covered(id, actor);
		ValueStatus to = next(value, ValueRules.Step.REOPEN, version);
		String why = reason(reason);
		String decidedAt = value.getStatus() == ValueStatus.ACCEPTED ? parentOf(value.getRegionCode()) : value.getRegionCode();
		if (!above(actor, decidedAt)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "reporting.reopenFromAbove");
		}
		reviewablePeriod(value);
		return transition(value, to, why, actor, "REOPEN_REVIEW");
	}

	/** The status a review step leads to, after the version check; a conflict when the figure is not where the step starts. */
	private ValueStatus next(IndicatorValue value, ValueRules.Step step, Long version) {
		if (version != null && version != value.getVersion()) {
			throw new Refusal(HttpStatus.CONFLICT, "reporting.reviewConflict");
		}
		ValueStatus to = ValueRules.next(value.getStatus(), step, twoLevel(value));
		if (to == null) {
			throw new Refusal(HttpStatus.CONFLICT, switch (step) {
				case SUBMIT -> "reporting.notEditable";
				case APPROVE, RETURN -> "reporting.notSubmitted";
				case ACCEPT, RETURN_AT_ACCEPTANCE -> "reporting.notAwaitingAcceptance";
				case REOPEN -> "reporting.notReopenable";
			});
		}
		return to;
	}

	/** Whether the installation reviews this figure's year in two levels. */
	boolean twoLevel(IndicatorValue value) {
		int year = periods.findById(value.getPeriodId()).map(ReportingPeriod::getYear).orElseThrow();
		return reviewLevels.current().twoLevelFor(year);
	}

	private static String reason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "reporting.reasonRequired");
		}
		if (TextLimits.tooLong(reason, TextLimits.REASON)) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "validation.reason.tooLong");
		}
		return reason.strip();
	}

	/**
	 * The level that accepts: an office whose own region lies above the figure's; the figures of the
	 * installation's top region, which has no office above it, are accepted by the office owning the
	 * installation-wide settings. Never by whoever approved it.
	 */
	private void acceptingLevel(IndicatorValue value, Actor actor) {
		boolean top = value.getRegionCode().equals(actor.regionCode()) && settings.ownedBy(actor.username());
		if (!above(actor, value.getRegionCode()) && !top) {
			throw new Refusal(HttpStatus.FORBIDDEN, "reporting.acceptFromAbove");
		}
		if (value.getUpdatedBy().equals(actor.username())) {
			throw new Refusal(HttpStatus.FORBIDDEN, "reporting.ownFigure");
		}
	}

	/** The actor's own region lies strictly above this one (their scope takes it in, and it is not theirs). */
	private static boolean above(Actor actor, String regionCode) {
		return regionCode != null && actor.regionCode() != null && !actor.regionCode().equals(regionCode)
				&& actor.scope().covers(regionCode);
	}

	private String parentOf(String regionCode) {
		return jdbc.sql("select parent_code from region_directory where code = :code")
			.param("code", regionCode)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * The office corrects an approved figure; the reason is required and recorded. A rate reported
	 * as numerator and denominator keeps them (the roll-up weights by them): the correction gives
	 * new ones, or a value that agrees with the stored ones; a bare value that does not is refused.
	 */
	@Transactional
	IndicatorValue correct(long id, String typed, String typedNumerator, String typedDenominator, String reason,
			Actor actor) {
		require(actor, Role.OFFICE);
		IndicatorValue value = covered(id, actor);
		if (value.getStatus() != ValueStatus.APPROVED && value.getStatus() != ValueStatus.ACCEPTED) {
			throw new Refusal(HttpStatus.CONFLICT, "reporting.correctApprovedOnly");
		}
		if (reason == null || reason.isBlank()) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "reporting.reasonRequired");
		}
		if (TextLimits.tooLong(reason, TextLimits.REASON)) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "validation.reason.tooLong");
		}
		IndicatorInfo indicator = indicators.byId(value.getIndicatorId()).orElseThrow();
		BigDecimal newValue = typedNumber(typed, ValueRules.unitOf(indicator));
		BigDecimal numerator = typedNumber(typedNumerator, NumberInput.Unit.NONE);
		BigDecimal denominator = typedNumber(typedDenominator, NumberInput.Unit.NONE);
		boolean parts = numerator != null || denominator != null;
		if (!parts && value.getNumerator() != null && value.getDenominator() != null) {
			if (newValue == null || !ValueRules.check(indicator, newValue, value.getNumerator(), value.getDenominator())
				.problems()
				.isEmpty()) {
				throw new Refusal(HttpStatus.BAD_REQUEST, "reporting.correctNeedsParts");
			}
			numerator = value.getNumerator();
			denominator = value.getDenominator();
		}
		ValueRules.Checked checked = ValueRules.check(indicator, newValue, numerator, denominator);
		if (checked.value() == null || !checked.problems().isEmpty()) {
			throw new Refusal(HttpStatus.BAD_REQUEST,
					checked.value() == null ? "reporting.valueRequired" : checked.problems().get(0).code());
		}
		Map<String, Object> before = value.state();
		value.edit(checked.value(), numerator, denominator, value.getNote(), actor.username());
		IndicatorValue saved = values.save(value);
		audit.record(actor.username(), ENTITY, saved.getId(), "CORRECT", before, saved.state(), reason.strip());
		return saved;
	}

	/** A figure the actor's scope covers; others do not exist for them (404). */
	@Transactional(readOnly = true)
	IndicatorValue covered(long id, Actor actor) {
		return values.findById(id)
			.filter(value -> actor.scope().covers(value.getRegionCode()))
			.orElseThrow(() -> new Refusal.NotFound());
	}

	private IndicatorValue transition(IndicatorValue value, ValueStatus to, String reason, Actor actor, String action) {
		Map<String, Object> before = value.state();
		value.moveTo(to, reason, actor.username());
		IndicatorValue saved = values.save(value);
		audit.record(actor.username(), ENTITY, saved.getId(), action, before, saved.state(), reason);
		FigureReviewed.Outcome outcome = switch (action) {
			case "APPROVE" -> FigureReviewed.Outcome.APPROVED;
			case "ACCEPTANCE" -> FigureReviewed.Outcome.ACCEPTED;
			case "RETURN", "RETURN_AT_ACCEPTANCE" -> FigureReviewed.Outcome.RETURNED;
			default -> null; // submitting and reopening are not decisions the submitter is told of
		};
		if (outcome != null) {
			events.publishEvent(reviewed(saved, outcome, actor));
		}
		return saved;
	}

	/**
	 * The decision as reporting publishes it (every review decision, single or bulk, passes through
	 * {@link #transition}): with the names a message needs, read here so listeners need not read
	 * reporting's tables.
	 */
	private FigureReviewed reviewed(IndicatorValue value, FigureReviewed.Outcome outcome, Actor actor) {
		ReportingPeriod period = periods.findById(value.getPeriodId()).orElseThrow();
		String indicator = indicators.byId(value.getIndicatorId()).map(IndicatorInfo::name).orElse("");
		String region = jdbc.sql("select name from region_directory where code = :code")
			.param("code", value.getRegionCode())
			.query(String.class)
			.optional()
			.orElse(value.getRegionCode());
		return new FigureReviewed(value.getId(), outcome, value.getSubmittedBy(), actor.username(), indicator, region,
				period.getYear(), period.getKind().name(), period.getNumber(),
				outcome == FigureReviewed.Outcome.RETURNED ? value.getReturnReason() : null);
	}

	void openPeriod(IndicatorValue value) {
		if (!periods.findById(value.getPeriodId()).map(ReportingPeriod::isOpen).orElse(false)) {
			throw new Refusal(HttpStatus.CONFLICT, "reporting.periodClosed");
		}
	}

	/** A closed period's figures are final: no review decision until the office reopens it. */
	private void reviewablePeriod(IndicatorValue value) {
		if (!periods.findById(value.getPeriodId()).map(ReportingPeriod::isOpen).orElse(false)) {
			throw new Refusal(HttpStatus.CONFLICT, "reporting.periodClosedReview");
		}
	}

	static void require(Actor actor, Role role) {
		if (!actor.roles().contains(role)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "problem.forbidden");
		}
	}

}
