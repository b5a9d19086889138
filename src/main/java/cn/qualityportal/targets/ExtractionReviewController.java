package cn.qualityportal.targets;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.qualityportal.documents.DocumentSummary;
import cn.qualityportal.documents.Documents;
import cn.qualityportal.extraction.DocumentText;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.StaleForms;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
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
 * The review screen: the document's text with every proposal highlighted, the proposals beside it
 * to edit, accept or reject, and a way to paste or upload the text first. Office only.
 */
@Controller
@RequestMapping("/documents/{documentId}/extraction")
@PreAuthorize("hasRole('OFFICE')")
class ExtractionReviewController {

	private final ExtractionReview review;

	private final Documents documents;

	private final IndicatorRepository indicators;

	private final TargetRepository targets;

	private final Regions regions;

	ExtractionReviewController(ExtractionReview review, Documents documents, IndicatorRepository indicators,
			TargetRepository targets, Regions regions) {
		this.review = review;
		this.documents = documents;
		this.indicators = indicators;
		this.targets = targets;
		this.regions = regions;
	}

	@ModelAttribute("comparators")
	Comparator[] comparators() {
		return Comparator.values();
	}

	@GetMapping
	String show(@PathVariable long documentId, DataScope scope, Model model) {
		DocumentSummary document = review.editableDocument(documentId, scope);
		String text = documents.text(documentId, scope).orElse("");
		List<ExtractionCandidate> all = review.candidates(documentId, scope);
		List<Indicator> catalogue = indicators.findActive();
		// Only an indicator that is the same statistic is proposed; merely alike ones are left to the candidate page.
		Map<Long, ExtractionReview.Suggestion> proposals = new LinkedHashMap<>();
		all.stream()
			.filter(candidate -> candidate.getStatus() == ExtractionCandidate.Status.PROPOSED)
			.forEach(candidate -> proposals.put(candidate.getId(), review.proposal(candidate.getIndicator(), catalogue)));
		List<ExtractionCandidate> accepted = all.stream().filter(c -> c.getStatus() == ExtractionCandidate.Status.ACCEPTED).toList();
		// Accepted targets without a lead department ask for one.
		Set<Long> withoutLead = new HashSet<>();
		accepted.stream()
			.filter(candidate -> candidate.getTargetId() != null)
			.filter(candidate -> targets.findById(candidate.getTargetId()).map(t -> t.getLeadDepartmentId() == null).orElse(false))
			.forEach(candidate -> withoutLead.add(candidate.getId()));
		model.addAttribute("document", document);
		model.addAttribute("hasText", !text.isBlank());
		model.addAttribute("segments", Highlights.of(text, all));
		model.addAttribute("proposed", all.stream().filter(c -> c.getStatus() == ExtractionCandidate.Status.PROPOSED).toList());
		model.addAttribute("accepted", accepted);
		model.addAttribute("withoutLead", withoutLead);
		model.addAttribute("rejected", all.stream().filter(c -> c.getStatus() == ExtractionCandidate.Status.REJECTED).toList());
		model.addAttribute("proposals", proposals);
		return "targets/extraction";
	}

	@PostMapping("/run")
	String run(@PathVariable long documentId, DataScope scope, RedirectAttributes redirect) {
		int added = review.run(documentId, scope);
		if (added < 0) {
			redirect.addFlashAttribute("error", "extraction.noText");
		}
		else {
			redirect.addFlashAttribute("proposedCount", added);
		}
		return "redirect:/documents/" + documentId + "/extraction";
	}

	@PostMapping("/text")
	String replaceText(@PathVariable long documentId, @RequestParam String text, DataScope scope, Principal principal,
			RedirectAttributes redirect) {
		if (text.isBlank() || text.length() > DocumentText.MAX_TEXT_BYTES) {
			redirect.addFlashAttribute("error", text.isBlank() ? "extraction.empty" : "extraction.tooLarge");
			return "redirect:/documents/" + documentId + "/extraction";
		}
		documents.replaceText(documentId, text, null, null, null, principal.getName(), scope);
		return run(documentId, scope, redirect);
	}

