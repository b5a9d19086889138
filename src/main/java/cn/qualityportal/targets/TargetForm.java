package cn.qualityportal.targets;

import java.math.BigDecimal;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A target as the form and the API post it. The indicator is named by id or, in the API, by
 * {@code indicatorCode}; an empty unit means the indicator's.
 */
record TargetForm(Long indicatorId, String indicatorCode, @NotNull Long documentId,
		@NotBlank @Pattern(regexp = "\\d{6}", message = "{validation.regionCode}") String regionCode, Long goalId,
		@NotNull Comparator comparator, @NotNull BigDecimal value, BigDecimal valueMax, BigDecimal tolerance,
		@Size(max = 16) String unit, BigDecimal baselineValue, @Min(1949) @Max(2100) Integer baselineYear,
		@NotNull @Min(1949) @Max(2100) Integer deadlineYear, Boolean increment, Long leadDepartmentId,
		Set<Long> cooperatingDepartmentIds, @Size(max = 2000) String quote, Long version) {

	static TargetForm empty(long documentId, String regionCode) {
		return new TargetForm(null, null, documentId, regionCode, null, Comparator.GE, null, null, null, "", null, null,
				null, false, null, Set.of(), "", null);
	}

	static TargetForm of(Target target) {
		return new TargetForm(target.getIndicator().getId(), target.getIndicator().getCode(), target.getDocumentId(),
				target.getRegionCode(), target.getGoalId(), target.getComparator(), target.getValue(),
				target.getValueMax(), target.getTolerance(), target.getUnit(), target.getBaselineValue(),
				target.getBaselineYear(), target.getDeadlineYear(), target.isIncrement(), target.getLeadDepartmentId(),
				Set.copyOf(target.getCooperatingDepartmentIds()), target.getQuote(), target.getVersion());
	}

	/** The same target for another region, as a cascade creates it. */
	TargetForm forRegion(String region, BigDecimal share) {
		return new TargetForm(indicatorId, indicatorCode, documentId, region, null, comparator, share,
				comparator == Comparator.RANGE ? valueMax : null, tolerance, unit, null, baselineYear, deadlineYear,
				increment, null, Set.of(), null, null);
	}

}
