package cn.qualityportal.publication;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.security.PortalUser;
import cn.qualityportal.system.Confirmation;
import cn.qualityportal.system.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's publishing page (政务公开): which documents of its regions are public and which
 * years of its region. Publishing is previewed (what the public will see) and confirmed; withdrawal
 * is confirmed too, since it takes the pages off the public site at once. Both are in the audit trail.
 */
@Controller
@RequestMapping("/publication")
@PreAuthorize("hasRole('OFFICE')")
class PublicationController {

	private final Publications publications;

	private final PublicProgress progress;

	PublicationController(Publications publications, PublicProgress progress) {
		this.publications = publications;
		this.progress = progress;
	}

	@GetMapping
	String list(@AuthenticationPrincipal PortalUser user, DataScope scope, Model model) {
		model.addAttribute("documents", publications.candidates(scope));
		model.addAttribute("regionName", unit(user).regionName());
		model.addAttribute("yearCandidates", publications.yearCandidates(unit(user).regionCode()));
		return "publication/manage";
	}

	/** What one document will show, per published year: its targets' statuses by region. */
	record Preview(int year, String regionName, Map<TargetStatus, Integer> counts, int withheld) {
	}

	@GetMapping("/documents/{id}/preview")
	String previewDocument(@PathVariable long id, DataScope scope, Model model) {
		Publications.Candidate document = publications.candidate(id, scope);
		if (!document.inForce()) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "publication.notInForce");
		}
		TreeSet<Integer> years = publications.publicYears(id);
		List<Preview> previews = new ArrayList<>();
		for (Integer year : years.descendingSet()) {
			previews.addAll(previews(id, year, years));
		}
		model.addAttribute("document", document);
		model.addAttribute("years", years);
		model.addAttribute("previews", previews);
		return "publication/previewDocument";
	}

	@PostMapping("/documents/{id}/publish")
	String publishDocument(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal PortalUser user, DataScope scope, RedirectAttributes redirect) {
		if (!confirmed) {
			return "redirect:/publication/documents/" + id + "/preview";
		}
		publications.publishDocument(id, scope, user.getUsername());
		redirect.addFlashAttribute("success", "publication.publishedFlash");
		return "redirect:/publication";
	}

	@PostMapping("/documents/{id}/withdraw")
	String withdrawDocument(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal PortalUser user, DataScope scope, Model model, RedirectAttributes redirect) {
		if (!confirmed) {
			// Asked only about a document the office may manage: anything else is refused as by the withdrawal.
			Publications.Candidate document = publications.candidate(id, scope);
			return Confirmation.showReversible(model, "publication.confirmWithdraw.title", "publication.confirmWithdrawDocument",
					new Object[] { document.label() }, "/publication/documents/" + id + "/withdraw", "/publication");
		}
		publications.withdrawDocument(id, scope, user.getUsername());
		redirect.addFlashAttribute("success", "publication.withdrawnFlash");
		return "redirect:/publication";
	}

	/** What publishing a year adds: for each public document of the office's regions, its statuses that year. */
	record DocumentPreview(Publications.Candidate document, List<Preview> previews) {
	}

	@GetMapping("/years/{year}/preview")
	String previewYear(@PathVariable int year, @AuthenticationPrincipal PortalUser user, DataScope scope, Model model) {
		Publications.YearCandidate candidate = publications.yearCandidates(unit(user).regionCode())
			.stream()
			.filter(y -> y.year() == year)
			.findFirst()
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		List<DocumentPreview> documents = new ArrayList<>();
		for (Publications.Candidate document : publications.candidates(scope)) {
			if (document.published() && document.inForce()) {
				TreeSet<Integer> years = publications.publicYears(document.id());
				years.add(year);
				documents.add(new DocumentPreview(document, previews(document.id(), year, years)));
			}
		}
		model.addAttribute("candidate", candidate);
		model.addAttribute("regionName", unit(user).regionName());
		model.addAttribute("documents", documents);
		return "publication/previewYear";
	}

	@PostMapping("/years/{year}/publish")
	String publishYear(@PathVariable int year, @RequestParam(defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal PortalUser user, DataScope scope, RedirectAttributes redirect) {
		if (!confirmed) {
			return "redirect:/publication/years/" + year + "/preview";
		}
		publications.publishYear(unit(user).regionCode(), year, scope, user.getUsername());
		redirect.addFlashAttribute("success", "publication.publishedFlash");
		return "redirect:/publication";
	}

	@PostMapping("/years/{year}/withdraw")
	String withdrawYear(@PathVariable int year, @RequestParam(defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal PortalUser user, DataScope scope, Model model, RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.showReversible(model, "publication.confirmWithdraw.title", "publication.confirmWithdrawYear",
					new Object[] { unit(user).regionName(), year }, "/publication/years/" + year + "/withdraw", "/publication");
		}
		publications.withdrawYear(unit(user).regionCode(), year, scope, user.getUsername());
		redirect.addFlashAttribute("success", "publication.withdrawnFlash");
		return "redirect:/publication";
	}

	/** The office's unit: its region is the one whose years it publishes. */
	private static cn.qualityportal.organisation.Unit unit(PortalUser user) {
		if (user.unit() == null) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.outOfScope");
		}
		return user.unit();
	}

	private List<Preview> previews(long documentId, int year, TreeSet<Integer> years) {
		Map<String, Preview> byRegion = new java.util.LinkedHashMap<>();
		for (PublicProgress.PublicTarget target : progress.targets(documentId, year, years, null)) {
			Preview preview = byRegion.computeIfAbsent(target.regionCode(),
					code -> new Preview(year, target.regionName(), new EnumMap<>(TargetStatus.class), 0));
			if (target.status() == null) {
				byRegion.put(target.regionCode(), new Preview(year, preview.regionName(), preview.counts(), preview.withheld() + 1));
			}
			else {
				preview.counts().merge(target.status(), 1, Integer::sum);
			}
		}
		return List.copyOf(byRegion.values());
	}

}
