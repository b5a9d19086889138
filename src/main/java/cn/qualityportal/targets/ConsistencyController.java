package cn.qualityportal.targets;

import cn.qualityportal.system.Refusal;
import cn.qualityportal.documents.DocumentSummary;
import cn.qualityportal.documents.Documents;
import cn.qualityportal.organisation.DataScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office marks a difference from the parent document as intended, with a reason, or withdraws
 * that mark; only findings the consistency check reports today can be marked ({@link ConsistencyReport}).
 */
@Controller
@RequestMapping("/documents/{documentId}/consistency")
@PreAuthorize("hasRole('OFFICE')")
class ConsistencyController {

	static final int MAX_REASON = 1000;

	private final ConsistencyReport consistency;

	private final Documents documents;

	ConsistencyController(ConsistencyReport consistency, Documents documents) {
		this.consistency = consistency;
		this.documents = documents;
	}

	@PostMapping("/acknowledge")
	String acknowledge(@PathVariable long documentId, @RequestParam long parentTargetId,
			@RequestParam(required = false) Long targetId, @RequestParam(defaultValue = "") String reason, DataScope scope,
			Authentication user, RedirectAttributes redirect) {
		DocumentSummary document = editable(documentId, scope);
		ConsistencyReport.Finding finding = consistency.finding(document, scope, parentTargetId, targetId)
			.orElseThrow(() -> new Refusal.NotFound());
		if (reason.isBlank() || reason.strip().length() > MAX_REASON) {
			redirect.addFlashAttribute("error", "consistency.reasonRequired");
		}
		else {
			consistency.acknowledge(documentId, finding, reason.strip(), user.getName());
			redirect.addFlashAttribute("success", "consistency.acknowledged");
		}
		return "redirect:/documents/" + documentId + "#consistency";
	}

	@PostMapping("/withdraw")
	String withdraw(@PathVariable long documentId, @RequestParam long parentTargetId,
			@RequestParam(required = false) Long targetId, DataScope scope, Authentication user,
			RedirectAttributes redirect) {
		editable(documentId, scope);
		if (!consistency.withdraw(documentId, parentTargetId, targetId, user.getName())) {
			throw new Refusal.NotFound();
		}
		redirect.addFlashAttribute("success", "consistency.withdrawn");
		return "redirect:/documents/" + documentId + "#consistency";
	}

	private DocumentSummary editable(long documentId, DataScope scope) {
		DocumentSummary document = documents.find(documentId, scope)
			.orElseThrow(() -> new Refusal.NotFound());
		if (!scope.covers(document.regionCode())) {
			throw Refusal.forbidden();
		}
		return document;
	}

}
