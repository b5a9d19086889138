package cn.qualityportal.targets;

import cn.qualityportal.system.Refusal;
import java.net.URI;
import java.util.List;

import cn.qualityportal.documents.DocumentSummary;
import cn.qualityportal.documents.Documents;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.system.PageView;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Indicators and targets over JSON, with the same scope and rules as the pages. */
@RestController
@RequestMapping("/api/v1")
class TargetApiController {

	private final IndicatorRepository indicators;

	private final IndicatorEditor indicatorEditor;

	private final TargetSearch targets;

	private final TargetEditor targetEditor;

	private final ConsistencyReport consistency;

	private final Documents documents;

	private final MessageSource messages;

	TargetApiController(IndicatorRepository indicators, IndicatorEditor indicatorEditor, TargetSearch targets,
			TargetEditor targetEditor, ConsistencyReport consistency, Documents documents, MessageSource messages) {
		this.indicators = indicators;
		this.indicatorEditor = indicatorEditor;
		this.targets = targets;
		this.targetEditor = targetEditor;
		this.consistency = consistency;
		this.documents = documents;
		this.messages = messages;
	}

	/**
	 * A document's consistency report: the differences from its parent documents that still need a
	 * look, those the office marked as intended (with the reason), and how many of its targets have a
	 * lead department. Labels are in the caller's language.
	 */
	@GetMapping("/documents/{id}/consistency")
	@Transactional(readOnly = true)
	ConsistencyView consistency(@PathVariable long id, DataScope scope) {
		DocumentSummary document = documents.find(id, scope)
			.orElseThrow(() -> new Refusal.NotFound());
		ConsistencyReport.Report report = consistency.of(document, scope);
		TargetsDocumentSection.Assignment assignment = TargetsDocumentSection.Assignment.of(report.rows());
		return new ConsistencyView(id, assignment.total(), assignment.assigned(),
				assignment.withoutLead().stream().map(TargetRow::id).toList(),
				report.open().stream().map(this::view).toList(), report.intended().stream().map(this::view).toList());
	}

	private FindingView view(ConsistencyReport.Finding finding) {
		TargetRow shown = finding.shown();
		ConsistencyReport.Acknowledgement ack = finding.open() ? null : finding.acknowledgement();
		return new FindingView(shown.indicatorCode(), shown.indicatorName(),
				finding.target() == null ? null : finding.target().id(),
				finding.target() == null ? null : finding.target().condition(), finding.parent().id(),
				finding.parent().documentId(), finding.parent().regionCode(), finding.parent().condition(),
				finding.findings(), finding.findings()
					.stream()
					.map(key -> messages.getMessage(key, null, LocaleContextHolder.getLocale()))
					.toList(),
				ack == null ? null : ack.reason(), ack == null ? null : ack.by(), ack == null ? null : ack.at());
	}

	record ConsistencyView(long documentId, int targets, int targetsWithLead, List<Long> targetsWithoutLead,
			List<FindingView> toLookAt, List<FindingView> intended) {
	}

	record FindingView(String indicatorCode, String indicatorName, Long targetId, String condition, long parentTargetId,
			long parentDocumentId, String parentRegionCode, String parentCondition, List<String> findings,
			List<String> findingLabels, String reason, String acknowledgedBy, java.time.OffsetDateTime acknowledgedAt) {
	}

