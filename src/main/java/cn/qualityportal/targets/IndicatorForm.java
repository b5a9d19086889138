package cn.qualityportal.targets;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record IndicatorForm(
		@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{validation.indicatorCode}") String code,
		@NotBlank @Size(max = 200) String name, @NotNull GoalArea category, @Size(max = 16) String unit,
		@NotNull ValueType valueType, @NotNull Direction direction, @NotNull Aggregation aggregation,
		ReportingFrequency reportingFrequency,
		@Size(max = 4000) String definition, @Size(max = 2000) String numeratorDefinition,
		@Size(max = 2000) String denominatorDefinition, Long supplierDepartmentId, @Min(0) @Max(4) Integer decimals,
		Long version) {

	static IndicatorForm empty() {
		return new IndicatorForm("", "", GoalArea.PRODUCT, "%", ValueType.RATE, Direction.HIGHER, Aggregation.WEIGHTED,
				ReportingFrequency.ANNUAL, "", "", "", null, null, null);
	}

	static IndicatorForm of(Indicator indicator) {
		return new IndicatorForm(indicator.getCode(), indicator.getName(), indicator.getCategory(), indicator.getUnit(),
				indicator.getValueType(), indicator.getDirection(), indicator.getAggregation(), indicator.getReportingFrequency(),
				indicator.getDefinition(), indicator.getNumeratorDefinition(), indicator.getDenominatorDefinition(),
				indicator.getSupplierDepartmentId(), indicator.getDecimals(), indicator.getVersion());
	}

}
