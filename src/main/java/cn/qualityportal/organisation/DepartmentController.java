package cn.qualityportal.organisation;

import cn.qualityportal.system.Refusal;
import java.util.List;

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

/** The system administrator's pages for departments. A department's region is fixed once created. */
@Controller
@RequestMapping("/admin/departments")
@PreAuthorize("hasRole('ADMIN')")
class DepartmentController {

	private final DepartmentRepository departments;

	private final RegionRepository regions;

	private final DepartmentEditor editor;

	private final cn.qualityportal.audit.AuditTrail audit;

	DepartmentController(DepartmentRepository departments, RegionRepository regions, DepartmentEditor editor,
			cn.qualityportal.audit.AuditTrail audit) {
		this.audit = audit;
		this.departments = departments;
		this.regions = regions;
		this.editor = editor;
	}

	@ModelAttribute("kinds")
	DepartmentKind[] kinds() {
		return DepartmentKind.values();
	}

	@ModelAttribute("regionOptions")
	List<Regions.RegionOption> regionOptions() {
		return regions.findAllByOrderByCode().stream().map(Regions::option).toList();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q.strip());
		model.addAttribute("region", region);
		model.addAttribute("page",
				departments.search(region, q.strip(), PageRequest.of(Math.max(page, 0), RegionController.PAGE_SIZE)));
		return "organisation/departments";
	}

	@GetMapping("/new")
	String showCreateForm(Model model) {
		model.addAttribute("form", DepartmentForm.empty());
		return "organisation/departmentForm";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") DepartmentForm form, BindingResult result,
			RedirectAttributes redirect) {
		Department saved = editor.create(form, result);
		if (saved == null) {
			return "organisation/departmentForm";
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/admin/departments?region=" + form.regionCode();
	}

	@GetMapping("/{id}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		Department department = find(id);
		model.addAttribute("form", DepartmentForm.of(department));
		model.addAttribute("department", department);
		return "organisation/departmentForm";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") DepartmentForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Department saved = editor.update(id, form, result);
		if (saved == null) {
			Department current = find(id);
			model.addAttribute("department", current);
			if (StaleForms.isConflict(result)) {
				StaleForms.showCurrent(model, "form", DepartmentForm.of(current));
			}
			return "organisation/departmentForm";
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/admin/departments?region=" + saved.getRegion().getCode();
	}

	@PostMapping("/{id}/active")
	@Transactional
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		Department department = find(id);
		java.util.Map<String, Object> before = department.state();
		department.setActive(active);
		audit.record("department", id, active ? "ACTIVATE" : "DEACTIVATE", before, department.state());
		redirect.addFlashAttribute("success", active ? "flash.activated" : "flash.deactivated");
		return "redirect:/admin/departments?region=" + department.getRegion().getCode();
	}

	private Department find(long id) {
		return departments.findById(id).orElseThrow(() -> new Refusal.NotFound());
	}

}
