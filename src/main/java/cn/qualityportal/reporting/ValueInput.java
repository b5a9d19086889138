package cn.qualityportal.reporting;

import cn.qualityportal.system.TypedNumberText;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A figure as a reporter enters it: either {@code value} or, for rates, {@code numerator} and
 * {@code denominator} (the value is then computed). {@code period} is empty for the annual period,
 * else H1/H2 or Q1…Q4. {@code version} is the one the reporter saw; null only for a new figure.
 * Numbers arrive as typed (a JSON number or string, a grid field, an imported cell) and are read
 * by the workflow with {@code NumberInput}, so every entry path accepts and refuses the same forms.
 * {@code confirmClear} says the reporter means to empty a figure that holds a value.
 */
record ValueInput(String indicatorCode, String regionCode, Integer year, String period,
		@Schema(types = { "number", "string" }, example = "95.5") @JsonDeserialize(using = TypedNumberText.class) String value,
		@Schema(types = { "number", "string" }) @JsonDeserialize(using = TypedNumberText.class) String numerator,
		@Schema(types = { "number", "string" }) @JsonDeserialize(using = TypedNumberText.class) String denominator,
		String note, Long version, Boolean confirmClear) {

	PeriodKind kind() {
		if (period == null || period.isBlank()) {
			return PeriodKind.ANNUAL;
		}
		return period.toUpperCase().startsWith("H") ? PeriodKind.HALF_YEARLY : PeriodKind.QUARTERLY;
	}

	int number() {
		if (period == null || period.isBlank()) {
			return 0;
		}
		try {
			return Integer.parseInt(period.strip().substring(1));
		}
		catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
			return -1;
		}
	}

}
