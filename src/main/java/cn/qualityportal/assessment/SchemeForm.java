package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.qualityportal.progress.TargetStatus;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The scheme as the office edits it. Weights are lines of "key = weight", the key a goal area
 * (its code, e.g. PRODUCT, or its name, e.g. 产品质量) or an indicator code; see {@link SchemeWeights}.
 */
record SchemeForm(@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal achieved,
		@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal onTrack,
		@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal needsAcceleration,
		@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal offTrack,
		@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal overdue,
		@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal noData,
		@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal late,
		@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal missing,
		@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal returned, Boolean includeSubmitted,
		@Size(max = 20000) String weights, long version) {

	/** An unticked box sends nothing. */
	SchemeForm {
		includeSubmitted = Boolean.TRUE.equals(includeSubmitted);
	}

	static SchemeForm of(Scheme scheme, Map<String, String> areaNames) {
		StringBuilder weights = new StringBuilder();
		scheme.areaWeights().forEach((area, weight) -> weights.append(areaNames.getOrDefault(area.name(), area.name()))
			.append(" = ")
			.append(weight.stripTrailingZeros().toPlainString())
			.append('\n'));
		scheme.indicatorWeights().forEach(
				(code, weight) -> weights.append(code).append(" = ").append(weight.stripTrailingZeros().toPlainString()).append('\n'));
		Map<TargetStatus, BigDecimal> points = scheme.points();
		return new SchemeForm(points.get(TargetStatus.ACHIEVED), points.get(TargetStatus.ON_TRACK),
				points.get(TargetStatus.NEEDS_ACCELERATION), points.get(TargetStatus.OFF_TRACK), points.get(TargetStatus.OVERDUE),
				points.get(TargetStatus.NO_DATA), scheme.lateDeduction(), scheme.missingDeduction(), scheme.returnedDeduction(),
				scheme.includeSubmitted(), weights.toString(), scheme.version());
	}

	Scheme toScheme(int year, SchemeWeights.Parsed weights) {
		Map<TargetStatus, BigDecimal> points = new EnumMap<>(TargetStatus.class);
		points.put(TargetStatus.ACHIEVED, achieved);
		points.put(TargetStatus.ON_TRACK, onTrack);
		points.put(TargetStatus.NEEDS_ACCELERATION, needsAcceleration);
		points.put(TargetStatus.OFF_TRACK, offTrack);
		points.put(TargetStatus.OVERDUE, overdue);
		points.put(TargetStatus.NO_DATA, noData);
		return new Scheme(year, points, late, missing, returned, includeSubmitted, weights.areas(),
				new LinkedHashMap<>(weights.indicators()), version, true);
	}

}
