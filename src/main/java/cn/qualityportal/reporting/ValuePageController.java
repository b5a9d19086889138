package cn.qualityportal.reporting;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import cn.qualityportal.audit.AuditChanges;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.reporting.ValueWorkflow.Actor;
import cn.qualityportal.system.Confirmation;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.UploadedFiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One figure's page: its history from the audit trail and its evidence, for anyone whose scope
 * covers its region; its reporter attaches evidence and submits it from here.
 */
@Controller
@RequestMapping("/reporting/values/{valueId}")
class ValuePageController {

	private final ValueWorkflow workflow;

	private final ValueSearch search;

	private final ValueEvidence evidence;

	private final ValueComments comments;

	ValuePageController(ValueWorkflow workflow, ValueSearch search, ValueEvidence evidence, ValueComments comments) {
		this.comments = comments;
		this.workflow = workflow;
		this.search = search;
		this.evidence = evidence;
	}

	/** Not for the system administrator, who manages accounts, not figures, their history or evidence. */
	@GetMapping
	@PreAuthorize("!hasRole('ADMIN')")
	String show(@PathVariable long valueId, Actor actor, Model model) {
		ValueView value = search.one(workflow.covered(valueId, actor).getId()).orElseThrow();
		model.addAttribute("value", value);
		List<Map<String, Object>> history = search.history(valueId);
		model.addAttribute("history", history);
		model.addAttribute("changes", history.stream()
			.map(row -> AuditChanges.between((String) row.get("old_state"), (String) row.get("new_state")))
			.toList());
		model.addAttribute("evidence", evidence.of(valueId, actor));
		model.addAttribute("reporter", actor.roles().contains(Role.REPORTER) && value.status().isEditable());
		model.addAttribute("mayReopen", (actor.roles().contains(Role.REVIEWER) || actor.roles().contains(Role.OFFICE))
				&& (value.status() == ValueStatus.APPROVED || value.status() == ValueStatus.ACCEPTED));
		model.addAttribute("maxMegabytes", ValueEvidence.MAX_BYTES / 1024 / 1024);
		model.addAttribute("comments", comments.of(valueId));
		model.addAttribute("mayComment", actor.roles().stream().anyMatch(role -> role == Role.REPORTER || role == Role.REVIEWER
				|| role == Role.OFFICE));
		model.addAttribute("commentMax", ValueComments.MAX_LENGTH);
		return "reporting/value";
	}

	/** A remark in the figure's dialogue, by its reporter, a reviewer or the office whose scope covers it. */
	@PostMapping("/comments")
	@PreAuthorize("hasAnyRole('REPORTER', 'REVIEWER', 'OFFICE')")
	String comment(@PathVariable long valueId, @RequestParam(defaultValue = "") String body,
			Actor actor, RedirectAttributes redirect) {
		try {
			comments.add(valueId, body, actor);
			redirect.addFlashAttribute("success", "comment.added");
		}
		catch (Refusal ex) {
			refuseOutOfScope(ex);
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/reporting/values/" + valueId + "#comments";
	}

	@PostMapping("/submit")
	@PreAuthorize("hasRole('REPORTER')")
	String submit(@PathVariable long valueId, Actor actor,
			RedirectAttributes redirect) {
		try {
			workflow.submit(valueId, actor);
			redirect.addFlashAttribute("success", "reporting.submitted");
		}
		catch (Refusal ex) {
			refuseOutOfScope(ex);
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/reporting/values/" + valueId;
	}

	/**
	 * A level above reopens a lower level's decision (an approval, or an acceptance) with a reason;
	 * the workflow decides who is above ({@link ValueWorkflow#reopen}), and the audit trail keeps it.
	 * {@code queue} names the queue the form was on ({@code review}, {@code acceptance}), to return to.
	 */
	@PostMapping("/reopen")
	@PreAuthorize("hasAnyRole('REVIEWER', 'OFFICE')")
	String reopen(@PathVariable long valueId, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) Long version, @RequestParam(defaultValue = "") String queue,
			ReportingController.QueueFilters back, Actor actor,
			RedirectAttributes redirect) {
		try {
			workflow.reopen(valueId, reason, version, actor);
			redirect.addFlashAttribute("success", "reporting.reopened");
		}
		catch (Refusal ex) {
			refuseOutOfScope(ex);
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		catch (org.springframework.dao.OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", "reporting.reviewConflict");
		}
		// Reopened on a queue: back to that queue with its filters; anywhere else, the figure's page.
		return "redirect:" + switch (queue) {
			case "review" -> back.on(ReportingController.REVIEW);
			case "acceptance" -> back.on(ReportingController.ACCEPTANCE);
			default -> "/reporting/values/" + valueId;
		};
	}

	@PostMapping("/evidence")
	@PreAuthorize("hasRole('REPORTER')")
	String attach(@PathVariable long valueId, @RequestParam("file") MultipartFile file,
			Actor actor, RedirectAttributes redirect) throws IOException {
		try {
			if (file.getSize() > ValueEvidence.MAX_BYTES) {
				throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.tooLarge");
			}
			evidence.attach(valueId, file.getOriginalFilename(), file.getBytes(), actor);
			redirect.addFlashAttribute("success", "evidence.attached");
		}
		catch (Refusal ex) {
			refuseOutOfScope(ex);
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/reporting/values/" + valueId + "#evidence";
	}

	@PostMapping("/evidence/{evidenceId}/delete")
	@PreAuthorize("hasRole('REPORTER')")
	String remove(@PathVariable long valueId, @PathVariable long evidenceId,
			@RequestParam(name = Confirmation.PARAM, defaultValue = "false") boolean confirmed,
			Actor actor, Model model, RedirectAttributes redirect) {
		if (!confirmed) {
			// Asked first; the list is read within the user's scope, so a file they cannot see is a 404 here too.
			String filename = evidence.of(valueId, actor)
				.stream()
				.filter(file -> file.id() == evidenceId)
				.map(ValueEvidence.Evidence::filename)
				.findFirst()
				.orElseThrow(() -> new Refusal.NotFound());
			return Confirmation.show(model, "confirm.deleteEvidence.title", "confirm.deleteEvidence", new Object[] { filename },
					"/reporting/values/" + valueId + "/evidence/" + evidenceId + "/delete", "/reporting/values/" + valueId + "#evidence");
		}
		try {
			evidence.remove(valueId, evidenceId, actor);
			redirect.addFlashAttribute("success", "evidence.removed");
		}
		catch (Refusal ex) {
			refuseOutOfScope(ex);
			redirect.addFlashAttribute("error", ex.messageKey());
		}
		return "redirect:/reporting/values/" + valueId + "#evidence";
	}

	/** A figure outside the user's scope is answered as such (404/403), not as a message on a page they cannot open. */
	private static void refuseOutOfScope(Refusal ex) {
		if (ex.status() == HttpStatus.NOT_FOUND || ex.status() == HttpStatus.FORBIDDEN) {
			throw ex;
		}
	}

	@PreAuthorize("!hasRole('ADMIN')")
	@GetMapping("/evidence/{evidenceId}")
	ResponseEntity<byte[]> download(@PathVariable long valueId, @PathVariable long evidenceId,
			Actor actor) {
		ValueEvidence.StoredFile file = evidence.load(valueId, evidenceId, actor);
		return UploadedFiles.attachment(file.filename(), file.contentType(), file.content());
	}

}
