package cn.qualityportal.targets;

import java.math.BigDecimal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A candidate as the office edits it before accepting: the indicator to link ({@code indicatorId})
 * or, when empty, a new one named {@code indicatorName}, and the department to lead the target.
 */
record CandidateForm(Long indicatorId, @NotBlank @Size(max = 200) String indicatorName, @NotNull Comparator comparator,
		@NotNull BigDecimal value, BigDecimal valueMax, @Size(max = 16) String unit,
		@NotNull @Min(1949) @Max(2100) Integer deadlineYear, @Min(1949) @Max(2100) Integer baselineYear,
		Boolean increment, Long version, Long leadDepartmentId) {

	boolean isIncrement() {
		return Boolean.TRUE.equals(increment);
	}

}