	@GetMapping("/indicators")
	@Transactional(readOnly = true)
	PageView<IndicatorView> indicators(@RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) GoalArea category, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return PageView.of(indicators.search(q.strip(), category, PageRequest.of(Math.max(page, 0), clamp(size)))
			.map(IndicatorView::of));
	}

	@GetMapping("/indicators/{id}")
	@Transactional(readOnly = true)
	IndicatorView indicator(@PathVariable long id) {
		return indicators.findById(id)
			.map(IndicatorView::of)
			.orElseThrow(() -> new Refusal.NotFound());
	}

	@PostMapping("/indicators")
	@PreAuthorize("hasRole('OFFICE') and @installationSettings.ownedBy(authentication.name)")
	ResponseEntity<IndicatorView> createIndicator(@Valid @RequestBody IndicatorForm form, BindingResult result)
			throws BindException {
		Indicator indicator = indicatorEditor.create(form, result);
		throwIfInvalid(result);
		return ResponseEntity.created(URI.create("/api/v1/indicators/" + indicator.getId()))
			.body(IndicatorView.of(indicator));
	}

	@PutMapping("/indicators/{id}")
	@PreAuthorize("hasRole('OFFICE') and @installationSettings.ownedBy(authentication.name)")
	IndicatorView updateIndicator(@PathVariable long id, @Valid @RequestBody IndicatorForm form, BindingResult result)
			throws BindException {
		indicatorEditor.update(id, form, result);
		throwIfInvalid(result);
		return indicator(id);
	}

	@GetMapping("/targets")
	PageView<TargetRow> targets(@RequestParam(defaultValue = "") String regionCode,
			@RequestParam(required = false) Long documentId, @RequestParam(defaultValue = "") String indicatorCode,
			@RequestParam(required = false) Integer deadlineYear, @RequestParam(required = false) Long cooperatingDepartmentId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size, DataScope scope) {
		return PageView.of(targets.page(
				new TargetFilter(regionCode, documentId, indicatorCode, deadlineYear, null, cooperatingDepartmentId), scope,
				PageRequest.of(Math.max(page, 0), clamp(size))));
	}

	@GetMapping("/targets/{id}")
	@Transactional(readOnly = true)
	TargetView target(@PathVariable long id, DataScope scope) {
		TargetRow row = targets.find(id, scope).orElseThrow(() -> new Refusal.NotFound());
		return new TargetView(row, targetEditor.visible(id, scope).getMilestones());
	}

	@PostMapping("/targets")
	@PreAuthorize("hasRole('OFFICE')")
	ResponseEntity<TargetView> createTarget(@Valid @RequestBody TargetForm form, BindingResult result, DataScope scope)
			throws BindException {
		Target target = targetEditor.create(form, scope, result);
		throwIfInvalid(result);
		return ResponseEntity.created(URI.create("/api/v1/targets/" + target.getId())).body(target(target.getId(), scope));
	}

	@PutMapping("/targets/{id}")
	@PreAuthorize("hasRole('OFFICE')")
	TargetView updateTarget(@PathVariable long id, @Valid @RequestBody TargetForm form, BindingResult result,
			DataScope scope) throws BindException {
		targetEditor.update(id, form, scope, result);
		throwIfInvalid(result);
		return target(id, scope);
	}

	private static int clamp(int size) {
		return Math.min(Math.max(size, 1), 500);
	}

	private static void throwIfInvalid(BindingResult result) throws BindException {
		if (result.hasErrors()) {
			throw new BindException(result);
		}
	}

	record TargetView(TargetRow target, List<Milestone> milestones) {
	}

	record IndicatorView(long id, String code, String name, GoalArea category, String unit, ValueType valueType,
			Direction direction, Aggregation aggregation, String definition, String numeratorDefinition,
			String denominatorDefinition, Long supplierDepartmentId, Integer decimals, int precision, boolean active,
			long version) {

		static IndicatorView of(Indicator indicator) {
			return new IndicatorView(indicator.getId(), indicator.getCode(), indicator.getName(), indicator.getCategory(),
					indicator.getUnit(), indicator.getValueType(), indicator.getDirection(), indicator.getAggregation(),
					indicator.getDefinition(), indicator.getNumeratorDefinition(), indicator.getDenominatorDefinition(),
					indicator.getSupplierDepartmentId(), indicator.getDecimals(),
					indicator.getDecimals() != null ? indicator.getDecimals() : indicator.getValueType().defaultDecimals(),
					indicator.isActive(), indicator.getVersion());
		}

	}

}
