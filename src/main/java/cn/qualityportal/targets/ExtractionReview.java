package cn.qualityportal.targets;

import cn.qualityportal.system.Refusal;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import cn.qualityportal.documents.DocumentSummary;
import cn.qualityportal.documents.Documents;
import cn.qualityportal.extraction.Extraction.ProposedTarget;
import cn.qualityportal.extraction.NameSimilarity;
import cn.qualityportal.extraction.TargetExtractor;
import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.system.StaleForms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * The office's review of extracted targets: runs the extractor on a document's text and keeps its
 * proposals; accepting one links it to an indicator (or creates one) and makes it a target of the
 * document's region, in one transaction with the target rules applied; decisions are remembered,
 * so a later run does not propose the same quote and value again.
 */
@Service
class ExtractionReview {

	private final TargetExtractor extractor;

	private final ExtractionCandidateRepository candidates;

	private final IndicatorRepository indicators;

	private final TargetEditor targets;

	private final Documents documents;

	private final cn.qualityportal.audit.AuditTrail audit;

	ExtractionReview(TargetExtractor extractor, ExtractionCandidateRepository candidates, IndicatorRepository indicators,
			TargetEditor targets, Documents documents, cn.qualityportal.audit.AuditTrail audit) {
		this.audit = audit;
		this.extractor = extractor;
		this.candidates = candidates;
		this.indicators = indicators;
		this.targets = targets;
		this.documents = documents;
	}

	/** An indicator of the catalogue offered for a candidate; {@code same} when it is the same statistic. */
	record Suggestion(long indicatorId, String code, String name, String unit, double similarity, boolean same) {
	}

	/** Proposals not seen before, saved for review; the number added. */
	@Transactional
	int run(long documentId, DataScope scope) {
		editableDocument(documentId, scope);
		String text = documents.text(documentId, scope).orElse(null);
		if (text == null || text.isBlank()) {
			return -1;
		}
		List<ExtractionCandidate> known = candidates.findByDocumentIdOrderByQuoteStartAscIdAsc(documentId);
		int added = 0;
		for (ProposedTarget proposal : extractor.extract(text).targets()) {
			if (known.stream().noneMatch(candidate -> candidate.sameAs(proposal))) {
				candidates.save(new ExtractionCandidate(documentId, proposal));
				added++;
			}
		}
		if (added > 0) {
			audit.record("policy_document", documentId, "EXTRACT", null, java.util.Map.of("candidates", added));
		}
		return added;
	}

	@Transactional(readOnly = true)
	List<ExtractionCandidate> candidates(long documentId, DataScope scope) {
		documents.find(documentId, scope).orElseThrow(() -> new Refusal.NotFound());
		return candidates.findByDocumentIdOrderByQuoteStartAscIdAsc(documentId);
	}

	/**
	 * The indicators of the catalogue to offer: those that are the same statistic first, then the
	 * most alike by name (for the office to choose by hand), three at most.
	 */
	List<Suggestion> suggestions(String name, List<Indicator> catalogue) {
		return catalogue.stream()
			.map(indicator -> new Suggestion(indicator.getId(), indicator.getCode(), indicator.getName(),
					indicator.getUnit(), NameSimilarity.of(name, indicator.getName()),
					NameSimilarity.sameStatistic(name, indicator.getName())))
			.filter(suggestion -> suggestion.same() || suggestion.similarity() >= 0.3)
			.sorted(Comparator.comparing(Suggestion::same).thenComparingDouble(Suggestion::similarity).reversed())
			.limit(3)
			.toList();
	}

	/** The indicator proposed for a candidate: only one that is the same statistic, never a merely alike one. */
	Suggestion proposal(String name, List<Indicator> catalogue) {
		return suggestions(name, catalogue).stream().filter(Suggestion::same).findFirst().orElse(null);
	}

	/** The form a candidate starts from: its values, the best indicator if alike enough, the document's year as baseline of an increment. */
	CandidateForm defaults(ExtractionCandidate candidate, DocumentSummary document, List<Indicator> catalogue) {
		Suggestion proposal = proposal(candidate.getIndicator(), catalogue);
		Long indicatorId = proposal == null ? null : proposal.indicatorId();
		Integer baselineYear = candidate.isIncrement() && document.issueDate() != null ? document.issueDate().getYear()
				: null;
		return new CandidateForm(indicatorId, candidate.getIndicator(), cn.qualityportal.targets.Comparator.of(candidate.getComparator()),
				candidate.getValue(), candidate.getValueMax(), candidate.getUnit(), candidate.getYear(), baselineYear,
				candidate.isIncrement(), candidate.getVersion(), null);
	}

