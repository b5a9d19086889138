package cn.qualityportal.organisation;

import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.StaleForms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The rules for creating and changing a region, shared by the pages and the API: unique code,
 * code, level and parent as the official list has them ({@link RegionCatalogue}), an existing
 * parent of a higher level, no cycles, and the version the user saw.
 * Each method returns the saved region, or null with the problems in {@code errors}.
 */
@Service
class RegionEditor {

	private final RegionRepository regions;

	private final RegionCatalogue catalogue;

	private final cn.qualityportal.audit.AuditTrail audit;

	RegionEditor(RegionRepository regions, RegionCatalogue catalogue, cn.qualityportal.audit.AuditTrail audit) {
		this.regions = regions;
		this.catalogue = catalogue;
		this.audit = audit;
	}

	/** Region codes are GB/T 2260 numbers: the audit row's id. */
	static Long auditId(String code) {
		return code != null && code.matches("\\d{1,18}") ? Long.valueOf(code) : null;
	}

	@Transactional
	Region create(RegionForm form, Errors errors) {
		if (!errors.hasFieldErrors("code") && regions.existsById(form.code())) {
			errors.rejectValue("code", "validation.regionCode.taken");
		}
		if (!errors.hasFieldErrors("code") && !errors.hasFieldErrors("level") && !errors.hasFieldErrors("parentCode")) {
			agreeWithCatalogue(form, errors);
		}
		Region parent = parent(form, errors);
		if (errors.hasErrors()) {
			return null;
		}
		Region region = regions.save(new Region(form.code(), form.name().strip(), form.level(), parent));
		audit.record("region", auditId(region.getCode()), "CREATE", null, region.state());
		return region;
	}

	/** Null also when the version is stale: then {@code errors} holds the conflict. */
	@Transactional
	Region update(String code, RegionForm form, Errors errors) {
		Region region = regions.findById(code)
			.orElseThrow(() -> new Refusal.NotFound());
		if (form.version() == null || form.version() != region.getVersion()) {
			errors.reject(StaleForms.CONFLICT);
			return null;
		}
		Region parent = parent(form, errors);
		if (parent != null && isSelfOrBelow(parent, region)) {
			errors.rejectValue("parentCode", "validation.region.cycle");
		}
		// A region kept from an older list (merged, renamed) stays editable as it is; a new level or
		// parent must agree with the current list.
		String currentParent = region.getParent() == null ? "" : region.getParent().getCode();
		boolean moved = form.level() != region.getLevel()
				|| !(form.hasParent() ? form.parentCode() : "").equals(currentParent);
		if (moved && !errors.hasFieldErrors("level") && !errors.hasFieldErrors("parentCode")) {
			agreeWithCatalogue(new RegionForm(code, form.name(), form.level(), form.parentCode(), form.version()), errors);
		}
		if (errors.getFieldErrors().stream().anyMatch(error -> !error.getField().equals("code"))) {
			return null;
		}
		java.util.Map<String, Object> before = region.state();
		region.update(form.name().strip(), form.level(), parent);
		audit.record("region", auditId(region.getCode()), "UPDATE", before, region.state());
		return region;
	}

	private void agreeWithCatalogue(RegionForm form, Errors errors) {
		for (RegionCatalogue.Problem problem : catalogue.check(form.code(), form.level(), form.parentCode())) {
			errors.rejectValue(problem.field(), problem.messageKey(), problem.args(), null);
		}
	}

	private Region parent(RegionForm form, Errors errors) {
		if (errors.hasFieldErrors("parentCode") || !form.hasParent()) {
			return null;
		}
		Region parent = regions.findById(form.parentCode()).orElse(null);
		if (parent == null) {
			errors.rejectValue("parentCode", "validation.region.unknown");
		}
		else if (form.level() != null && parent.getLevel().ordinal() >= form.level().ordinal()) {
			errors.rejectValue("parentCode", "validation.region.parentLevel");
		}
		return parent;
	}

	private static boolean isSelfOrBelow(Region candidate, Region region) {
		for (Region r = candidate; r != null; r = r.getParent()) {
			if (r.getCode().equals(region.getCode())) {
				return true;
			}
		}
		return false;
	}

}
