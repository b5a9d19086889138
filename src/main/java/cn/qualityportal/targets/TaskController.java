package cn.qualityportal.targets;

import cn.qualityportal.system.Refusal;
import java.security.Principal;
import java.time.LocalDate;

import cn.qualityportal.documents.DocumentSummary;
import cn.qualityportal.documents.Documents;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.system.StaleForms;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
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

/** Tasks (重点任务) of a document: the office defines them; their progress is noted by date. */
@Controller
@RequestMapping("/tasks")
class TaskController {

	private final TaskRepository tasks;

	private final TaskSearch search;

	private final GoalRepository goals;

	private final Documents documents;

	private final Regions regions;

	private final cn.qualityportal.audit.AuditTrail audit;

	TaskController(TaskRepository tasks, TaskSearch search, GoalRepository goals, Documents documents, Regions regions,
			cn.qualityportal.audit.AuditTrail audit) {
		this.audit = audit;
		this.tasks = tasks;
		this.search = search;
		this.goals = goals;
		this.documents = documents;
		this.regions = regions;
	}

	@ModelAttribute("statuses")
	TaskStatus[] statuses() {
		return TaskStatus.values();
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, DataScope scope, Model model) {
		Task task = find(id);
		DocumentSummary document = document(task.getDocumentId(), scope);
		model.addAttribute("task", task);
		model.addAttribute("document", document);
		model.addAttribute("lead", task.getLeadDepartmentId() == null ? null
				: regions.department(task.getLeadDepartmentId()).orElse(null));
		model.addAttribute("notes", search.notes(id));
		model.addAttribute("editable", scope.covers(document.regionCode()));
		model.addAttribute("today", LocalDate.now());
		return "targets/task";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('OFFICE')")
	String showCreateForm(@RequestParam long documentId, DataScope scope, Model model) {
		model.addAttribute("form", TaskForm.empty(documentId));
		return form(editableDocument(documentId, scope), scope, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('OFFICE')")
	@Transactional
	String create(@Valid @ModelAttribute("form") TaskForm form, BindingResult result, DataScope scope, Model model,
			RedirectAttributes redirect) {
		if (form.documentId() == null) {
			// The form always carries its document; a request without one was not sent by it.
			throw Refusal.badRequest();
		}
		DocumentSummary document = editableDocument(form.documentId(), scope);
		checkDepartments(form, document, result);
		if (result.hasErrors()) {
			return form(document, scope, model);
		}
		Task task = new Task(form.documentId());
		task.update(form);
		tasks.save(task);
		audit.record("task", task.getId(), "CREATE", null, task.state());
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/documents/" + form.documentId() + "#tasks";
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('OFFICE')")
	@Transactional(readOnly = true)
	String showEditForm(@PathVariable long id, DataScope scope, Model model) {
		Task task = find(id);
		model.addAttribute("form", TaskForm.of(task));
		model.addAttribute("taskId", id);
		return form(editableDocument(task.getDocumentId(), scope), scope, model);
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('OFFICE')")
	@Transactional
	String update(@PathVariable long id, @Valid @ModelAttribute("form") TaskForm form, BindingResult result,
			DataScope scope, Model model, RedirectAttributes redirect) {
		Task task = find(id);
		DocumentSummary document = editableDocument(task.getDocumentId(), scope);
		model.addAttribute("taskId", id);
		if (form.version() == null || form.version() != task.getVersion()) {
			StaleForms.showCurrent(model, "form", TaskForm.of(task));
			return form(document, scope, model);
		}
		checkDepartments(form, document, result);
		if (result.hasErrors()) {
			return form(document, scope, model);
		}
		java.util.Map<String, Object> before = task.state();
		task.update(new TaskForm(task.getDocumentId(), form.goalId(), form.title(), form.leadDepartmentId(),
				form.cooperatingDepartmentIds(), form.dueYear(), form.status(), form.version()));
		audit.record("task", id, "UPDATE", before, task.state());
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/tasks/" + id;
	}

	@PostMapping("/{id}/notes")
	@PreAuthorize("hasAnyRole('OFFICE', 'REPORTER')")
	@Transactional
	String addNote(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate notedOn,
			@RequestParam String note, DataScope scope, Principal principal, RedirectAttributes redirect) {
		Task task = find(id);
		editableDocument(task.getDocumentId(), scope);
		if (note.isBlank() || note.length() > 4000 || notedOn.isAfter(LocalDate.now())) {
			redirect.addFlashAttribute("error", "validation.task.note");
		}
		else {
			search.addNote(id, notedOn, note.strip(), principal.getName());
			audit.record("task", id, "NOTE", null, java.util.Map.of("notedOn", notedOn.toString(), "note", note.strip()));
			redirect.addFlashAttribute("success", "flash.saved");
		}
		return "redirect:/tasks/" + id;
	}

	private void checkDepartments(TaskForm form, DocumentSummary document, BindingResult result) {
		if (form.leadDepartmentId() != null && regions.department(form.leadDepartmentId())
			.filter(department -> department.regionCode().equals(document.regionCode()))
			.isEmpty()) {
			result.rejectValue("leadDepartmentId", "validation.department.region");
		}
		if (form.goalId() != null
				&& goals.findById(form.goalId()).filter(goal -> goal.getDocumentId() == document.id()).isEmpty()) {
			result.rejectValue("goalId", "validation.goal.unknown");
		}
	}

	private String form(DocumentSummary document, DataScope scope, Model model) {
		model.addAttribute("document", document);
		model.addAttribute("goalOptions", goals.findByDocumentIdOrderByPositionAscIdAsc(document.id()));
		model.addAttribute("departmentOptions", regions.departmentOptionsWithin(scope)
			.stream()
			.filter(department -> department.regionCode().equals(document.regionCode()))
			.toList());
		return "targets/taskForm";
	}

	private DocumentSummary document(long documentId, DataScope scope) {
		return documents.find(documentId, scope).orElseThrow(() -> new Refusal.NotFound());
	}

	private DocumentSummary editableDocument(long documentId, DataScope scope) {
		DocumentSummary document = document(documentId, scope);
		if (!scope.covers(document.regionCode())) {
			throw Refusal.forbidden();
		}
		return document;
	}

	private Task find(long id) {
		return tasks.findById(id).orElseThrow(() -> new Refusal.NotFound());
	}

}
