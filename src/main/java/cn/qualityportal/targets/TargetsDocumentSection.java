package cn.qualityportal.targets;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.qualityportal.documents.DocumentPageSection;
import cn.qualityportal.documents.DocumentSummary;
import cn.qualityportal.organisation.DataScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The document page's goals, targets and tasks. Each target of a document that implements another
 * is shown beside the parent's target for the same indicator, flagged when it is weaker; the
 * findings that still need a look and those the office marked as intended are listed
 * ({@link ConsistencyReport}), and so are the targets without a lead department (牵头单位).
 */
@Component
class TargetsDocumentSection implements DocumentPageSection {

	private final ConsistencyReport consistency;

	private final GoalRepository goals;

	private final TaskSearch tasks;

	TargetsDocumentSection(ConsistencyReport consistency, GoalRepository goals, TaskSearch tasks) {
		this.consistency = consistency;
		this.goals = goals;
		this.tasks = tasks;
	}

	@Override
	public String template() {
		return "targets/_documentSection";
	}

	@Override
	@Transactional(readOnly = true)
	public Object model(DocumentSummary document, DataScope scope) {
		ConsistencyReport.Report report = consistency.of(document, scope);
		List<ConsistencyReport.CheckedTarget> checked = report.checked();
		Map<Long, List<ConsistencyReport.CheckedTarget>> byGoal = checked.stream()
			.collect(Collectors.groupingBy(target -> target.row().goalId() == null ? 0L : target.row().goalId()));
		return new Section(document, scope.covers(document.regionCode()), goals.findByDocumentIdOrderByPositionAscIdAsc(document.id()),
				byGoal, checked, report.hasParents(), tasks.ofDocument(document.id()), GoalArea.values(), report.open(),
				report.intended(), Assignment.of(report.rows()));
	}

	@Override
	public int order() {
		return 10;
	}

	/** How many of the document's targets have a lead department, and those that have none. */
	record Assignment(int total, int assigned, List<TargetRow> withoutLead) {

		static Assignment of(List<TargetRow> rows) {
			List<TargetRow> withoutLead = rows.stream().filter(row -> row.leadDepartmentName() == null).toList();
			return new Assignment(rows.size(), rows.size() - withoutLead.size(), withoutLead);
		}

		/** Whole percent, rounded down so that 100 means every target is assigned. */
		public int percent() {
			return total == 0 ? 100 : assigned * 100 / total;
		}

	}

	record Section(DocumentSummary document, boolean editable, List<Goal> goals,
			Map<Long, List<ConsistencyReport.CheckedTarget>> byGoal, List<ConsistencyReport.CheckedTarget> targets,
			boolean hasParents, List<TaskSearch.TaskRow> tasks, GoalArea[] areas, List<ConsistencyReport.Finding> toLookAt,
			List<ConsistencyReport.Finding> intended, Assignment assignment) {

		public List<ConsistencyReport.CheckedTarget> of(Goal goal) {
			return byGoal.getOrDefault(goal.getId(), List.of());
		}

		public List<ConsistencyReport.CheckedTarget> withoutGoal() {
			return byGoal.getOrDefault(0L, List.of());
		}

	}

}
