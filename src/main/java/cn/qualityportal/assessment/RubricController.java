package cn.qualityportal.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.qualityportal.assessment.RubricScore.Grade;
import cn.qualityportal.assessment.RubricScore.Kind;
import cn.qualityportal.assessment.RubricScore.Method;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.progress.ProgressBoard;
import cn.qualityportal.security.PortalUser;
import cn.qualityportal.spreadsheets.SpreadsheetException;
import cn.qualityportal.spreadsheets.Spreadsheets;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.system.StaleForms;
import cn.qualityportal.system.UploadedFiles;
import cn.qualityportal.targets.GoalArea;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * The rubric pages (考核评分细则): the office builds, imports or copies the rubric of its
 * subregions; each subregion's reporter fills its self-assessment with evidence and submits it;
 * the office reviews, returns or confirms each sheet, then previews and publishes the results.
 * Who may act is checked here: the role, and the place in the region tree (the rubric's region
 * for the office and leaders, the sheet's own region for a district; another district's sheet is
 * 404, as if it did not exist).
 */
@Controller
@RequestMapping("/rubrics")
class RubricController {

	private static final long MAX_IMPORT_BYTES = 5L * 1024 * 1024;

	private final Rubrics rubrics;

	private final RubricSheetExport export;

	private final ProgressBoard board;

	private final Regions regions;

	private final MessageSource messages;

	RubricController(Rubrics rubrics, RubricSheetExport export, ProgressBoard board, Regions regions,
			MessageSource messages) {
		this.rubrics = rubrics;
		this.export = export;
		this.board = board;
		this.regions = regions;
		this.messages = messages;
	}

	// ---- the rubric ----

	@GetMapping
	String show(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region,
			@AuthenticationPrincipal PortalUser user, DataScope scope, Model model) {
		int judged = board.judgedYear(year);
		String own = user.unit() == null ? null : user.unit().regionCode();
		if ((region == null || region.isBlank()) && own != null && !user.hasRole(Role.OFFICE) && !user.hasRole(Role.LEADER)) {
			// A district's way in: its own sheet in the rubric of the region above it.
			Optional<Rubric> above = regions.find(own).map(Regions.RegionOption::parentCode).flatMap(parent -> rubrics.find(judged, parent));
			if (above.isPresent()) {
				return "redirect:/rubrics/" + above.get().id() + "/regions/" + own;
			}
			model.addAttribute("year", judged);
			model.addAttribute("rubric", null);
			model.addAttribute("regionCode", own);
			model.addAttribute("regionName", regions.find(own).map(Regions.RegionOption::name).orElse(own));
			return "assessment/rubric";
		}
		String parent = region != null && !region.isBlank() ? region : own;
		if (parent == null || !scope.covers(parent)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.outOfScope");
		}
		Optional<Rubric> rubric = rubrics.find(judged, parent);
		model.addAttribute("year", judged);
		model.addAttribute("regionCode", parent);
		model.addAttribute("regionName", regions.find(parent).map(Regions.RegionOption::name).orElse(parent));
		model.addAttribute("rubric", rubric.orElse(null));
		rubric.ifPresent(r -> model.addAttribute("results", rubrics.results(r)));
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("methods", Method.values());
		model.addAttribute("areas", GoalArea.values());
		model.addAttribute("grades", Grade.values());
		return "assessment/rubric";
	}

