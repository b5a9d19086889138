package cn.qualityportal.documents;

import java.util.List;
import java.util.Optional;

import cn.qualityportal.organisation.DataScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Documents as other modules see them, always through the reader's scope. */
@Service
public class Documents {

	private final DocumentSearch search;

	private final DocumentEditor editor;

	private final DocumentFiles files;

	private final cn.qualityportal.audit.AuditTrail audit;

	Documents(DocumentSearch search, DocumentEditor editor, DocumentFiles files, cn.qualityportal.audit.AuditTrail audit) {
		this.audit = audit;
		this.search = search;
		this.editor = editor;
		this.files = files;
	}

	/** The document's full text, if the scope may see it and it has one. */
	@Transactional(readOnly = true)
	public Optional<String> text(long id, DataScope scope) {
		return search.summary(id, scope).map(found -> editor.editable(id, DataScope.EVERYTHING).getFullText());
	}

	/** Replaces the full text (and, when given, the original file) of a document the scope may change. */
	@Transactional
	public void replaceText(long id, String text, String filename, String contentType, byte[] original,
			String uploadedBy, DataScope scope) {
		editor.editable(id, scope).setFullText(text);
		if (original != null) {
			files.store(id, filename, contentType, original, uploadedBy);
		}
		java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
		state.put("characters", text.length());
		state.put("filename", filename);
		audit.record(uploadedBy, "policy_document", id, "REPLACE_TEXT", null, state, null);
	}

	public Optional<DocumentSummary> find(long id, DataScope scope) {
		return search.summary(id, scope);
	}

	/** The documents this one implements (not those it only cites). */
	public List<DocumentSummary> implementedBy(long id, DataScope scope) {
		return search.parents(id, scope)
			.stream()
			.filter(link -> link.relation() == LineageRelation.IMPLEMENTS)
			.map(DocumentSearch.Lineage::document)
			.toList();
	}

}
