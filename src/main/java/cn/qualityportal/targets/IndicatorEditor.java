package cn.qualityportal.targets;

import cn.qualityportal.organisation.Regions;
import cn.qualityportal.system.StaleForms;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.server.ResponseStatusException;

/** The rules for indicators, shared by pages and API: a unique code (fixed once created) and a known supplier. */
@Service
class IndicatorEditor {

	private final IndicatorRepository indicators;

	private final Regions regions;

	IndicatorEditor(IndicatorRepository indicators, Regions regions) {
		this.indicators = indicators;
		this.regions = regions;
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
		return indicators.save(indicator);
	}

	@Transactional
	Indicator update(long id, IndicatorForm form, Errors errors) {
		Indicator indicator = indicators.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (form.version() == null || form.version() != indicator.getVersion()) {
			errors.reject(StaleForms.CONFLICT);
			return null;
		}
		checkSupplier(form, errors);
		if (errors.getFieldErrors().stream().anyMatch(error -> !error.getField().equals("code"))) {
			return null;
		}
		indicator.update(form);
		return indicator;
	}

	private void checkSupplier(IndicatorForm form, Errors errors) {
		if (form.supplierDepartmentId() != null && regions.department(form.supplierDepartmentId()).isEmpty()) {
			errors.rejectValue("supplierDepartmentId", "validation.department.unknown");
		}
	}

}