	/**
	 * Accepts a candidate as edited: returns the new target, or null with the problems in
	 * {@code errors} and nothing changed (a new indicator is rolled back with the target).
	 */
	@Transactional
	Target accept(long candidateId, CandidateForm form, DataScope scope, String user, Errors errors) {
		ExtractionCandidate candidate = find(candidateId);
		DocumentSummary document = editableDocument(candidate.getDocumentId(), scope);
		if (form.version() == null || form.version() != candidate.getVersion()) {
			errors.reject(StaleForms.CONFLICT);
			return null;
		}
		if (candidate.getStatus() != ExtractionCandidate.Status.PROPOSED) {
			errors.reject("extraction.alreadyDecided");
			return null;
		}
		if (errors.hasErrors()) {
			return null;
		}
		Indicator indicator = form.indicatorId() != null ? indicators.findById(form.indicatorId()).orElse(null)
				: newIndicator(candidate, form);
		if (indicator == null) {
			errors.rejectValue("indicatorId", "validation.indicator.unknown");
			return null;
		}
		TargetForm target = new TargetForm(indicator.getId(), null, document.id(), document.regionCode(), null,
				form.comparator(), form.value(), form.valueMax(), null, form.unit(), null, form.baselineYear(),
				form.deadlineYear(), form.isIncrement(), form.leadDepartmentId(), Set.of(), candidate.getQuote(), null);
		BeanPropertyBindingResult targetErrors = new BeanPropertyBindingResult(target, "target");
		Target created = targets.create(target, scope, targetErrors);
		if (created == null) {
			targetErrors.getFieldErrors().forEach(error -> errors.rejectValue(
					error.getField().equals("indicatorId") ? "indicatorName" : fieldOf(error.getField()), error.getCode()));
			targetErrors.getGlobalErrors().forEach(error -> errors.reject(error.getCode()));
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return null;
		}
		candidate.accept(created.getId(), user);
		audit.record(user, "extraction_candidate", candidateId, "ACCEPT", null,
				java.util.Map.of("documentId", candidate.getDocumentId(), "targetId", created.getId()), null);
		return created;
	}

	@Transactional
	void reject(long candidateId, DataScope scope, String user) {
		ExtractionCandidate candidate = find(candidateId);
		editableDocument(candidate.getDocumentId(), scope);
		if (candidate.getStatus() == ExtractionCandidate.Status.PROPOSED) {
			candidate.reject(user);
			audit.record(user, "extraction_candidate", candidateId, "REJECT", null,
					java.util.Map.of("documentId", candidate.getDocumentId(), "quote", candidate.getQuote()), null);
		}
	}

	ExtractionCandidate find(long candidateId) {
		return candidates.findById(candidateId).orElseThrow(() -> new Refusal.NotFound());
	}

	DocumentSummary editableDocument(long documentId, DataScope scope) {
		DocumentSummary document = documents.find(documentId, scope)
			.orElseThrow(() -> new Refusal.NotFound());
		if (!scope.covers(document.regionCode())) {
			throw Refusal.forbidden();
		}
		return document;
	}

	private static String fieldOf(String targetField) {
		return switch (targetField) {
			case "value", "valueMax", "unit", "deadlineYear", "baselineYear", "comparator" -> targetField;
			default -> "indicatorName";
		};
	}

	/** A new catalogue entry for an accepted candidate, its kind read off the unit and comparison. */
	private Indicator newIndicator(ExtractionCandidate candidate, CandidateForm form) {
		String unit = form.unit() == null ? "" : form.unit().strip();
		String indicatorUnit = TargetRules.PERCENTAGE_POINTS.equals(unit) ? "%" : unit;
		ValueType valueType = switch (indicatorUnit) {
			case "%" -> ValueType.RATE;
			case "‰" -> ValueType.PER_MILLE;
			case "" -> ValueType.INDEX;
			default -> indicatorUnit.length() == 1 && "个只件项家名所座处条户款".contains(indicatorUnit) ? ValueType.COUNT
					: ValueType.AMOUNT;
		};
		boolean lower = form.comparator() == cn.qualityportal.targets.Comparator.LE
				|| form.comparator() == cn.qualityportal.targets.Comparator.LT
				|| form.comparator() == cn.qualityportal.targets.Comparator.DECREASE_BY;
		Aggregation aggregation = valueType == ValueType.COUNT || valueType == ValueType.AMOUNT ? Aggregation.SUM
				: valueType == ValueType.INDEX ? Aggregation.NONE : Aggregation.WEIGHTED;
		Indicator indicator = new Indicator("EX-" + candidate.getDocumentId() + "-" + candidate.getId());
		indicator.update(new IndicatorForm(indicator.getCode(), form.indicatorName().strip(), category(form.indicatorName()),
				indicatorUnit, valueType, lower ? Direction.LOWER : Direction.HIGHER, aggregation, ReportingFrequency.ANNUAL, null,
				null, null, null, null, null));
		return indicators.save(indicator);
	}

	static GoalArea category(String name) {
		if (name.matches(".*(工程|建筑|施工|验收).*")) {
			return GoalArea.CONSTRUCTION;
		}
		if (name.matches(".*(名牌|商标|品牌|地理标志|龙头企业).*")) {
			return GoalArea.BRAND;
		}
		if (name.matches(".*(标准).*")) {
			return GoalArea.STANDARD;
		}
		if (name.matches(".*(服务|满意|景区|旅游).*")) {
			return GoalArea.SERVICE;
		}
		if (name.matches(".*(计量|检验|检测|认证|认可).*")) {
			return GoalArea.INFRASTRUCTURE;
		}
		if (name.matches(".*(产品|抽查|抽检|合格率|食品|药品|农产品).*")) {
			return GoalArea.PRODUCT;
		}
		return GoalArea.OTHER;
	}

}
