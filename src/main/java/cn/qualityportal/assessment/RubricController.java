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
			@RequestParam(required = false) Long edit, @AuthenticationPrincipal PortalUser user, DataScope scope, Model model) {
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
		Map<String, String> itemForm = new HashMap<>();
		if (edit != null && rubric.isPresent()) {
			// The item form filled with the item to change; its action then updates that item.
			Rubric.Item item = rubric.get().items().stream().filter(i -> i.id() == edit).findFirst()
				.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "error.404.detail"));
			itemForm.put("itemId", String.valueOf(item.id()));
			itemForm.put("kind", item.kind().name());
			itemForm.put("category", item.category());
			itemForm.put("title", item.title());
			itemForm.put("points", item.kind() == Kind.VETO ? "" : item.points().toPlainString());
			itemForm.put("method", item.method().name());
			itemForm.put("area", item.area() == null ? "" : item.area().name());
			itemForm.put("evidenceRequired", item.evidenceRequired());
			itemForm.put("vetoGrade", item.vetoGrade() == null ? "" : item.vetoGrade().name());
		}
		return rubricPage(judged, parent, rubric.orElse(null), itemForm, null, model);
	}

	/** The rubric page; {@code itemForm} and {@code settingsForm} hold what the office typed (empty: the stored values). */
	private String rubricPage(int year, String parent, Rubric rubric, Map<String, String> itemForm,
			Map<String, String> settingsForm, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("regionCode", parent);
		model.addAttribute("regionName", regions.find(parent).map(Regions.RegionOption::name).orElse(parent));
		model.addAttribute("rubric", rubric);
		if (rubric != null) {
			model.addAttribute("statuses", rubrics.statuses(rubric));
			if (settingsForm == null) {
				settingsForm = Map.of("bonusCap", rubric.bonusCap().toPlainString(), "deductionCap",
						rubric.deductionCap().toPlainString(), "excellent", rubric.excellent().toPlainString(), "good",
						rubric.good().toPlainString(), "pass", rubric.pass().toPlainString());
			}
		}
		model.addAttribute("itemForm", itemForm);
		model.addAttribute("settingsForm", settingsForm == null ? Map.of() : settingsForm);
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
	String settings(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal PortalUser user,
			DataScope scope, Model model, RedirectAttributes redirect) {
		Rubric rubric = officeRubric(id, scope);
		Map<String, String> typed = new HashMap<>();
		for (String field : SETTINGS) {
			typed.put(field, bounded(form.get(field), 30));
		}
		return typedOrBack(rubric, null, typed, model, redirect, "flash.saved", () -> {
			BigDecimal[] values = new BigDecimal[SETTINGS.length];
			for (int i = 0; i < SETTINGS.length; i++) {
				values[i] = decimal(typed.get(SETTINGS[i]));
				if (values[i] == null || values[i].scale() > 2 || values[i].signum() < 0
						|| values[i].compareTo(BigDecimal.valueOf(1000)) > 0) {
					throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.settingsInvalid");
				}
			}
			rubrics.settings(id, new Rubrics.Settings(values[0], values[1], values[2], values[3], values[4]), version(form),
					user.getUsername());
		});
	}

	@PostMapping("/{id}/items")
	@PreAuthorize("hasRole('OFFICE')")
	String addItem(@PathVariable long id, @RequestParam Map<String, String> form, @AuthenticationPrincipal PortalUser user,
			DataScope scope, Model model, RedirectAttributes redirect) {
		Rubric rubric = officeRubric(id, scope);
		Map<String, String> typed = itemForm(form, null);
		return typedOrBack(rubric, typed, null, model, redirect, "rubric.itemAdded",
				() -> rubrics.addItem(id, itemInput(typed), version(form), user.getUsername()));
	}

	/** Changes an item while the rubric is not in use (docs/assessment.md); a stale version is a conflict. */
	@PostMapping("/{id}/items/{itemId}")
	@PreAuthorize("hasRole('OFFICE')")
	String updateItem(@PathVariable long id, @PathVariable long itemId, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal PortalUser user, DataScope scope, Model model, RedirectAttributes redirect) {
		Rubric rubric = officeRubric(id, scope);
		Map<String, String> typed = itemForm(form, itemId);
		return typedOrBack(rubric, typed, null, model, redirect, "rubric.itemUpdated",
				() -> rubrics.updateItem(id, itemId, itemInput(typed), version(form), user.getUsername()));
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
		return UploadedFiles.attachment(
				fileName("download.rubricRanking", rubric.parentName(), rubric.year()) + ".xlsx",
				"ranking-" + rubric.parentCode() + "-" + rubric.year() + ".xlsx", XLSX,
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
		return sheetPage(sheetRubric(id, code, scope), code, user, scope, Map.of(), Map.of(), model);
	}

	/** A region's sheet; {@code typed} holds what was typed into a refused form, {@code lineErrors} why, per item. */
	private String sheetPage(Rubric rubric, String code, PortalUser user, DataScope scope, Map<String, String> typed,
			Map<Long, String> lineErrors, Model model) {
		Rubrics.Sheet sheet = rubrics.sheet(rubric, code);
		model.addAttribute("sheet", sheet);
		model.addAttribute("district", user.hasRole(Role.REPORTER) && sheet.editableByDistrict());
		model.addAttribute("reviewer", user.hasRole(Role.OFFICE) && scope.covers(rubric.parentCode()) && sheet.reviewable());
		model.addAttribute("standing", standing(rubric, code));
		model.addAttribute("maxMegabytes", UploadedFiles.EVIDENCE_MAX_BYTES / 1024 / 1024);
		model.addAttribute("typed", typed);
		model.addAttribute("lineErrors", lineErrors);
		return "assessment/rubric-sheet";
	}

	@PostMapping("/{id}/regions/{code}/self")
	@PreAuthorize("hasRole('REPORTER')")
	String saveSelf(@PathVariable long id, @PathVariable String code, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal PortalUser user, DataScope scope, Model model, RedirectAttributes redirect) {
		Rubric rubric = sheetRubric(id, code, scope);
		boolean submit = "submit".equals(form.get("action"));
		Map<Long, Rubrics.SelfInput> inputs = new HashMap<>();
		for (Rubric.Item item : rubric.items()) {
			inputs.put(item.id(), new Rubrics.SelfInput(form.get("score_" + item.id()), form.get("explanation_" + item.id())));
		}
		return sheetOrBack(rubric, code, form, user, scope, model, redirect, submit ? "rubric.submitted" : "flash.saved",
				() -> rubrics.saveSelf(rubric, code, inputs, version(form), submit, user.getUsername()));
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
			@AuthenticationPrincipal PortalUser user, DataScope scope, Model model, RedirectAttributes redirect) {
		Rubric rubric = officeRubric(id, scope);
		sheetRubric(id, code, scope);
		boolean confirm = "confirm".equals(form.get("action"));
		Map<Long, Rubrics.ReviewInput> inputs = new HashMap<>();
		for (Rubric.Item item : rubric.items()) {
			String veto = form.get("veto_" + item.id());
			inputs.put(item.id(), new Rubrics.ReviewInput(form.get("review_" + item.id()), form.get("reason_" + item.id()),
					veto == null || veto.isBlank() ? null : Boolean.valueOf(veto)));
		}
		return sheetOrBack(rubric, code, form, user, scope, model, redirect, confirm ? "rubric.confirmed" : "flash.saved",
				() -> rubrics.review(rubric, code, inputs, version(form), confirm, user.getUsername()));
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
		return UploadedFiles.attachment(fileName("download.rubricSheet", sheet.regionName(), rubric.year()) + ".pdf",
				"score-sheet-" + code + "-" + rubric.year() + ".pdf", "application/pdf",
				export.pdf(sheet, standing(rubric, code), LocaleContextHolder.getLocale()));
	}

	@GetMapping("/{id}/regions/{code}/sheet.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id, @PathVariable String code, DataScope scope) {
		Rubric rubric = sheetRubric(id, code, scope);
		Rubrics.Sheet sheet = rubrics.sheet(rubric, code);
		return UploadedFiles.attachment(fileName("download.rubricSheet", sheet.regionName(), rubric.year()) + ".xlsx",
				"score-sheet-" + code + "-" + rubric.year() + ".xlsx", XLSX,
				export.xlsx(sheet, standing(rubric, code), LocaleContextHolder.getLocale()));
	}

	// ---- helpers ----

	/** A download's name in the reader's language, e.g. 东兴市2020年考核评分表. */
	private String fileName(String key, String regionName, int year) {
		return messages.getMessage(key, new Object[] { regionName, String.valueOf(year) }, LocaleContextHolder.getLocale());
	}

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

	private static final String[] SETTINGS = { "bonusCap", "deductionCap", "excellent", "good", "pass" };

	/**
	 * Runs a sheet form's action. Refused for what was typed, the page comes back with everything
	 * typed and each refused line marked, nothing saved; a conflict or a state that no longer
	 * allows the action goes back to the sheet as it now is, with the message.
	 */
	private String sheetOrBack(Rubric rubric, String code, Map<String, String> form, PortalUser user, DataScope scope,
			Model model, RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", success);
			return sheetPath(rubric.id(), code);
		}
		catch (Refusal refused) {
			if (!refused.lines().isEmpty()) {
				Locale locale = LocaleContextHolder.getLocale();
				Map<Long, String> lineErrors = new HashMap<>();
				refused.lines().forEach((item, why) -> lineErrors.put(item, messages.getMessage(why.messageKey(), why.args(), locale)));
				model.addAttribute("errorText", messages.getMessage(refused.messageKey(), refused.args(), locale));
				return sheetPage(rubric, code, user, scope, form, lineErrors, model);
			}
			if (refused.getStatusCode().value() == 404) {
				throw refused;
			}
			redirect.addFlashAttribute("errorText", message(refused));
			return sheetPath(rubric.id(), code);
		}
	}

	/**
	 * Runs a rubric form's action. Refused, the rubric page comes back with what was typed in the
	 * form and why, nothing saved; only a conflict shows the rubric as it now is (docs/architecture.md).
	 */
	private String typedOrBack(Rubric rubric, Map<String, String> itemForm, Map<String, String> settingsForm, Model model,
			RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("success", success);
		}
		catch (Refusal refused) {
			if (refused.getStatusCode().value() == 404) {
				throw refused;
			}
			if (!StaleForms.CONFLICT.equals(refused.messageKey())) {
				model.addAttribute("errorText", message(refused));
				return rubricPage(rubric.year(), rubric.parentCode(), rubrics.get(rubric.id()),
						itemForm == null ? Map.of() : itemForm, settingsForm, model);
			}
			redirect.addFlashAttribute("errorText", message(refused));
		}
		return back(rubric);
	}

	/** What the office typed into the item form, bounded (the checks that follow refuse it with a message). */
	private static Map<String, String> itemForm(Map<String, String> form, Long itemId) {
		Map<String, String> typed = new HashMap<>();
		for (String field : new String[] { "kind", "category", "title", "points", "method", "area", "evidenceRequired",
				"vetoGrade" }) {
			typed.put(field, bounded(form.get(field), 2000));
		}
		if (itemId != null) {
			typed.put("itemId", String.valueOf(itemId));
		}
		return typed;
	}

	private static Rubrics.ItemInput itemInput(Map<String, String> typed) {
		Kind kind = option(Kind.class, typed.get("kind"));
		Method method = option(Method.class, typed.get("method"));
		Method how = method == null ? Method.MANUAL : method;
		Grade vetoGrade = option(Grade.class, typed.get("vetoGrade"));
		BigDecimal points = typed.get("points") == null ? null : decimal(typed.get("points"));
		if (typed.get("points") != null && points == null) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.pointsInvalid", 1);
		}
		GoalArea area = how == Method.TARGETS ? option(GoalArea.class, typed.get("area")) : null;
		return new Rubrics.ItemInput(kind, strip(typed.get("category")), strip(typed.get("title")),
				kind == Kind.VETO && points == null ? BigDecimal.ZERO : points, how, area, strip(typed.get("evidenceRequired")),
				kind == Kind.VETO ? (vetoGrade == null ? Grade.FAIL : vetoGrade) : null);
	}

	/** An enum constant by name; an unknown name is a refused item (row 1 of the form). */
	private static <E extends Enum<E>> E option(Class<E> type, String name) {
		if (name == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, name);
		}
		catch (IllegalArgumentException unknown) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.itemInvalid", 1);
		}
	}

	private static BigDecimal decimal(String text) {
		if (text == null || text.length() > 20) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	private static String bounded(String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return text.length() > max ? text.substring(0, max) : text;
	}

	private String message(Refusal refused) {
		return messages.getMessage(refused.messageKey(), refused.args(), LocaleContextHolder.getLocale());
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
