package cn.qualityportal.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.UploadedFiles;
import cn.qualityportal.targets.GoalArea;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public site (政务公开), {@code /gk/}: no sign-in, read-only, citable URLs. Every handler
 * first asks {@link Publications} whether the document and the year are public and answers 404
 * otherwise, so no id or parameter reaches anything unpublished. Caching headers and the ETag are
 * set by {@link PublicCaching} (a 304 before anything is read when nothing changed).
 */
@Controller
@RequestMapping("/gk")
class PublicSiteController {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Publications publications;

	private final PublicProgress progress;

	private final MessageSource messages;

	PublicSiteController(Publications publications, PublicProgress progress, MessageSource messages) {
		this.publications = publications;
		this.progress = progress;
		this.messages = messages;
	}

	/** The current address without {@code lang}, for the language links (each language has its own URL). */
	@ModelAttribute("langBase")
	String langBase(HttpServletRequest request) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals("lang")) {
				link.queryParam(name, (Object[]) values);
			}
		});
		String base = link.encode().build().toUriString();
		return base + (base.contains("?") ? "&" : "?");
	}

	record DocumentEntry(Publications.PublicDocument document, List<Integer> years) {
	}

	@GetMapping({ "", "/" })
	String index(Model model) {
		List<DocumentEntry> documents = new ArrayList<>();
		for (Publications.PublicDocument document : publications.publicDocuments()) {
			documents.add(new DocumentEntry(document, List.copyOf(publications.publicYears(document.id()).descendingSet())));
		}
		model.addAttribute("documents", documents);
		return "publication/index";
	}

	/** The targets of one region, in the order of the document's goal areas. */
	record RegionTargets(String regionCode, String regionName, List<PublicProgress.PublicTarget> targets) {
	}

	@GetMapping("/documents/{id}")
	String document(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
		Publications.PublicDocument document = publicDocument(id);
		TreeSet<Integer> years = publications.publicYears(id);
		Integer judged = year(year, years);
		List<PublicProgress.PublicTarget> targets = judged == null ? List.of() : progress.targets(id, judged, years, null);
		Map<String, RegionTargets> byRegion = new LinkedHashMap<>();
		for (PublicProgress.PublicTarget target : targets) {
			byRegion.computeIfAbsent(target.regionCode(), code -> new RegionTargets(code, target.regionName(), new ArrayList<>()))
				.targets()
				.add(target);
		}
		Map<TargetStatus, Integer> counts = new LinkedHashMap<>();
		for (TargetStatus status : TargetStatus.values()) {
			counts.put(status, (int) targets.stream().filter(target -> target.status() == status).count());
		}
		Map<GoalArea, List<PublicProgress.PublicGoal>> goals = new LinkedHashMap<>();
		progress.goals(id).forEach(goal -> goals.computeIfAbsent(goal.area(), area -> new ArrayList<>()).add(goal));
		model.addAttribute("document", document);
		model.addAttribute("years", List.copyOf(years.descendingSet()));
		model.addAttribute("year", judged);
		model.addAttribute("goals", goals);
		model.addAttribute("regions", byRegion.values());
		model.addAttribute("counts", counts);
		model.addAttribute("withheld", targets.stream().filter(PublicProgress.PublicTarget::withheld).count());
		return "publication/document";
	}

	@GetMapping("/documents/{id}/indicators/{indicatorId}")
	String indicator(@PathVariable long id, @PathVariable long indicatorId, @RequestParam(required = false) Integer year,
			Model model) {
		Publications.PublicDocument document = publicDocument(id);
		TreeSet<Integer> years = publications.publicYears(id);
		int judged = required(year(year, years));
		PublicProgress.IndicatorDefinition indicator = progress.definition(indicatorId).orElseThrow(PublicSiteController::notFound);
		IndicatorSheet sheet = sheet(document, indicator, judged, years);
		model.addAttribute("document", document);
		model.addAttribute("years", List.copyOf(years.descendingSet()));
		model.addAttribute("year", judged);
		model.addAttribute("indicator", indicator);
		model.addAttribute("sheet", sheet);
		model.addAttribute("chart", sheet.chart());
		model.addAttribute("charts", true);
		return "publication/indicator";
	}

	@GetMapping("/documents/{id}/indicators/{indicatorId}.csv")
	ResponseEntity<byte[]> csv(@PathVariable long id, @PathVariable long indicatorId,
			@RequestParam(required = false) Integer year) {
		IndicatorSheet sheet = download(id, indicatorId, year);
		return file(sheet.csv(messages), "text/csv;charset=UTF-8", sheet.chineseFilename("csv", messages), sheet.filename("csv"));
	}

	@GetMapping("/documents/{id}/indicators/{indicatorId}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id, @PathVariable long indicatorId,
			@RequestParam(required = false) Integer year) {
		IndicatorSheet sheet = download(id, indicatorId, year);
		return file(sheet.xlsx(messages, sheet.publicAbout(messages)), XLSX, sheet.chineseFilename("xlsx", messages),
				sheet.filename("xlsx"));
	}

	private IndicatorSheet download(long id, long indicatorId, Integer year) {
		Publications.PublicDocument document = publicDocument(id);
		TreeSet<Integer> years = publications.publicYears(id);
		int judged = required(year(year, years));
		PublicProgress.IndicatorDefinition indicator = progress.definition(indicatorId).orElseThrow(PublicSiteController::notFound);
		return sheet(document, indicator, judged, years);
	}

	/** The indicator's sheet in the document; 404 when the document has no target of it. */
	private IndicatorSheet sheet(Publications.PublicDocument document, PublicProgress.IndicatorDefinition indicator,
			int judged, TreeSet<Integer> years) {
		List<PublicProgress.PublicTarget> targets = progress.targets(document.id(), judged, years, indicator.id());
		if (targets.isEmpty()) {
			throw notFound();
		}
		return IndicatorSheet.ofPublic(indicator, judged, targets);
	}

	private Publications.PublicDocument publicDocument(long id) {
		return publications.publicDocument(id).orElseThrow(PublicSiteController::notFound);
	}

	/** The year asked for when it is public (else 404); the latest public year when none was asked for. */
	private static Integer year(Integer asked, TreeSet<Integer> years) {
		if (asked == null) {
			return years.isEmpty() ? null : years.last();
		}
		if (!years.contains(asked)) {
			throw notFound();
		}
		return asked;
	}

	private static int required(Integer year) {
		if (year == null) {
			throw notFound();
		}
		return year;
	}

	private static Refusal notFound() {
		return new Refusal(HttpStatus.NOT_FOUND, "error.404.detail");
	}

	private static ResponseEntity<byte[]> file(byte[] content, String type, String filename, String asciiFallback) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION, UploadedFiles.disposition(filename, asciiFallback))
			.body(content);
	}

}
