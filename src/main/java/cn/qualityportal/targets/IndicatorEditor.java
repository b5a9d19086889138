package cn.qualityportal.targets;

import cn.qualityportal.system.Refusal;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.system.StaleForms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** The rules for indicators, shared by pages and API: a unique code (fixed once created) and a known supplier. */
@Service
class IndicatorEditor {

	private final IndicatorRepository indicators;

	private final Regions regions;

	private final cn.qualityportal.audit.AuditTrail audit;

	IndicatorEditor(IndicatorRepository indicators, Regions regions, cn.qualityportal.audit.AuditTrail audit) {
		this.indicators = indicators;
		this.regions = regions;
		this.audit = audit;
	}

	@Transactional
	Indicator create(IndicatorForm form, Errors errors) {
		if (!errors.hasFieldErrors("code") && indicators.existsByCode(form.code().strip())) {
			errors.rejectValue("code", "validation.indicatorCode.taken");
		}
		checkSupplier(form, errors);
		if (errors.hasErrors()) {
			return null;
		}
		Indicator indicator = new Indicator(form.code().strip());
		indicator.update(form);
		Indicator saved = indicators.save(indicator);
		audit.record("indicator", saved.getId(), "CREATE", null, saved.state());
		return saved;
	}

	@Transactional
	Indicator update(long id, IndicatorForm form, Errors errors) {
		Indicator indicator = indicators.findById(id)
			.orElseThrow(() -> new Refusal.NotFound());
		if (form.version() == null || form.version() != indicator.getVersion()) {
			errors.reject(StaleForms.CONFLICT);
			return null;
		}
		checkSupplier(form, errors);
		if (errors.getFieldErrors().stream().anyMatch(error -> !error.getField().equals("code"))) {
			return null;
		}
		java.util.Map<String, Object> before = indicator.state();
		indicator.update(form);
		audit.record("indicator", indicator.getId(), "UPDATE", before, indicator.state());
		return indicator;
	}

	private void checkSupplier(IndicatorForm form, Errors errors) {
		if (form.supplierDepartmentId() != null && regions.department(form.supplierDepartmentId()).isEmpty()) {
			errors.rejectValue("supplierDepartmentId", "validation.department.unknown");
		}
	}

}
