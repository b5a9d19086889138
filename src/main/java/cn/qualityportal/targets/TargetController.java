package cn.qualityportal.targets;

import cn.qualityportal.system.Refusal;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.qualityportal.documents.DocumentSummary;
import cn.qualityportal.documents.Documents;
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

/** Target pages: the list, a target with its milestones and cascade, and the office's forms. */
@Controller
@RequestMapping("/targets")
class TargetController {

	private final TargetSearch search;

	private final TargetEditor editor;

	private final IndicatorRepository indicators;

	private final GoalRepository goals;

	private final Documents documents;

	private final Regions regions;

	private final List<TargetPageSection> sections;

	TargetController(TargetSearch search, TargetEditor editor, IndicatorRepository indicators, GoalRepository goals,
			Documents documents, Regions regions, List<TargetPageSection> sections) {
		this.search = search;
		this.editor = editor;
		this.indicators = indicators;
		this.goals = goals;
		this.documents = documents;
		this.regions = regions;
		this.sections = sections;
	}

	/** A contributed part of the target page: its fragment and what it shows. */
	record SectionView(String template, Object model) {
	}

	@ModelAttribute("comparators")
	Comparator[] comparators() {
		return Comparator.values();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String region, @RequestParam(required = false) Long document,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) Long cooperating, @RequestParam(defaultValue = "0") int page, DataScope scope,
			Model model) {
		TargetFilter filter = new TargetFilter(region, document, null, year, q, cooperating);
		model.addAttribute("filter", filter);
		model.addAttribute("regionOptions", regions.visibleOptions(scope));
		model.addAttribute("departmentOptions", regions.visibleDepartmentOptions(scope));
		model.addAttribute("page", search.page(filter, scope, PageRequest.of(Math.max(page, 0), 50)));
		return "targets/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, DataScope scope, Model model) {
		Target target = editor.visible(id, scope);
		model.addAttribute("target", target);
		model.addAttribute("row", search.find(id, scope).orElseThrow());
		model.addAttribute("document", documents.find(target.getDocumentId(), scope).orElse(null));
		model.addAttribute("regionName", regions.find(target.getRegionCode()).map(Regions.RegionOption::name).orElse(""));
		model.addAttribute("cascaded", search.cascadedFrom(id, scope));
		model.addAttribute("parent", target.getParentTargetId() == null ? null
				: search.find(target.getParentTargetId(), scope).orElse(null));
		model.addAttribute("editable", scope.covers(target.getRegionCode()));
		TargetPageSection.Subject subject = new TargetPageSection.Subject(id, target.getIndicator().getId(),
				target.getRegionCode(), target.getDocumentId());
		model.addAttribute("sections", sections.stream()
			.map(section -> new SectionView(section.template(), section.model(subject, scope)))
			.toList());
		return "targets/show";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('OFFICE')")
	String showCreateForm(@RequestParam long documentId, DataScope scope, Model model) {
		DocumentSummary document = document(documentId, scope);
		model.addAttribute("form", TargetForm.empty(documentId, scope.covers(document.regionCode())
				? document.regionCode() : regions.optionsWithin(scope).stream().map(Regions.RegionOption::code).findFirst().orElse("")));
		return form(document, scope, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('OFFICE')")
	String create(@Valid @ModelAttribute("form") TargetForm form, BindingResult result, DataScope scope, Model model,
			RedirectAttributes redirect) {
		if (form.documentId() == null) {
			// The form always carries its document; a request without one was not sent by it.
			throw Refusal.badRequest();
		}
		Target target = editor.create(form, scope, result);
		if (target == null) {
			return form(document(form.documentId(), scope), scope, model);
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/targets/" + target.getId();
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('OFFICE')")
	String showEditForm(@PathVariable long id, DataScope scope, Model model) {
		Target target = editor.editable(id, scope);
		model.addAttribute("form", TargetForm.of(target));
		model.addAttribute("targetId", id);
		return form(document(target.getDocumentId(), scope), scope, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('OFFICE')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") TargetForm form, BindingResult result,
			DataScope scope, Model model, RedirectAttributes redirect) {
		if (editor.update(id, form, scope, result) == null) {
			Target current = editor.editable(id, scope);
			if (StaleForms.isConflict(result)) {
				StaleForms.showCurrent(model, "form", TargetForm.of(current));
			}
			model.addAttribute("targetId", id);
			return form(document(current.getDocumentId(), scope), scope, model);
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/targets/" + id;
	}

	@GetMapping("/{id}/milestones")
	@PreAuthorize("hasRole('OFFICE')")
	String showMilestones(@PathVariable long id, @RequestParam(defaultValue = "false") boolean propose, DataScope scope,
			Model model) {
		Target target = editor.editable(id, scope);
		List<Milestone> milestones = propose || target.getMilestones().isEmpty() ? proposal(target) : target.getMilestones();
		model.addAttribute("form", new MilestonesForm(milestones));
		model.addAttribute("proposed", propose || target.getMilestones().isEmpty());
		model.addAttribute("noProposal", milestones.isEmpty());
		model.addAttribute("target", target);
		return "targets/milestones";
	}

	@PostMapping("/{id}/milestones")
	@PreAuthorize("hasRole('OFFICE')")
	String saveMilestones(@PathVariable long id, @ModelAttribute("form") MilestonesForm form, BindingResult result,
			DataScope scope, Model model, RedirectAttributes redirect) {
		List<Milestone> filled = form.filled();
		// A number that could not be read stays on its row as typed, beside its year, with its error: only a
		// grid that was read is compacted (empty rows dropped) and checked, so its errors name the rows shown.
		boolean read = !result.hasErrors();
		if (read) {
			form.setMilestones(new MilestonesForm(filled).getMilestones());
		}
		if (!read || !editor.saveMilestones(id, filled, scope, result)) {
			model.addAttribute("target", editor.editable(id, scope));
			model.addAttribute("proposed", false);
			model.addAttribute("noProposal", false);
			return "targets/milestones";
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/targets/" + id;
	}

	@GetMapping("/{id}/cascade")
	@PreAuthorize("hasRole('OFFICE')")
	String showCascade(@PathVariable long id, DataScope scope, Model model) {
		Target target = editor.editable(id, scope);
		model.addAttribute("target", target);
		model.addAttribute("document", documents.find(target.getDocumentId(), scope).orElse(null));
		model.addAttribute("children", regions.children(target.getRegionCode())
			.stream()
			.filter(region -> scope.covers(region.code()))
			.toList());
		model.addAttribute("existing", search.cascadedFrom(id, scope));
		model.addAttribute("sameThreshold", target.getIndicator().getAggregation() != Aggregation.SUM);
		return "targets/cascade";
	}

	@PostMapping("/{id}/cascade")
	@PreAuthorize("hasRole('OFFICE')")
	String cascade(@PathVariable long id, @RequestParam Map<String, String> parameters, DataScope scope,
			RedirectAttributes redirect) {
		Map<String, BigDecimal> shares = new LinkedHashMap<>();
		List<String> unreadable = new java.util.ArrayList<>();
		parameters.forEach((name, text) -> {
			if (name.startsWith("share.") && !text.isBlank()) {
				try {
					shares.put(name.substring("share.".length()), new BigDecimal(text.strip()));
				}
				catch (NumberFormatException ex) {
					unreadable.add(name.substring("share.".length()) + ":typeMismatch");
				}
			}
		});
		TargetEditor.CascadeOutcome outcome = unreadable.isEmpty() ? editor.cascade(id, shares, scope)
				: new TargetEditor.CascadeOutcome(List.of(), List.of(), unreadable, BigDecimal.ZERO, false);
		if (!outcome.problems().isEmpty()) {
			redirect.addFlashAttribute("cascadeProblems", outcome.problems());
			return "redirect:/targets/" + id + "/cascade";
		}
		// Flash attributes live in the session (PostgreSQL): numbers only, no entities.
		redirect.addFlashAttribute("cascadeOutcome", new CascadeSummary(outcome.created().size(),
				outcome.skippedRegions().size(), outcome.sharesTotal(), outcome.sharesMismatch()));
		return "redirect:/targets/" + id;
	}

	/** What a cascade did, as the target's page reports it. */
	record CascadeSummary(int created, int skipped, BigDecimal sharesTotal, boolean sharesMismatch)
			implements java.io.Serializable {
	}

	private String form(DocumentSummary document, DataScope scope, Model model) {
		model.addAttribute("document", document);
		model.addAttribute("indicatorOptions", indicators.findActive());
		model.addAttribute("goalOptions", goals.findByDocumentIdOrderByPositionAscIdAsc(document.id()));
		model.addAttribute("regionOptions", regions.optionsWithin(scope));
		model.addAttribute("departmentOptions", regions.departmentOptionsWithin(scope));
		return "targets/form";
	}

	private DocumentSummary document(Long documentId, DataScope scope) {
		return documentId == null ? null : documents.find(documentId, scope)
			.orElseThrow(() -> new Refusal.NotFound());
	}

	private static List<Milestone> proposal(Target target) {
		return MilestonePlan.propose(target.getComparator(), target.getValue(), target.getBaselineValue(),
				target.getBaselineYear(), target.getDeadlineYear(), target.isIncrement(),
				target.getIndicator().getValueType(), target.getIndicator().getDirection());
	}

}
