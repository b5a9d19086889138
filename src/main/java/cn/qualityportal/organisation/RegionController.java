package cn.qualityportal.organisation;

import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.StaleForms;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The system administrator's pages for the region tree. Regions are deactivated, never deleted. */
@Controller
@RequestMapping("/admin/regions")
@PreAuthorize("hasRole('ADMIN')")
class RegionController {

	static final int PAGE_SIZE = 20;

	static final int CATALOGUE_MATCHES = 30;

	private final RegionRepository regions;

	private final RegionEditor editor;

	private final RegionCatalogue catalogue;

	private final cn.qualityportal.audit.AuditTrail audit;

	RegionController(RegionRepository regions, RegionEditor editor, RegionCatalogue catalogue,
			cn.qualityportal.audit.AuditTrail audit) {
		this.audit = audit;
		this.regions = regions;
		this.editor = editor;
		this.catalogue = catalogue;
	}

	@ModelAttribute("levels")
	RegionLevel[] levels() {
		return RegionLevel.values();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q.strip());
		model.addAttribute("page", regions.search(q.strip(), PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return "organisation/regions";
	}

	/**
	 * The new-region form; {@code find} searches the official list by name or code, and {@code pick}
	 * fills the form with a division of it, so nobody types a code, level or parent by hand.
	 */
	@GetMapping("/new")
	String showCreateForm(@RequestParam(defaultValue = "") String find, @RequestParam(defaultValue = "") String pick,
			Model model) {
		String query = find.strip();
		model.addAttribute("form", catalogue.find(pick).map(RegionForm::of).orElse(RegionForm.empty()));
		model.addAttribute("find", query.length() > 50 ? query.substring(0, 50) : query);
		model.addAttribute("matches", catalogue.search(query.length() > 50 ? "" : query, CATALOGUE_MATCHES));
		return "organisation/regionForm";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") RegionForm form, BindingResult result, RedirectAttributes redirect) {
		if (editor.create(form, result) == null) {
			return "organisation/regionForm";
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/admin/regions?q=" + form.code();
	}

	@GetMapping("/{code}/edit")
	String showEditForm(@PathVariable String code, Model model) {
		model.addAttribute("form", RegionForm.of(find(code)));
		return "organisation/regionForm";
	}

	@PostMapping("/{code}")
	String update(@PathVariable String code, @Valid @ModelAttribute("form") RegionForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (editor.update(code, form, result) == null) {
			if (StaleForms.isConflict(result)) {
				StaleForms.showCurrent(model, "form", RegionForm.of(find(code)));
			}
			return "organisation/regionForm";
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/admin/regions?q=" + code;
	}

	@PostMapping("/{code}/active")
	@Transactional
	String setActive(@PathVariable String code, @RequestParam boolean active, RedirectAttributes redirect) {
		Region region = find(code);
		java.util.Map<String, Object> before = region.state();
		region.setActive(active);
		audit.record("region", RegionEditor.auditId(code), active ? "ACTIVATE" : "DEACTIVATE", before, region.state());
		redirect.addFlashAttribute("success", active ? "flash.activated" : "flash.deactivated");
		return "redirect:/admin/regions?q=" + code;
	}

	private Region find(String code) {
		return regions.findById(code).orElseThrow(() -> new Refusal.NotFound());
	}

}
