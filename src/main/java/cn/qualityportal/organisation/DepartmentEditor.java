package cn.qualityportal.organisation;

import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.StaleForms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The rules for creating and changing a department, shared by the pages and the API: an existing
 * region (fixed once created), a name unique within it, and the version the user saw.
 */
@Service
class DepartmentEditor {

	private final DepartmentRepository departments;

	private final RegionRepository regions;

	private final cn.qualityportal.audit.AuditTrail audit;

	DepartmentEditor(DepartmentRepository departments, RegionRepository regions, cn.qualityportal.audit.AuditTrail audit) {
		this.departments = departments;
		this.regions = regions;
		this.audit = audit;
	}

	@Transactional
	Department create(DepartmentForm form, Errors errors) {
		Region region = errors.hasFieldErrors("regionCode") ? null : regions.findById(form.regionCode()).orElse(null);
		if (region == null && !errors.hasFieldErrors("regionCode")) {
			errors.rejectValue("regionCode", "validation.region.unknown");
		}
		if (region != null && !errors.hasFieldErrors("name")
				&& departments.existsByRegionCodeAndName(region.getCode(), form.name().strip())) {
			errors.rejectValue("name", "validation.department.taken");
		}
		if (errors.hasErrors()) {
			return null;
		}
		Department department = departments.save(new Department(region, form.name().strip(), blankToNull(form.shortName()), form.kind()));
		audit.record("department", department.getId(), "CREATE", null, department.state());
		return department;
	}

	@Transactional
	Department update(long id, DepartmentForm form, Errors errors) {
		Department department = departments.findById(id)
			.orElseThrow(() -> new Refusal.NotFound());
		if (form.version() == null || form.version() != department.getVersion()) {
			errors.reject(StaleForms.CONFLICT);
			return null;
		}
		if (!errors.hasFieldErrors("name") && !department.getName().equals(form.name().strip())
				&& departments.existsByRegionCodeAndName(department.getRegion().getCode(), form.name().strip())) {
			errors.rejectValue("name", "validation.department.taken");
		}
		if (errors.hasFieldErrors("name") || errors.hasFieldErrors("shortName") || errors.hasFieldErrors("kind")) {
			return null;
		}
		java.util.Map<String, Object> before = department.state();
		department.update(form.name().strip(), blankToNull(form.shortName()), form.kind());
		audit.record("department", department.getId(), "UPDATE", before, department.state());
		return department;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
