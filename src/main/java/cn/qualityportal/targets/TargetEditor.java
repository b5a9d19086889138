package cn.qualityportal.targets;

import cn.qualityportal.system.Refusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.documents.Documents;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.system.StaleForms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * The rules for targets, shared by pages and API: a document the editor may see, a region it
 * covers, a known indicator and the number rules of {@link TargetRules}, departments of the
 * target's region, no duplicate (indicator, region, document, deadline), and the version the user
 * saw. Also saves milestones and cascades a target to the regions below.
 */
@Service
class TargetEditor {

	static final String ENTITY = "target";

	private final TargetRepository targets;

	private final IndicatorRepository indicators;

	private final GoalRepository goals;

	private final Documents documents;

	private final Regions regions;

	private final AuditTrail audit;

	TargetEditor(TargetRepository targets, IndicatorRepository indicators, GoalRepository goals, Documents documents,
			Regions regions, AuditTrail audit) {
		this.targets = targets;
		this.indicators = indicators;
		this.goals = goals;
		this.documents = documents;
		this.regions = regions;
		this.audit = audit;
	}

	@Transactional
	Target create(TargetForm form, DataScope scope, Errors errors) {
		Indicator indicator = check(form, null, scope, errors);
		if (errors.hasErrors()) {
			return null;
		}
		Target target = new Target(indicator, form.regionCode(), form.documentId());
		target.update(form, indicator);
		target = targets.save(target);
		audit.record(ENTITY, target.getId(), "CREATE", null, target.state());
		return target;
	}

	@Transactional
	Target update(long id, TargetForm form, DataScope scope, Errors errors) {
		Target target = editable(id, scope);
		if (form.version() == null || form.version() != target.getVersion()) {
			errors.reject(StaleForms.CONFLICT);
			return null;
		}
		// A form without its document is a hand-made request: a field error, not a 500.
		if (form.documentId() == null) {
			errors.rejectValue("documentId", "validation.document.unknown");
		}
		else if (!target.getRegionCode().equals(form.regionCode()) || target.getDocumentId() != form.documentId()) {
			errors.rejectValue("regionCode", "validation.target.moved");
		}
		Indicator indicator = check(form, id, scope, errors);
		if (errors.hasErrors()) {
			return null;
		}
		Map<String, Object> before = target.state();
		target.update(form, indicator);
		audit.record(ENTITY, id, "UPDATE", before, target.state());
		return target;
	}

	@Transactional(readOnly = true)
	Target visible(long id, DataScope scope) {
		return targets.findById(id)
			.filter(target -> scope.canSee(target.getRegionCode()))
			.orElseThrow(() -> new Refusal.NotFound());
	}

	/** 404 when the scope cannot see it, 403 when it may only read it. */
	@Transactional(readOnly = true)
	Target editable(long id, DataScope scope) {
		Target target = visible(id, scope);
		if (!scope.covers(target.getRegionCode())) {
			throw Refusal.forbidden();
		}
		return target;
	}

	/** Replaces the milestones; each year after the baseline (or any year) up to the deadline, once. */
	@Transactional
	boolean saveMilestones(long id, List<Milestone> milestones, DataScope scope, Errors errors) {
		Target target = editable(id, scope);
		Set<Integer> years = new HashSet<>();
		for (int i = 0; i < milestones.size(); i++) {
			Milestone milestone = milestones.get(i);
			String field = "milestones[" + i + "]";
			if (milestone.year() > target.getDeadlineYear()
					|| target.getBaselineYear() != null && milestone.year() <= target.getBaselineYear()) {
				errors.rejectValue(field + ".year", "validation.milestone.year");
			}
			else if (!years.add(milestone.year())) {
				errors.rejectValue(field + ".year", "validation.milestone.duplicate");
			}
			String broken = target.getComparator().isChange() ? null
					: target.getIndicator().getValueType().violation(milestone.value());
			if (broken != null) {
				errors.rejectValue(field + ".value", broken);
			}
		}
		if (errors.hasErrors()) {
			return false;
		}
		Map<String, Object> before = target.state();
		target.replaceMilestones(milestones.stream().sorted(java.util.Comparator.comparingInt(Milestone::year)).toList());
		audit.record(ENTITY, id, "MILESTONES", before, target.state());
		return true;
	}

