package cn.qualityportal.targets;

import cn.qualityportal.system.Refusal;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.system.StaleForms;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The indicator catalogue (指标库): everyone reads it; the leading-group office maintains it. */
@Controller
@RequestMapping("/indicators")
class IndicatorController {

	private final IndicatorRepository indicators;

	private final IndicatorEditor editor;

	private final Regions regions;

	IndicatorController(IndicatorRepository indicators, IndicatorEditor editor, Regions regions) {
		this.indicators = indicators;
		this.editor = editor;
		this.regions = regions;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("areas", GoalArea.values());
		model.addAttribute("valueTypes", ValueType.values());
		model.addAttribute("directions", Direction.values());
		model.addAttribute("aggregations", Aggregation.values());
		model.addAttribute("frequencies", ReportingFrequency.values());
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) GoalArea category,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q.strip());
		model.addAttribute("category", category);
		model.addAttribute("page", indicators.search(q.strip(), category, PageRequest.of(Math.max(page, 0), 20)));
		return "targets/indicators";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('OFFICE') and @installationSettings.ownedBy(authentication.name)")
	String showCreateForm(DataScope scope, Model model) {
		model.addAttribute("form", IndicatorForm.empty());
		model.addAttribute("departmentOptions", regions.departmentOptionsWithin(scope));
		return "targets/indicatorForm";
	}

	@PostMapping
	@PreAuthorize("hasRole('OFFICE') and @installationSettings.ownedBy(authentication.name)")
	String create(@Valid @ModelAttribute("form") IndicatorForm form, BindingResult result, DataScope scope, Model model,
			RedirectAttributes redirect) {
		if (editor.create(form, result) == null) {
			model.addAttribute("departmentOptions", regions.departmentOptionsWithin(scope));
			return "targets/indicatorForm";
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/indicators?q=" + form.code().strip();
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('OFFICE') and @installationSettings.ownedBy(authentication.name)")
	String showEditForm(@PathVariable long id, DataScope scope, Model model) {
		model.addAttribute("form", IndicatorForm.of(find(id)));
		model.addAttribute("indicatorId", id);
		model.addAttribute("departmentOptions", regions.departmentOptionsWithin(scope));
		return "targets/indicatorForm";
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('OFFICE') and @installationSettings.ownedBy(authentication.name)")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") IndicatorForm form, BindingResult result,
			DataScope scope, Model model, RedirectAttributes redirect) {
		Indicator saved = editor.update(id, form, result);
		if (saved == null) {
			if (StaleForms.isConflict(result)) {
				StaleForms.showCurrent(model, "form", IndicatorForm.of(find(id)));
			}
			model.addAttribute("indicatorId", id);
			model.addAttribute("departmentOptions", regions.departmentOptionsWithin(scope));
			return "targets/indicatorForm";
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/indicators?q=" + saved.getCode();
	}

	private Indicator find(long id) {
		return indicators.findById(id).orElseThrow(() -> new Refusal.NotFound());
	}

}
