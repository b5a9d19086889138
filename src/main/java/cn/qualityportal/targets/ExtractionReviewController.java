package cn.qualityportal.targets;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.qualityportal.documents.DocumentSummary;
import cn.qualityportal.documents.Documents;
import cn.qualityportal.extraction.DocumentText;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.system.StaleForms;
import jakarta.validation.Valid;
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

	ExtractionReviewController(ExtractionReview review, Documents documents, IndicatorRepository indicators) {
		this.review = review;
		this.documents = documents;
		this.indicators = indicators;
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
		Map<Long, List<ExtractionReview.Suggestion>> suggestions = new LinkedHashMap<>();
		all.stream()
			.filter(candidate -> candidate.getStatus() == ExtractionCandidate.Status.PROPOSED)
			.forEach(candidate -> suggestions.put(candidate.getId(), review.suggestions(candidate.getIndicator(), catalogue)));
		model.addAttribute("document", document);
		model.addAttribute("hasText", !text.isBlank());
		model.addAttribute("segments", Highlights.of(text, all));
		model.addAttribute("proposed", all.stream().filter(c -> c.getStatus() == ExtractionCandidate.Status.PROPOSED).toList());
		model.addAttribute("accepted", all.stream().filter(c -> c.getStatus() == ExtractionCandidate.Status.ACCEPTED).toList());
		model.addAttribute("rejected", all.stream().filter(c -> c.getStatus() == ExtractionCandidate.Status.REJECTED).toList());
		model.addAttribute("suggestions", suggestions);
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
				throw new IllegalArgumentException("extraction.tooLarge");
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

	/** Accepts every remaining proposal with its defaults; those that need the office's eye stay proposed. */
	@PostMapping("/accept-all")
	String acceptAll(@PathVariable long documentId, DataScope scope, Principal principal, RedirectAttributes redirect) {
		DocumentSummary document = review.editableDocument(documentId, scope);
		List<Indicator> catalogue = indicators.findActive();
		int accepted = 0;
		List<String> left = new ArrayList<>();
		for (ExtractionCandidate candidate : review.candidates(documentId, scope)) {
			if (candidate.getStatus() != ExtractionCandidate.Status.PROPOSED) {
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
		model.addAttribute("context", documents.text(document.id(), cn.qualityportal.organisation.DataScope.EVERYTHING)
			.map(text -> Highlights.context(text, candidate.getQuoteStart(), candidate.getQuoteEnd()))
			.orElse(null));
		return "targets/candidate";
	}

	private ExtractionCandidate candidateOf(long documentId, long candidateId) {
		ExtractionCandidate candidate = review.find(candidateId);
		if (candidate.getDocumentId() != documentId) {
			throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		return candidate;
	}

}
