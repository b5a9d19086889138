package cn.qualityportal.extraction;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How alike two indicator names are: the F1 of their characters (as bags), which suits Chinese
 * names that share most characters in a different order or with a word more or less
 * (广西名牌 / 新增广西名牌数). 1 for equal names, 0 for none in common.
 */
public final class NameSimilarity {

	/** Words that place a statistic but do not change it: 全市, 我区, 本县 (not 市级). */
	private static final Pattern PLACE = Pattern.compile("^(?:全|我|本)?(?:国|省|自治区|市|州|区|县|乡|镇)(?![级直])");

	private static final Pattern ASIDE = Pattern.compile("\\([^()]*\\)|（[^（）]*）|[\\s“”\"'《》、,，]|的");

	private NameSimilarity() {
	}

	/**
	 * Whether two indicator names name the same statistic: equal once the place (全市…), asides in
	 * brackets, quotes, spaces and 的 are left out. Alike names of different statistics are not
	 * (监督抽查合格率 and 产品质量合格率 share most characters but measure different things).
	 */
	public static boolean sameStatistic(String a, String b) {
		String x = statistic(a);
		return !x.isEmpty() && x.equals(statistic(b));
	}

	private static String statistic(String name) {
		if (name == null) {
			return "";
		}
		String words = ASIDE.matcher(name).replaceAll("");
		return PLACE.matcher(words).replaceFirst("");
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
