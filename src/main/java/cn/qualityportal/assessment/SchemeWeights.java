package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.qualityportal.targets.GoalArea;

/**
 * Reads the weights text of the scheme form: one "key = weight" per line (全角 ＝ and ： accepted),
 * the key a goal area's code or name or an indicator code, the weight 0–100. The first bad line is
 * reported with its number.
 */
final class SchemeWeights {

	private SchemeWeights() {
	}

	record Parsed(Map<GoalArea, BigDecimal> areas, Map<String, BigDecimal> indicators) {
	}

	/** A line that could not be read: its number and the message key saying why. */
	static final class Invalid extends Exception {

		final int line;

		final String messageKey;

		Invalid(int line, String messageKey) {
			super(messageKey, null, false, false);
			this.line = line;
			this.messageKey = messageKey;
		}

	}

	static Parsed parse(String text, Map<String, GoalArea> areaNames, Set<String> indicatorCodes) throws Invalid {
		Map<GoalArea, BigDecimal> areas = new EnumMap<>(GoalArea.class);
		Map<String, BigDecimal> indicators = new LinkedHashMap<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("[=＝:：]", 2);
			if (parts.length != 2) {
				throw new Invalid(i + 1, "assessment.weights.format");
			}
			String key = parts[0].strip();
			BigDecimal weight;
			try {
				weight = new BigDecimal(parts[1].strip());
			}
			catch (NumberFormatException notANumber) {
				throw new Invalid(i + 1, "assessment.weights.number");
			}
			if (weight.signum() < 0 || weight.compareTo(BigDecimal.valueOf(100)) > 0) {
				throw new Invalid(i + 1, "assessment.weights.number");
			}
			GoalArea area = areaNames.get(key);
			if (area == null) {
				try {
					area = GoalArea.valueOf(key.toUpperCase(java.util.Locale.ROOT));
				}
				catch (IllegalArgumentException notAnArea) {
					area = null;
				}
			}
			if (area != null) {
				areas.put(area, weight);
			}
			else if (indicatorCodes.contains(key)) {
				indicators.put(key, weight);
			}
			else {
				throw new Invalid(i + 1, "assessment.weights.unknownKey");
			}
		}
		return new Parsed(areas, indicators);
	}

}
