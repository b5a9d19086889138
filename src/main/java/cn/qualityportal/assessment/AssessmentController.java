package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.progress.ProgressBoard;
import cn.qualityportal.security.PortalUser;
import cn.qualityportal.system.Confirmation;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.StaleForms;
import cn.qualityportal.targets.GoalArea;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assessment pages: the ranking of a region's subregions (the office of that region, and its
 * leaders, see it), each subregion's score explained line by line (that subregion may see its
 * own), the scheme form and publication (office only).
 */
@Controller
@RequestMapping("/assessments")
class AssessmentController {

	private final Assessments assessments;

	private final ProgressBoard board;

	private final Regions regions;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	AssessmentController(Assessments assessments, ProgressBoard board, Regions regions, MessageSource messages,
			JdbcClient jdbc) {
		this.assessments = assessments;
		this.board = board;
		this.regions = regions;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@GetMapping
	String ranking(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
			@AuthenticationPrincipal PortalUser user, DataScope scope, Model model) {
		int judged = year(year);
		String parent = region != null && !region.isBlank() ? region : user.unit() == null ? null : user.unit().regionCode();
		if (parent == null || !scope.covers(parent)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.notVisible");
		}
		Assessments.Ranking ranking = assessments.ranking(parent, judged);
		model.addAttribute("ranking", ranking);
		model.addAttribute("chart", rankingChart(ranking));
		model.addAttribute("periodYears", jdbc.sql("select year from reporting_year order by year desc")
			.query(Integer.class)
			.list());
		model.addAttribute("charts", true);
		return "assessment/ranking";
	}

	@GetMapping("/{year}/regions/{code}")
	String region(@PathVariable int year, @PathVariable String code, DataScope scope, Model model) {
		if (!scope.covers(code)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.notVisible");
		}
		Regions.RegionOption region = regions.find(code).orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
		if (region.parentCode() == null) {
			throw new Refusal(HttpStatus.NOT_FOUND, "error.404.detail");
		}
		Assessments.Ranking ranking = assessments.ranking(region.parentCode(), year(year));
		model.addAttribute("ranking", ranking);
		model.addAttribute("region", region);
		model.addAttribute("row", ranking.of(code).orElse(null));
		return "assessment/region";
	}

	@GetMapping("/{year}/scheme")
	@PreAuthorize("hasRole('OFFICE') and @installationSettings.ownedBy(authentication.name)")
	String showForm(@PathVariable int year, Model model) {
		Scheme scheme = assessments.scheme(year(year));
		model.addAttribute("year", scheme.year());
		model.addAttribute("schemeForm", SchemeForm.of(scheme, areaLabels()));
		return "assessment/scheme";
	}

	@PostMapping("/{year}/scheme")
	@PreAuthorize("hasRole('OFFICE') and @installationSettings.ownedBy(authentication.name)")
	String update(@PathVariable int year, @Valid @ModelAttribute("schemeForm") SchemeForm form, BindingResult result,
			@AuthenticationPrincipal PortalUser user, Model model, RedirectAttributes redirect) {
		int judged = year(year);
		model.addAttribute("year", judged);
		SchemeWeights.Parsed weights = null;
		try {
			weights = SchemeWeights.parse(form.weights(), areaKeys(), indicatorCodes());
		}
		catch (SchemeWeights.Invalid invalid) {
			result.rejectValue("weights", invalid.messageKey, new Object[] { String.valueOf(invalid.line) }, null);
		}
		if (result.hasErrors()) {
			return "assessment/scheme";
		}
		try {
			assessments.save(form.toScheme(judged, weights), user.getUsername());
		}
		catch (Refusal refused) {
			if (StaleForms.CONFLICT.equals(refused.messageKey())) {
				StaleForms.showCurrent(model, "schemeForm", SchemeForm.of(assessments.scheme(judged), areaLabels()));
			}
			else {
				result.reject(refused.messageKey());
			}
			return "assessment/scheme";
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/assessments?year=" + judged;
	}

	@PostMapping("/{year}/publish")
	@PreAuthorize("hasRole('OFFICE')")
	String publish(@PathVariable int year, @RequestParam String region,
			@RequestParam(name = Confirmation.PARAM, defaultValue = "false") boolean confirmed,
			@RequestParam(defaultValue = "") String preview, @AuthenticationPrincipal PortalUser user, DataScope scope,
			Model model, RedirectAttributes redirect) {
		if (!scope.covers(region)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.outOfScope");
		}
		Assessments.Ranking live = assessments.ranking(region, year(year));
		// Publishing freezes a ranking for good: first the exact ranking that will be frozen, then, when the office
		// confirms that same ranking (it may have moved since the preview), the publication.
		if (!live.published() && (!confirmed || !preview.equals(fingerprint(live)))) {
			model.addAttribute("ranking", live);
			model.addAttribute("preview", fingerprint(live));
			model.addAttribute("moved", confirmed);
			return "assessment/publish";
		}
		try {
			assessments.publish(region, year(year), user.getUsername());
			redirect.addFlashAttribute("success", "assessment.publishedFlash");
		}
		catch (Refusal refused) {
			redirect.addFlashAttribute("error", refused.messageKey());
		}
		return "redirect:/assessments?year=" + year + "&region=" + region;
	}

	/** What the office saw: every region's rank and score, and the scheme, so a changed ranking is shown again. */
	static String fingerprint(Assessments.Ranking ranking) {
		StringBuilder text = new StringBuilder(ranking.year() + ":" + ranking.parentCode() + ":" + ranking.scheme().version());
		ranking.rows()
			.forEach(row -> text.append('|')
				.append(row.score().regionCode())
				.append(':')
				.append(row.rank())
				.append(':')
				.append(row.score().score()));
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String rankingChart(Assessments.Ranking ranking) {
		List<String> names = ranking.rows().stream().map(row -> row.score().regionName()).toList();
		List<BigDecimal> scores = ranking.rows().stream().map(row -> row.score().score()).toList();
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(Map.of(
				"tooltip", Map.of("trigger", "axis"),
				"grid", Map.of("left", 8, "right", 16, "top", 16, "bottom", 8, "containLabel", true),
				"xAxis", Map.of("type", "category", "data", names),
				"yAxis", Map.of("type", "value", "min", 0, "max", 100),
				"series", List.of(Map.of("type", "bar", "name", message("assessment.score"), "data", scores,
						"itemStyle", Map.of("color", "#0d6efd")))));
	}

	private int year(Integer year) {
		return board.judgedYear(year);
	}

	/** Area names in the reader's language, for showing weights. */
	private Map<String, String> areaLabels() {
		Map<String, String> labels = new HashMap<>();
		for (GoalArea area : GoalArea.values()) {
			labels.put(area.name(), message("area." + area.name()));
		}
		return labels;
	}

	/** Area names in both languages, for reading weights. */
	private Map<String, GoalArea> areaKeys() {
		Map<String, GoalArea> keys = new HashMap<>();
		for (GoalArea area : GoalArea.values()) {
			keys.put(messages.getMessage("area." + area.name(), null, Locale.SIMPLIFIED_CHINESE), area);
			keys.put(messages.getMessage("area." + area.name(), null, Locale.ENGLISH), area);
		}
		return keys;
	}

	private Set<String> indicatorCodes() {
		return new HashSet<>(jdbc.sql("select code from indicator_directory").query(String.class).list());
	}

	private String message(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