	@PostMapping("/file")
	String upload(@PathVariable long documentId, @RequestParam("file") MultipartFile file, DataScope scope,
			Principal principal, RedirectAttributes redirect) throws IOException {
		review.editableDocument(documentId, scope);
		String text;
		try {
			if (file.getSize() > DocumentText.MAX_FILE_BYTES) {
				throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, "extraction.tooLarge");
			}
			text = DocumentText.fromFile(file.getOriginalFilename(), file.getBytes());
		}
		catch (RuntimeException ex) {
			redirect.addFlashAttribute("error", DocumentText.messageKeyOf(ex));
			return "redirect:/documents/" + documentId + "/extraction";
		}
		String filename = file.getOriginalFilename() == null ? "document" : file.getOriginalFilename();
		documents.replaceText(documentId, text, filename.substring(filename.replace('\\', '/').lastIndexOf('/') + 1),
				DocumentText.contentTypeOf(filename), file.getBytes(), principal.getName(), scope);
		return run(documentId, scope, redirect);
	}

	@GetMapping("/candidates/{candidateId}")
	String showCandidate(@PathVariable long documentId, @PathVariable long candidateId, DataScope scope, Model model) {
		DocumentSummary document = review.editableDocument(documentId, scope);
		ExtractionCandidate candidate = candidateOf(documentId, candidateId);
		List<Indicator> catalogue = indicators.findActive();
		model.addAttribute("form", review.defaults(candidate, document, catalogue));
		return candidatePage(document, candidate, catalogue, model);
	}

	@PostMapping("/candidates/{candidateId}/accept")
	String accept(@PathVariable long documentId, @PathVariable long candidateId,
			@Valid @ModelAttribute("form") CandidateForm form, BindingResult result, DataScope scope, Principal principal,
			Model model, RedirectAttributes redirect) {
		candidateOf(documentId, candidateId);
		Target target = review.accept(candidateId, form, scope, principal.getName(), result);
		if (target == null) {
			DocumentSummary document = review.editableDocument(documentId, scope);
			ExtractionCandidate candidate = review.find(candidateId);
			List<Indicator> catalogue = indicators.findActive();
			if (StaleForms.isConflict(result)) {
				StaleForms.showCurrent(model, "form", review.defaults(candidate, document, catalogue));
			}
			return candidatePage(document, candidate, catalogue, model);
		}
		redirect.addFlashAttribute("success", "extraction.accepted");
		return "redirect:/documents/" + documentId + "/extraction";
	}

	@PostMapping("/candidates/{candidateId}/reject")
	String reject(@PathVariable long documentId, @PathVariable long candidateId, DataScope scope, Principal principal,
			RedirectAttributes redirect) {
		candidateOf(documentId, candidateId);
		review.reject(candidateId, scope, principal.getName());
		redirect.addFlashAttribute("success", "extraction.rejected");
		return "redirect:/documents/" + documentId + "/extraction";
	}

	/**
	 * What 全部接受 would do, before it does it: for each remaining proposal, the existing indicator it
	 * would be linked to, the new indicator it would create, or why it is left for review.
	 */
	@GetMapping("/accept-all")
	String previewAcceptAll(@PathVariable long documentId, DataScope scope, Model model) {
		DocumentSummary document = review.editableDocument(documentId, scope);
		model.addAttribute("document", document);
		model.addAttribute("plan", plan(document, review.candidates(documentId, scope), indicators.findActive()));
		return "targets/acceptAll";
	}

	/** One line of the plan: the candidate, its form as it would be accepted, the indicator it links to (null: a new one). */
	record PlannedAcceptance(ExtractionCandidate candidate, CandidateForm form, Indicator indicator, boolean ready) {
	}

	private List<PlannedAcceptance> plan(DocumentSummary document, List<ExtractionCandidate> all, List<Indicator> catalogue) {
		List<PlannedAcceptance> plan = new ArrayList<>();
		for (ExtractionCandidate candidate : all) {
			if (candidate.getStatus() != ExtractionCandidate.Status.PROPOSED) {
				continue;
			}
			CandidateForm form = review.defaults(candidate, document, catalogue);
			Indicator indicator = form.indicatorId() == null ? null
					: catalogue.stream().filter(i -> i.getId().equals(form.indicatorId())).findFirst().orElse(null);
			plan.add(new PlannedAcceptance(candidate, form, indicator, form.deadlineYear() != null));
		}
		return plan;
	}

	/**
	 * Accepts, with their defaults, the proposals the office confirmed on the preview ({@code ids});
	 * those that need the office's eye stay proposed. Candidates decided meanwhile are skipped.
	 */
	@PostMapping("/accept-all")
	String acceptAll(@PathVariable long documentId, @RequestParam(name = "ids", required = false) List<Long> ids,
			DataScope scope, Principal principal, RedirectAttributes redirect) {
		DocumentSummary document = review.editableDocument(documentId, scope);
		Set<Long> confirmed = ids == null ? Set.of() : new HashSet<>(ids);
		List<Indicator> catalogue = indicators.findActive();
		int accepted = 0;
		List<String> left = new ArrayList<>();
		for (ExtractionCandidate candidate : review.candidates(documentId, scope)) {
			if (candidate.getStatus() != ExtractionCandidate.Status.PROPOSED || !confirmed.contains(candidate.getId())) {
				continue;
			}
			CandidateForm form = review.defaults(candidate, document, catalogue);
			BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
			if (form.deadlineYear() == null) {
				errors.rejectValue("deadlineYear", "NotNull");
			}
			if (!errors.hasErrors() && review.accept(candidate.getId(), form, scope, principal.getName(), errors) != null) {
				accepted++;
				catalogue = indicators.findActive();
			}
			else {
				left.add(candidate.getQuote());
			}
		}
		redirect.addFlashAttribute("acceptedCount", accepted);
		redirect.addFlashAttribute("leftQuotes", left);
		return "redirect:/documents/" + documentId + "/extraction";
	}

	private String candidatePage(DocumentSummary document, ExtractionCandidate candidate, List<Indicator> catalogue,
			Model model) {
		model.addAttribute("document", document);
		model.addAttribute("candidate", candidate);
		model.addAttribute("suggestions", review.suggestions(candidate.getIndicator(), catalogue));
		model.addAttribute("departmentOptions", regions.departmentOptionsWithin(DataScope.EVERYTHING)
			.stream()
			.filter(department -> department.regionCode().equals(document.regionCode()))
			.toList());
		model.addAttribute("context", documents.text(document.id(), cn.qualityportal.organisation.DataScope.EVERYTHING)
			.map(text -> Highlights.context(text, candidate.getQuoteStart(), candidate.getQuoteEnd()))
			.orElse(null));
		return "targets/candidate";
	}

	private ExtractionCandidate candidateOf(long documentId, long candidateId) {
		ExtractionCandidate candidate = review.find(candidateId);
		if (candidate.getDocumentId() != documentId) {
			throw new cn.qualityportal.system.Refusal.NotFound();
		}
		return candidate;
	}

}
