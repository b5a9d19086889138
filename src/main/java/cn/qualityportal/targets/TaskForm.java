package cn.qualityportal.targets;

import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record TaskForm(@NotNull Long documentId, Long goalId, @NotBlank @Size(max = 500) String title, Long leadDepartmentId,
		Set<Long> cooperatingDepartmentIds, @Min(1949) @Max(2100) Integer dueYear, @NotNull TaskStatus status,
		Long version) {

	static TaskForm empty(long documentId) {
		return new TaskForm(documentId, null, "", null, Set.of(), null, TaskStatus.NOT_STARTED, null);
	}

	static TaskForm of(Task task) {
		return new TaskForm(task.getDocumentId(), task.getGoalId(), task.getTitle(), task.getLeadDepartmentId(),
				Set.copyOf(task.getCooperatingDepartmentIds()), task.getDueYear(), task.getStatus(), task.getVersion());
	}

}