	@PostMapping
	@PreAuthorize("hasRole('OFFICE')")
	String create(@RequestParam int year, @RequestParam String region, @RequestParam(defaultValue = "false") boolean copy,
			@AuthenticationPrincipal PortalUser user, DataScope scope, RedirectAttributes redirect) {
		int judged = board.judgedYear(year);
		if (!scope.covers(region) || regions.find(region).isEmpty()) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.outOfScope");
		}
		act(redirect, "rubric.created", () -> rubrics.create(judged, region, copy, user.getUsername()));
		return "redirect:/rubrics?year=" + judged + "&region=" + region;
	}

	@PostMapping("/{id}/settings")
	@PreAuthorize("hasRole('OFFICE')")
	String settings(@PathVariable long id, @RequestParam(required = false) BigDecimal bonusCap,
			@RequestParam(required = false) BigDecimal deductionCap, @RequestParam(required = false) BigDecimal excellent,
			@RequestParam(required = false) BigDecimal good, @RequestParam(required = false) BigDecimal pass,
			@RequestParam long version, @AuthenticationPrincipal PortalUser user, DataScope scope,
			RedirectAttributes redirect) {
		Rubric rubric = officeRubric(id, scope);
		act(redirect, "flash.saved", () -> {
			for (BigDecimal value : new BigDecimal[] { bonusCap, deductionCap, excellent, good, pass }) {
				if (value == null || value.scale() > 2 || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1000)) > 0) {
					throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.settingsInvalid");
				}
			}
			rubrics.settings(id, new Rubrics.Settings(bonusCap, deductionCap, excellent, good, pass), version,
					user.getUsername());
		});
		return back(rubric);
	}

	@PostMapping("/{id}/items")
	@PreAuthorize("hasRole('OFFICE')")
	String addItem(@PathVariable long id, @RequestParam(required = false) Kind kind,
			@RequestParam(required = false) String category, @RequestParam(required = false) String title,
			@RequestParam(required = false) BigDecimal points, @RequestParam(required = false) Method method,
			@RequestParam(required = false) GoalArea area, @RequestParam(required = false) String evidenceRequired,
			@RequestParam(required = false) Grade vetoGrade, @RequestParam long version,
			@AuthenticationPrincipal PortalUser user, DataScope scope, RedirectAttributes redirect) {
		Rubric rubric = officeRubric(id, scope);
		Method how = method == null ? Method.MANUAL : method;
		Rubrics.ItemInput input = new Rubrics.ItemInput(kind, strip(category), strip(title),
				kind == Kind.VETO && points == null ? BigDecimal.ZERO : points, how, how == Method.TARGETS ? area : null,
				strip(evidenceRequired), kind == Kind.VETO ? (vetoGrade == null ? Grade.FAIL : vetoGrade) : null);
		act(redirect, "rubric.itemAdded", () -> rubrics.addItem(id, input, version, user.getUsername()));
		return back(rubric);
	}

	@PostMapping("/{id}/items/{itemId}/delete")
	@PreAuthorize("hasRole('OFFICE')")
	String removeItem(@PathVariable long id, @PathVariable long itemId, @RequestParam long version,
			@AuthenticationPrincipal PortalUser user, DataScope scope, RedirectAttributes redirect) {
		Rubric rubric = officeRubric(id, scope);
		act(redirect, "rubric.itemRemoved", () -> rubrics.removeItem(id, itemId, version, user.getUsername()));
		return back(rubric);
	}

	@PostMapping("/{id}/import")
	@PreAuthorize("hasRole('OFFICE')")
	String importItems(@PathVariable long id, @RequestParam("file") MultipartFile file, @RequestParam long version,
			@AuthenticationPrincipal PortalUser user, DataScope scope, RedirectAttributes redirect) {
		Rubric rubric = officeRubric(id, scope);
		act(redirect, "rubric.imported", () -> {
			List<Rubrics.ItemInput> items;
			try (InputStream content = file.getInputStream()) {
				items = RubricImport.read(Spreadsheets.read(file.getOriginalFilename(), content, MAX_IMPORT_BYTES,
						RubricImport.MAX_ROWS), areaNames());
			}
			catch (SpreadsheetException unreadable) {
				throw new Refusal(HttpStatus.BAD_REQUEST, unreadable.messageKey(), unreadable.arguments());
			}
			catch (IOException unreadable) {
				throw new Refusal(HttpStatus.BAD_REQUEST, "spreadsheet.malformed");
			}
			rubrics.replaceItems(id, items, version, user.getUsername());
		});
		return back(rubric);
	}

	// ---- results ----

	@GetMapping("/{id}/results")
	String results(@PathVariable long id, DataScope scope, Model model) {
		Rubric rubric = readableRubric(id, scope);
		model.addAttribute("rubric", rubric);
		model.addAttribute("results", rubrics.results(rubric));
		return "assessment/rubric-results";
	}

	@GetMapping("/{id}/results.xlsx")
	ResponseEntity<byte[]> resultsXlsx(@PathVariable long id, DataScope scope) {
		Rubric rubric = readableRubric(id, scope);
		return UploadedFiles.attachment("ranking-" + rubric.parentCode() + "-" + rubric.year() + ".xlsx", XLSX,
				export.rankingXlsx(rubrics.results(rubric), LocaleContextHolder.getLocale()));
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize("hasRole('OFFICE')")
	String publish(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
			@RequestParam long version, @AuthenticationPrincipal PortalUser user, DataScope scope,
			RedirectAttributes redirect) {
		officeRubric(id, scope);
		act(redirect, "assessment.publishedFlash", () -> {
			if (!confirm) {
				throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.confirmPublish");
			}
			rubrics.publish(id, version, user.getUsername());
		});
		return "redirect:/rubrics/" + id + "/results";
	}

	// ---- a region's sheet ----

	@GetMapping("/{id}/regions/{code}")
	String sheet(@PathVariable long id, @PathVariable String code, @AuthenticationPrincipal PortalUser user,
			DataScope scope, Model model) {
		Rubric rubric = sheetRubric(id, code, scope);
		Rubrics.Sheet sheet = rubrics.sheet(rubric, code);
		model.addAttribute("sheet", sheet);
		model.addAttribute("district", user.hasRole(Role.REPORTER) && sheet.editableByDistrict());
		model.addAttribute("reviewer", user.hasRole(Role.OFFICE) && scope.covers(rubric.parentCode()) && sheet.reviewable());
		model.addAttribute("standing", rubric.published() ? rubrics.results(rubric).of(code).orElse(null) : null);
		model.addAttribute("maxMegabytes", UploadedFiles.EVIDENCE_MAX_BYTES / 1024 / 1024);
		return "assessment/rubric-sheet";
	}

	@PostMapping("/{id}/regions/{code}/self")
	@PreAuthorize("hasRole('REPORTER')")
	String saveSelf(@PathVariable long id, @PathVariable String code, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal PortalUser user, DataScope scope, RedirectAttributes redirect) {
		Rubric rubric = sheetRubric(id, code, scope);
		boolean submit = "submit".equals(form.get("action"));
		Map<Long, Rubrics.SelfInput> inputs = new HashMap<>();
		for (Rubric.Item item : rubric.items()) {
			inputs.put(item.id(), new Rubrics.SelfInput(form.get("score_" + item.id()), form.get("explanation_" + item.id())));
		}
		act(redirect, submit ? "rubric.submitted" : "flash.saved",
				() -> rubrics.saveSelf(rubric, code, inputs, version(form), submit, user.getUsername()));
		return sheetPath(id, code);
	}

	@PostMapping("/{id}/regions/{code}/evidence")
	@PreAuthorize("hasAnyRole('REPORTER', 'OFFICE')")
	String attach(@PathVariable long id, @PathVariable String code, @RequestParam(required = false) Long itemId,
			@RequestParam("file") MultipartFile file, @AuthenticationPrincipal PortalUser user, DataScope scope,
			RedirectAttributes redirect) {
		Rubric rubric = sheetRubric(id, code, scope);
		boolean office = office(user, rubric, scope);
		act(redirect, "evidence.attached", () -> {
			if (itemId == null) {
				throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.itemMissing");
			}
			if (file.getSize() > UploadedFiles.EVIDENCE_MAX_BYTES) {
				throw new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.tooLarge");
			}
			try {
				rubrics.attach(rubric, code, itemId, office, file.getOriginalFilename(), file.getBytes(), user.getUsername());
			}
			catch (IOException unreadable) {
				throw new Refusal(HttpStatus.BAD_REQUEST, "evidence.type");
			}
		});
		return sheetPath(id, code);
	}

	@GetMapping("/{id}/regions/{code}/evidence/{evidenceId}")
	ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable String code, @PathVariable long evidenceId,
			DataScope scope) {
		Rubric rubric = sheetRubric(id, code, scope);
		Rubrics.StoredFile file = rubrics.evidence(rubric, code, evidenceId);
		return UploadedFiles.attachment(file.filename(), file.contentType(), file.content());
	}

	@PostMapping("/{id}/regions/{code}/evidence/{evidenceId}/delete")
	@PreAuthorize("hasAnyRole('REPORTER', 'OFFICE')")
	String removeEvidence(@PathVariable long id, @PathVariable String code, @PathVariable long evidenceId,
			@AuthenticationPrincipal PortalUser user, DataScope scope, RedirectAttributes redirect) {
		Rubric rubric = sheetRubric(id, code, scope);
		boolean office = office(user, rubric, scope);
		act(redirect, "evidence.removed",
				() -> rubrics.removeEvidence(rubric, code, evidenceId, office, user.getUsername()));
		return sheetPath(id, code);
	}

	@PostMapping("/{id}/regions/{code}/review")
	@PreAuthorize("hasRole('OFFICE')")
	String review(@PathVariable long id, @PathVariable String code, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal PortalUser user, DataScope scope, RedirectAttributes redirect) {
		Rubric rubric = officeRubric(id, scope);
		sheetRubric(id, code, scope);
		boolean confirm = "confirm".equals(form.get("action"));
		Map<Long, Rubrics.ReviewInput> inputs = new HashMap<>();
		for (Rubric.Item item : rubric.items()) {
			String veto = form.get("veto_" + item.id());
			inputs.put(item.id(), new Rubrics.ReviewInput(form.get("review_" + item.id()), form.get("reason_" + item.id()),
					veto == null || veto.isBlank() ? null : Boolean.valueOf(veto)));
		}
		act(redirect, confirm ? "rubric.confirmed" : "flash.saved",
				() -> rubrics.review(rubric, code, inputs, version(form), confirm, user.getUsername()));
		return sheetPath(id, code);
	}

	@PostMapping("/{id}/regions/{code}/return")
	@PreAuthorize("hasRole('OFFICE')")
	String returnForCompletion(@PathVariable long id, @PathVariable String code,
			@RequestParam(required = false) String reason, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal PortalUser user, DataScope scope, RedirectAttributes redirect) {
		Rubric rubric = officeRubric(id, scope);
		sheetRubric(id, code, scope);
		act(redirect, "rubric.returned",
				() -> rubrics.returnForCompletion(rubric, code, reason, version(form), user.getUsername()));
		return sheetPath(id, code);
	}

	@GetMapping("/{id}/regions/{code}/sheet.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable String code, DataScope scope) {
		Rubric rubric = sheetRubric(id, code, scope);
		Rubrics.Sheet sheet = rubrics.sheet(rubric, code);
		return UploadedFiles.attachment("score-sheet-" + code + "-" + rubric.year() + ".pdf", "application/pdf",
				export.pdf(sheet, standing(rubric, code), LocaleContextHolder.getLocale()));
	}

	@GetMapping("/{id}/regions/{code}/sheet.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id, @PathVariable String code, DataScope scope) {
		Rubric rubric = sheetRubric(id, code, scope);
		Rubrics.Sheet sheet = rubrics.sheet(rubric, code);
		return UploadedFiles.attachment("score-sheet-" + code + "-" + rubric.year() + ".xlsx", XLSX,
				export.xlsx(sheet, standing(rubric, code), LocaleContextHolder.getLocale()));
	}

	// ---- helpers ----

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Rubrics.Standing standing(Rubric rubric, String code) {
		return rubric.published() ? rubrics.results(rubric).of(code).orElse(null) : null;
	}

	/** The rubric for those who see the whole ranking: scope over the rubric's region (office, leaders). */
	private Rubric readableRubric(long id, DataScope scope) {
		Rubric rubric = rubrics.get(id);
		if (!scope.covers(rubric.parentCode())) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.outOfScope");
		}
		return rubric;
	}

	private Rubric officeRubric(long id, DataScope scope) {
		return readableRubric(id, scope);
	}

	/** A sheet is seen by whoever covers its region; anyone else is told it does not exist. */
	private Rubric sheetRubric(long id, String code, DataScope scope) {
		if (!scope.covers(code)) {
			throw new Refusal(HttpStatus.NOT_FOUND, "error.404.detail");
		}
		return rubrics.get(id);
	}

	/** The office acts on a sheet as reviewer when it covers the rubric's region; otherwise as the district. */
	private static boolean office(PortalUser user, Rubric rubric, DataScope scope) {
		return user.hasRole(Role.OFFICE) && scope.covers(rubric.parentCode());
	}

	private void act(RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", success);
		}
		catch (Refusal refused) {
			if (refused.getStatusCode().value() == 404) {
				throw refused;
			}
			redirect.addFlashAttribute("errorText",
					messages.getMessage(refused.messageKey(), refused.args(),
							LocaleContextHolder.getLocale()));
		}
	}

	private static long version(Map<String, String> form) {
		try {
			return Long.parseLong(form.getOrDefault("version", ""));
		}
		catch (NumberFormatException missing) {
			throw new Refusal(HttpStatus.BAD_REQUEST, StaleForms.CONFLICT);
		}
	}

	private Map<String, GoalArea> areaNames() {
		Map<String, GoalArea> names = new HashMap<>();
		for (GoalArea area : GoalArea.values()) {
			names.put(messages.getMessage("area." + area.name(), null, Locale.SIMPLIFIED_CHINESE), area);
			names.put(messages.getMessage("area." + area.name(), null, Locale.ENGLISH), area);
		}
		return names;
	}

	private static String back(Rubric rubric) {
		return "redirect:/rubrics?year=" + rubric.year() + "&region=" + rubric.parentCode();
	}

	private static String sheetPath(long id, String code) {
		return "redirect:/rubrics/" + id + "/regions/" + code;
	}

	private static String strip(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
