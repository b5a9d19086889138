package cn.qualityportal.targets;

import cn.qualityportal.system.Refusal;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.documents.Documents;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Adds a goal (a goal area or statement) to a document, in the document's order. */
@Controller
class GoalController {

	private final GoalRepository goals;

	private final Documents documents;

	private final cn.qualityportal.audit.AuditTrail audit;

	GoalController(GoalRepository goals, Documents documents, cn.qualityportal.audit.AuditTrail audit) {
		this.goals = goals;
		this.documents = documents;
		this.audit = audit;
	}

	@PostMapping("/documents/{documentId}/goals")
	@PreAuthorize("hasRole('OFFICE')")
	@Transactional
	String create(@PathVariable long documentId, @RequestParam GoalArea area, @RequestParam String title,
			@RequestParam(defaultValue = "0") int position, DataScope scope, RedirectAttributes redirect) {
		var document = documents.find(documentId, scope)
			.orElseThrow(() -> new Refusal.NotFound());
		if (!scope.covers(document.regionCode())) {
			throw Refusal.forbidden();
		}
		if (title.isBlank() || title.length() > 300) {
			redirect.addFlashAttribute("error", "validation.goal.title");
		}
		else {
			Goal goal = goals.save(new Goal(documentId, area, title.strip(), position));
			java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
			state.put("documentId", documentId);
			state.put("area", area);
			state.put("title", goal.getTitle());
			state.put("position", position);
			audit.record("goal", goal.getId(), "CREATE", null, state);
			redirect.addFlashAttribute("success", "flash.saved");
		}
		return "redirect:/documents/" + documentId + "#goals";
	}

}
