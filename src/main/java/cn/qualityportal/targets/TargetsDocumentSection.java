package cn.qualityportal.targets;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.qualityportal.documents.DocumentPageSection;
import cn.qualityportal.documents.DocumentSummary;
import cn.qualityportal.documents.Documents;
import cn.qualityportal.organisation.DataScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document page's goals, targets and tasks. Each target of a document that implements another
 * is shown beside the parent's target for the same indicator, flagged when it is weaker.
 */
@Component
class TargetsDocumentSection implements DocumentPageSection {

	private final TargetSearch targets;

	private final GoalRepository goals;

	private final Documents documents;

	private final TaskSearch tasks;

	TargetsDocumentSection(TargetSearch targets, GoalRepository goals, Documents documents, TaskSearch tasks) {
		this.targets = targets;
		this.goals = goals;
		this.documents = documents;
		this.tasks = tasks;
	}

	@Override
	public String template() {
		return "targets/documentSection";
	}

	@Override
	@Transactional(readOnly = true)
	public Object model(DocumentSummary document, DataScope scope) {
		List<TargetRow> rows = targets.ofDocument(document.id(), scope);
		List<DocumentSummary> parents = documents.implementedBy(document.id(), scope);
		List<TargetRow> parentTargets = targets.ofDocuments(parents.stream().map(DocumentSummary::id).toList(),
				rows.stream().map(TargetRow::indicatorId).distinct().toList());
		List<CheckedTarget> checked = rows.stream().map(row -> {
			TargetRow counterpart = TargetConsistency.counterpart(row, parentTargets).orElse(null);
			return new CheckedTarget(row, counterpart,
					counterpart == null ? List.of() : TargetConsistency.weaknesses(row, counterpart));
		}).toList();
		Map<Long, List<CheckedTarget>> byGoal = checked.stream()
			.collect(Collectors.groupingBy(target -> target.row().goalId() == null ? 0L : target.row().goalId()));
		return new Section(document, scope.covers(document.regionCode()), goals.findByDocumentIdOrderByPositionAscIdAsc(document.id()),
				byGoal, checked, !parents.isEmpty(), tasks.ofDocument(document.id()), GoalArea.values());
	}

	@Override
	public int order() {
		return 10;
	}

	record CheckedTarget(TargetRow row, TargetRow parent, List<String> weaknesses) {
	}

	record Section(DocumentSummary document, boolean editable, List<Goal> goals, Map<Long, List<CheckedTarget>> byGoal,
			List<CheckedTarget> targets, boolean hasParents, List<TaskSearch.TaskRow> tasks, GoalArea[] areas) {

		public List<CheckedTarget> of(Goal goal) {
			return byGoal.getOrDefault(goal.getId(), List.of());
		}

		public List<CheckedTarget> withoutGoal() {
			return byGoal.getOrDefault(0L, List.of());
		}

	}

}
