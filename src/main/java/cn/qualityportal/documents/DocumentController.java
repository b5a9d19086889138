package cn.qualityportal.documents;

import cn.qualityportal.system.Refusal;
import java.io.IOException;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.system.Confirmation;
import cn.qualityportal.system.StaleForms;
import cn.qualityportal.system.UploadedFiles;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Document pages: everyone reads the documents of the regions they may see; the leading-group
 * office registers and edits those of its own regions, their lineage and original file.
 */
@Controller
@RequestMapping("/documents")
class DocumentController {

	static final int PAGE_SIZE = 20;

	private final DocumentSearch search;

	private final DocumentEditor editor;

	private final DocumentFiles files;

	private final PolicyDocumentRepository documents;

	private final Regions regions;

	private final List<DocumentPageSection> sections;

	DocumentController(DocumentSearch search, DocumentEditor editor, DocumentFiles files,
			PolicyDocumentRepository documents, Regions regions, List<DocumentPageSection> sections) {
		this.search = search;
		this.editor = editor;
		this.files = files;
		this.documents = documents;
		this.regions = regions;
		this.sections = sections.stream().sorted(Comparator.comparingInt(DocumentPageSection::order)).toList();
	}

	@ModelAttribute("statuses")
	DocumentStatus[] statuses() {
		return DocumentStatus.values();
	}

