package cn.qualityportal.documents;

import cn.qualityportal.system.Refusal;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.system.StaleForms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The rules for a document, shared by pages and API: the owning region within the editor's scope,
 * a well-formed 文号 unique per issuer, consistent dates and repeal details, and the version the
 * user saw. Lineage changes refuse cycles. Returns null with the problems in {@code errors}. Every
 * change is in the audit trail.
 */
@Service
class DocumentEditor {

	static final String ENTITY = "policy_document";

	private final PolicyDocumentRepository documents;

	private final DocumentSearch search;

	private final AuditTrail audit;

	DocumentEditor(PolicyDocumentRepository documents, DocumentSearch search, AuditTrail audit) {
		this.documents = documents;
		this.search = search;
		this.audit = audit;
	}

	@Transactional
	PolicyDocument create(DocumentForm form, DataScope scope, Errors errors) {
		String number = check(form, null, scope, errors);
		if (errors.hasErrors()) {
			return null;
		}
		PolicyDocument document = new PolicyDocument(form.regionCode());
		document.update(form, number);
		document = documents.save(document);
		audit.record(ENTITY, document.getId(), "CREATE", null, document.state());
		return document;
	}

	@Transactional
	PolicyDocument update(long id, DocumentForm form, DataScope scope, Errors errors) {
		PolicyDocument document = editable(id, scope);
		if (form.version() == null || form.version() != document.getVersion()) {
			errors.reject(StaleForms.CONFLICT);
			return null;
		}
		String number = check(form, id, scope, errors);
		if (errors.hasErrors()) {
			return null;
		}
		Map<String, Object> before = document.state();
		document.update(form, number);
		audit.record(ENTITY, id, "UPDATE", before, document.state());
		return document;
	}

	/** Adds or changes a parent; refuses itself, an unknown or invisible document, and cycles. */
	@Transactional
	String addParent(long id, String parentNumber, LineageRelation relation, DataScope scope) {
		PolicyDocument document = editable(id, scope);
		Long parentId = search.idByNumber(DocumentNumbers.normalise(parentNumber), scope).orElse(null);
		if (parentId == null) {
			return "validation.lineage.unknown";
		}
		if (parentId == id || search.isAncestorOrSelf(id, parentId)) {
			return "validation.lineage.cycle";
		}
		document.addParent(parentId, relation);
		audit.record(ENTITY, id, "LINK", null, Map.of("parent", parentId, "relation", relation));
		return null;
	}

	@Transactional
	void removeParent(long id, long parentId, DataScope scope) {
		editable(id, scope).removeParent(parentId);
		audit.record(ENTITY, id, "UNLINK", Map.of("parent", parentId), null);
	}

	/** A document the scope may change: 404 if it cannot even see it, 403 if it may only read it. */
	PolicyDocument editable(long id, DataScope scope) {
		PolicyDocument document = documents.findById(id)
			.filter(found -> scope.canSee(found.getRegionCode()))
			.orElseThrow(() -> new Refusal.NotFound());
		if (!scope.covers(document.getRegionCode())) {
			throw Refusal.forbidden();
		}
		return document;
	}

	private String check(DocumentForm form, Long id, DataScope scope, Errors errors) {
		if (!errors.hasFieldErrors("regionCode") && !scope.covers(form.regionCode())) {
			errors.rejectValue("regionCode", "validation.region.outOfScope");
		}
		String number = DocumentNumbers.normalise(form.docNumber());
		if (number != null && !DocumentNumbers.isValid(number)) {
			errors.rejectValue("docNumber", "validation.docNumber");
		}
		else if (number != null && form.issuer() != null && !errors.hasFieldErrors("issuer")
				&& (id == null ? documents.existsByIssuerAndDocNumber(form.issuer().strip(), number)
						: documents.existsByIssuerAndDocNumberAndIdNot(form.issuer().strip(), number, id))) {
			errors.rejectValue("docNumber", "validation.docNumber.taken");
		}
		if (form.effectiveFrom() != null && form.effectiveTo() != null
				&& form.effectiveTo().isBefore(form.effectiveFrom())) {
			errors.rejectValue("effectiveTo", "validation.dateRange");
		}
		if (form.status() == DocumentStatus.REPEALED && form.repealedOn() == null) {
			errors.rejectValue("repealedOn", "validation.repealedOn.required");
		}
		if (form.status() == DocumentStatus.REPEALED && form.supersededById() != null
				&& (form.supersededById().equals(id) || search.summary(form.supersededById(), scope).isEmpty())) {
			errors.rejectValue("supersededById", "validation.lineage.unknown");
		}
		return number;
	}

}
