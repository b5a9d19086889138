package cn.qualityportal.extraction;

import java.util.HashMap;
import java.util.Map;

/**
 * How alike two indicator names are: the F1 of their characters (as bags), which suits Chinese
 * names that share most characters in a different order or with a word more or less
 * (广西名牌 / 新增广西名牌数). 1 for equal names, 0 for none in common.
 */
public final class NameSimilarity {

	private NameSimilarity() {
	}

	public static double of(String a, String b) {
		String x = a == null ? "" : a.replaceAll("\\s+", "");
		String y = b == null ? "" : b.replaceAll("\\s+", "");
		if (x.isEmpty() || y.isEmpty()) {
			return 0;
		}
		Map<Integer, Integer> counts = new HashMap<>();
		x.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
		int common = 0;
		for (int c : y.codePoints().toArray()) {
			Integer left = counts.get(c);
			if (left != null && left > 0) {
				common++;
				counts.put(c, left - 1);
			}
		}
		if (common == 0) {
			return 0;
		}
		double precision = (double) common / x.codePointCount(0, x.length());
		double recall = (double) common / y.codePointCount(0, y.length());
		return 2 * precision * recall / (precision + recall);
	}

}