	@ModelAttribute("levels")
	DocumentLevel[] levels() {
		return DocumentLevel.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) DocumentStatus status, @RequestParam(required = false) DocumentLevel level,
			@RequestParam(defaultValue = "") String region, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, DataScope scope,
			Model model) {
		DocumentFilter filter = new DocumentFilter(status, level, region, year, q);
		model.addAttribute("filter", filter);
		model.addAttribute("regionOptions", regions.visibleOptions(scope));
		model.addAttribute("page", search.page(filter, scope, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
		return "documents/list";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, DataScope scope, Model model) {
		DocumentSummary summary = search.summary(id, scope)
			.orElseThrow(() -> new Refusal.NotFound());
		PolicyDocument document = documents.findById(id).orElseThrow();
		model.addAttribute("document", document);
		model.addAttribute("summary", summary);
		model.addAttribute("editable", scope.covers(summary.regionCode()));
		model.addAttribute("parents", search.parents(id, scope));
		model.addAttribute("children", search.children(id, scope));
		model.addAttribute("supersededBy",
				document.getSupersededById() == null ? null : search.summary(document.getSupersededById(), scope).orElse(null));
		model.addAttribute("file", files.info(id).orElse(null));
		model.addAttribute("relations", LineageRelation.values());
		model.addAttribute("sections", sections.stream()
			.map(section -> new SectionView(section.template(), section.model(summary, scope)))
			.toList());
		return "documents/show";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('OFFICE')")
	String showCreateForm(DataScope scope, Model model) {
		List<Regions.RegionOption> options = regions.optionsWithin(scope);
		// The first region offered is the office's own; the level preselected is that region's.
		model.addAttribute("form", options.isEmpty() ? DocumentForm.empty("", DocumentLevel.COUNTY)
				: DocumentForm.empty(options.get(0).code(), DocumentForm.levelOf(options.get(0).level())));
		model.addAttribute("regionOptions", options);
		model.addAttribute("supersedingOptions", search.choices(scope));
		return "documents/form";
	}

	@PostMapping
	@PreAuthorize("hasRole('OFFICE')")
	String create(@Valid @ModelAttribute("form") DocumentForm form, BindingResult result, DataScope scope, Model model,
			RedirectAttributes redirect) {
		PolicyDocument document = editor.create(form, scope, result);
		if (document == null) {
			model.addAttribute("regionOptions", regions.optionsWithin(scope));
			model.addAttribute("supersedingOptions", search.choices(scope));
			return "documents/form";
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/documents/" + document.getId();
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('OFFICE')")
	String showEditForm(@PathVariable long id, DataScope scope, Model model) {
		model.addAttribute("form", DocumentForm.of(editor.editable(id, scope)));
		model.addAttribute("documentId", id);
		model.addAttribute("regionOptions", regions.optionsWithin(scope));
		model.addAttribute("supersedingOptions", search.choices(scope));
		return "documents/form";
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('OFFICE')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") DocumentForm form, BindingResult result,
			@RequestParam(name = Confirmation.PARAM, defaultValue = "false") boolean confirmed, DataScope scope, Model model,
			RedirectAttributes redirect) {
		// Another region's document is refused (404/403) before its form says anything about the input.
		PolicyDocument current = editor.editable(id, scope);
		// Repealing ends the document's targets for every later year: asked on the form, done when confirmed.
		if (form.status() == DocumentStatus.REPEALED && !confirmed && !result.hasErrors()
				&& current.getStatus() != DocumentStatus.REPEALED) {
			result.rejectValue("status", "confirm.repeal");
		}
		if (result.hasErrors() || editor.update(id, form, scope, result) == null) {
			if (StaleForms.isConflict(result)) {
				StaleForms.showCurrent(model, "form", DocumentForm.of(editor.editable(id, scope)));
			}
			model.addAttribute("documentId", id);
			model.addAttribute("regionOptions", regions.optionsWithin(scope));
			model.addAttribute("supersedingOptions", search.choices(scope));
			return "documents/form";
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/documents/" + id;
	}

	@PostMapping("/{id}/parents")
	@PreAuthorize("hasRole('OFFICE')")
	String addParent(@PathVariable long id, @RequestParam String parentNumber, @RequestParam LineageRelation relation,
			DataScope scope, RedirectAttributes redirect) {
		String problem = editor.addParent(id, parentNumber, relation, scope);
		redirect.addFlashAttribute(problem == null ? "success" : "error", problem == null ? "flash.saved" : problem);
		return "redirect:/documents/" + id + "#lineage";
	}

	@PostMapping("/{id}/parents/{parentId}/remove")
	@PreAuthorize("hasRole('OFFICE')")
	String removeParent(@PathVariable long id, @PathVariable long parentId,
			@RequestParam(name = Confirmation.PARAM, defaultValue = "false") boolean confirmed, DataScope scope, Model model,
			RedirectAttributes redirect) {
		if (!confirmed) {
			PolicyDocument document = editor.editable(id, scope);
			return Confirmation.show(model, "confirm.removeParent.title", "confirm.removeParent",
					new Object[] { document.getTitle() }, "/documents/" + id + "/parents/" + parentId + "/remove",
					"/documents/" + id + "#lineage");
		}
		editor.removeParent(id, parentId, scope);
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/documents/" + id + "#lineage";
	}

	@PostMapping("/{id}/file")
	@PreAuthorize("hasRole('OFFICE')")
	@Transactional
	String uploadFile(@PathVariable long id, @RequestParam("file") MultipartFile file, DataScope scope,
			Principal principal, RedirectAttributes redirect) throws IOException {
		PolicyDocument document = editor.editable(id, scope);
		if (file.getSize() > DocumentFiles.MAX_BYTES) {
			redirect.addFlashAttribute("error", "document.file.tooLarge");
			return "redirect:/documents/" + id;
		}
		byte[] content = file.getBytes();
		String contentType = DocumentFiles.contentType(file.getOriginalFilename(), content).orElse(null);
		if (contentType == null) {
			redirect.addFlashAttribute("error", "document.file.type");
			return "redirect:/documents/" + id;
		}
		String filename = UploadedFiles.safeName(file.getOriginalFilename(), "document");
		files.store(id, filename, contentType, content, principal.getName());
		// A plain-text original is the document's text, unless the office already entered one.
		if (contentType.equals("text/plain") && document.getFullText() == null) {
			DocumentFiles.decodeText(content).ifPresent(document::setFullText);
		}
		redirect.addFlashAttribute("success", "document.file.uploaded");
		return "redirect:/documents/" + id;
	}

	@GetMapping("/{id}/file")
	ResponseEntity<byte[]> downloadFile(@PathVariable long id, DataScope scope) {
		search.summary(id, scope).orElseThrow(() -> new Refusal.NotFound());
		DocumentFiles.StoredFile file = files.load(id)
			.orElseThrow(() -> new Refusal.NotFound());
		return UploadedFiles.attachment(file.filename(), file.contentType(), file.content());
	}

	record SectionView(String template, Object model) {
	}

}