	record CascadeOutcome(List<Target> created, List<String> skippedRegions, List<String> problems,
			BigDecimal sharesTotal, boolean sharesMismatch) {
	}

	/**
	 * Gives each region below the target's its own target. Counts take the share the office set;
	 * other values default to the same threshold. Regions that already have this target are
	 * skipped; if any share is invalid nothing is created.
	 */
	@Transactional
	CascadeOutcome cascade(long id, Map<String, BigDecimal> shares, DataScope scope) {
		Target parent = editable(id, scope);
		Set<String> children = new HashSet<>();
		regions.children(parent.getRegionCode()).forEach(region -> children.add(region.code()));
		TargetForm template = TargetForm.of(parent);
		List<TargetForm> forms = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (Map.Entry<String, BigDecimal> share : shares.entrySet()) {
			if (share.getValue() == null) {
				continue;
			}
			String region = share.getKey();
			if (!children.contains(region) || !scope.covers(region)) {
				problems.add(region + ":validation.cascade.region");
				continue;
			}
			if (targets.existsByIndicatorIdAndRegionCodeAndDocumentIdAndDeadlineYear(parent.getIndicator().getId(),
					region, parent.getDocumentId(), parent.getDeadlineYear())) {
				skipped.add(region);
				continue;
			}
			TargetForm form = template.forRegion(region, share.getValue());
			TargetRules.check(form, parent.getIndicator())
				.forEach(violation -> problems.add(region + ":" + violation.code()));
			forms.add(form);
			total = total.add(share.getValue());
		}
		if (!problems.isEmpty()) {
			return new CascadeOutcome(List.of(), skipped, problems, total, false);
		}
		List<Target> created = new ArrayList<>();
		for (TargetForm form : forms) {
			Target child = create(form, scope, new BeanPropertyBindingResult(form, "form"));
			child.cascadedFrom(parent);
			created.add(child);
		}
		boolean mismatch = parent.getIndicator().getAggregation() == Aggregation.SUM && !forms.isEmpty()
				&& total.compareTo(parent.getValue()) != 0;
		return new CascadeOutcome(created, skipped, problems, total, mismatch);
	}

	private Indicator check(TargetForm form, Long id, DataScope scope, Errors errors) {
		if (form.documentId() != null && documents.find(form.documentId(), scope).isEmpty()) {
			errors.rejectValue("documentId", "validation.document.unknown");
		}
		if (!errors.hasFieldErrors("regionCode") && form.regionCode() != null && !scope.covers(form.regionCode())) {
			errors.rejectValue("regionCode", "validation.region.outOfScope");
		}
		Indicator indicator = form.indicatorId() != null ? indicators.findById(form.indicatorId()).orElse(null)
				: form.indicatorCode() != null ? indicators.findByCode(form.indicatorCode().strip()).orElse(null) : null;
		if (indicator == null) {
			errors.rejectValue("indicatorId", "validation.indicator.unknown");
			return null;
		}
		if (form.goalId() != null
				&& goals.findById(form.goalId()).filter(goal -> goal.getDocumentId() == form.documentId()).isEmpty()) {
			errors.rejectValue("goalId", "validation.goal.unknown");
		}
		if (form.leadDepartmentId() != null && !inRegion(form.leadDepartmentId(), form.regionCode())) {
			errors.rejectValue("leadDepartmentId", "validation.department.region");
		}
		if (form.cooperatingDepartmentIds() != null
				&& form.cooperatingDepartmentIds().stream().anyMatch(department -> !inRegion(department, form.regionCode()))) {
			errors.rejectValue("cooperatingDepartmentIds", "validation.department.region");
		}
		TargetRules.check(form, indicator).forEach(violation -> errors.rejectValue(violation.field(), violation.code()));
		if (form.documentId() != null && form.deadlineYear() != null && form.regionCode() != null
				&& (id == null ? targets.existsByIndicatorIdAndRegionCodeAndDocumentIdAndDeadlineYear(indicator.getId(),
						form.regionCode(), form.documentId(), form.deadlineYear())
						: targets.existsOther(indicator.getId(), form.regionCode(), form.documentId(), form.deadlineYear(),
								id))) {
			errors.rejectValue("indicatorId", "validation.target.duplicate");
		}
		return indicator;
	}

	private boolean inRegion(long departmentId, String regionCode) {
		return regions.department(departmentId).filter(d -> d.regionCode().equals(regionCode)).isPresent();
	}

}
