package cn.qualityportal.documents;

import cn.qualityportal.system.Refusal;
import java.net.URI;
import java.util.List;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.system.PageView;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Documents over JSON, with the same scope and rules as the pages. */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentApiController {

	private final DocumentSearch search;

	private final DocumentEditor editor;

	private final PolicyDocumentRepository documents;

	DocumentApiController(DocumentSearch search, DocumentEditor editor, PolicyDocumentRepository documents) {
		this.search = search;
		this.editor = editor;
		this.documents = documents;
	}

	@GetMapping
	PageView<DocumentSummary> list(@RequestParam(required = false) DocumentStatus status,
			@RequestParam(required = false) DocumentLevel level, @RequestParam(defaultValue = "") String regionCode,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, DataScope scope) {
		return PageView.of(search.page(new DocumentFilter(status, level, regionCode, year, q), scope,
				PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500))));
	}

	@GetMapping("/{id}")
	DocumentView get(@PathVariable long id, DataScope scope) {
		DocumentSummary summary = search.summary(id, scope)
			.orElseThrow(() -> new Refusal.NotFound());
		return new DocumentView(summary, documents.findById(id).orElseThrow().getVersion(), search.parents(id, scope),
				search.children(id, scope));
	}

	@PostMapping
	@PreAuthorize("hasRole('OFFICE')")
	ResponseEntity<DocumentView> create(@Valid @RequestBody DocumentForm form, BindingResult result, DataScope scope)
			throws BindException {
		PolicyDocument document = editor.create(form, scope, result);
		if (result.hasErrors()) {
			throw new BindException(result);
		}
		return ResponseEntity.created(URI.create("/api/v1/documents/" + document.getId()))
			.body(get(document.getId(), scope));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('OFFICE')")
	DocumentView update(@PathVariable long id, @Valid @RequestBody DocumentForm form, BindingResult result,
			DataScope scope) throws BindException {
		editor.update(id, form, scope, result);
		if (result.hasErrors()) {
			throw new BindException(result);
		}
		return get(id, scope);
	}

	record DocumentView(DocumentSummary document, long version, List<DocumentSearch.Lineage> parents,
			List<DocumentSearch.Lineage> children) {
	}

}
