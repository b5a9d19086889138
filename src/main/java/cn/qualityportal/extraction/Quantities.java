package cn.qualityportal.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 4 of the pipeline: the quantity expressions of a sentence and the comparison they state.
 * A quantity is a number (Arabic with decimals, or Chinese numerals before a measure word, 六成,
 * 为零), optionally a range (3—5, 2~3, 3至5), a unit as written (%, ‰, 百分点, measure words, 万家,
 * 亿元, 万亩, compound units such as 件/万人 or 批次/千人, 分 for scores, 个工作日), a ratio N:1,
 * and a suffix (以上, 以下, 以内, 内, 左右). Years, dates, document numbers, ordinals and grades are
 * not quantities; a bare number without unit is one only where an index or score names it.
 */
final class Quantities {

	static final String COUNT_UNITS = "个只件项家名所座处条户款台套批种次起张";

	private static final String UNIT = "(?:个百分点|百分点|个点(?![子])|个工作日|工作日|%|‰|万亩|亩|亿元|万元|元|万吨|吨|公顷|万人次|人次|万人|万户|万家次|家次|万家|万台|万件|"
			+ "万个|万辆|万张|批次|分(?![钟之])|天|份|个|只|件|项|家|名|所|座|处|条|户|款|台|套|批|种|次|起|张|人)";

	/** A number, optionally a range, then what it counts and a suffix. */
	private static final Pattern VALUE = Pattern.compile("(?<![\\d.A-Za-z第〔\\[/])(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]{1,4})"
			+ "(?:(?:%|‰)?\\s*[-~至到]\\s*(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]{1,3})(?![\\d.]*\\s*年))?\\s*"
			+ "(" + UNIT + "(?:/[万千百]*(?:人口|人|户|家|亩|元|车|吨))?|成(?![为员功果本立熟])|:1(?![\\d.]))?"
			+ "(?:\\([^()]{1,10}\\))?(以上|以下|以内|左右|内(?![容外部涵]))?");

	/** Verbs (and their 均/分别/各 forms) that stand right before a value. Longest first. */
	static final Pattern VERB_BEFORE = Pattern.compile("(?:(?<![平年])(均|分别|都|各))?(?:要|将|必须|力争|争取|确保|要求)?(稳定在|保持在|维持在|控制在|压缩到|压缩至|缩短到|"
			+ "缩短至|缩减到|达到|提高到|提升到|增加到|增长到|上升到|提高至|提升至|增至|升至|降低到|降低至|降至|下降到|下降至|减少到|减少至|不低于|不少于|"
			+ "不高于|不超过|不大于|超过|突破|高于|大于|低于|少于|小于|接近|提高|提升|增加|增长|上升|下降|降低|减少|新增|净增|达|约为|约|为|保持|在|超|过|近)$");

	private static final Pattern BASELINE_YEAR = Pattern.compile("(?:较|比)\\s*(?:19|20)\\d{2}\\s*年");

	private static final Pattern INDEX_HEAD = Pattern.compile("(指数|满意度|满意指数|得分|评分|分值|总分|分数|之比|比值|事故率|死亡率|发生率)$");

	/** A quantity: offsets in the normalised text, value (and maximum of a range), unit, suffix. */
	record Quantity(int start, int end, BigDecimal value, BigDecimal valueMax, String unit, String suffix) {

		boolean isCount() {
			return unit.length() == 1 && COUNT_UNITS.indexOf(unit.charAt(0)) >= 0;
		}

		boolean isCountOrAmount() {
			return !unit.isEmpty() && !unit.equals("%") && !unit.equals("‰") && !unit.equals("百分点");
		}

	}

	private Quantities() {
	}

	/** The quantities between {@code start} and {@code end}. */
	static List<Quantity> in(String text, int start, int end) {
		List<Quantity> found = new ArrayList<>();
		Matcher matcher = VALUE.matcher(text).region(start, end);
		while (matcher.find()) {
			String number = matcher.group(1);
			String unit = matcher.group(3) == null ? "" : matcher.group(3);
			String suffix = matcher.group(4) == null ? "" : matcher.group(4);
			int numberEnd = matcher.end(2) > 0 ? matcher.end(2) : matcher.end(1);
			char next = numberEnd < text.length() ? text.charAt(numberEnd) : ' ';
			if (unit.isEmpty() && (Character.isLetter(next) && next < 0x80 || "年月日号〕]时岁周届级倍.".indexOf(next) >= 0)) {
				continue;
			}
			boolean chinese = !Character.isDigit(number.charAt(0));
			String before = text.substring(Math.max(start, matcher.start() - 30), matcher.start());
			if (chinese && !chineseQuantity(text, matcher.start(), number, unit, before)) {
				continue;
			}
			if (unit.isEmpty() && !isIndex(before) && !number.equals("零")) {
				continue;
			}
			if (unit.equals("分") && before.endsWith("满")) {
				continue; // 满分100分 is a scale
			}
			try {
				BigDecimal value = ChineseNumbers.parse(number);
				BigDecimal max = matcher.group(2) == null ? null : ChineseNumbers.parse(matcher.group(2));
				if (unit.equals("成")) {
					value = value.multiply(BigDecimal.TEN);
					unit = "%";
				}
				if (unit.equals(":1")) {
					unit = "";
				}
				found.add(new Quantity(matcher.start(), matcher.end(), value, max,
						unit.equals("个百分点") ? "百分点" : unit.equals("个点") ? "点" : unit, suffix));
			}
			catch (NumberFormatException ex) {
				// not a number after all (e.g. 十 alone in a name)
			}
		}
		return found;
	}

	/** Chinese numerals count only before a measure word (两家), as 成 (六成) or as 零 after 为 (检出率为零). */
	private static boolean chineseQuantity(String text, int at, String number, String unit, String before) {
		// Slogans in quotes (“两个一百年”, “三个代表”) are names, not counts.
		if (at > 0 && "“\"'‘".indexOf(text.charAt(at - 1)) >= 0) {
			return false;
		}
		if (number.equals("零") && unit.isEmpty()) {
			return before.endsWith("为") || before.endsWith("实现");
		}
		if (unit.equals("成")) {
			return true;
		}
		// 一个, 一批, 一支: an article, not a count; but 一至两件 (a range) counts.
		if (number.equals("一") && !rangeFollows(text, at + 1)) {
			return false;
		}
		return !unit.isEmpty() && unit.length() == 1 && "个只件项家名所座处条户款张".indexOf(unit.charAt(0)) >= 0;
	}

	/** Whether a range's second number follows (一至两件, 一到两家). */
	private static boolean rangeFollows(String text, int at) {
		return at + 1 < text.length() && "至到-~".indexOf(text.charAt(at)) >= 0 && "两二三四五六七八九十".indexOf(text.charAt(at + 1)) >= 0;
	}

	/** A number without unit is an index or score value after its name (竞争力指数达到92, 满意度达85以上, 之比达到2.5:1). */
	private static boolean isIndex(String before) {
		Matcher verb = VERB_BEFORE.matcher(before);
		String stem = verb.find() ? before.substring(0, verb.start()) : before;
		if (INDEX_HEAD.matcher(stem.strip()).find()) {
			return true;
		}
		// …指数达到88,力争到2035年达到90以上: a clause of only a later deadline goes on with the index before it.
		// …指数达到85以上,较2020年提高1.5: so does a clause of only a baseline year.
		Matcher later = LATER_DEADLINE.matcher(stem);
		if (later.find() && PREVIOUS_INDEX.matcher(stem.substring(0, later.start())).find()) {
			return true;
		}
		// …事故率、死亡率分别低于0.15和0.08: the next value of a list of unitless values.
		return LISTED_INDEX.matcher(stem).find();
	}

	private static final Pattern LATER_DEADLINE = Pattern.compile(",\\s*(?:并|再|同时)?(?:(?:力争|争取)?(?:到|至)?\\s*(?:19|20)\\d{2}\\s*年(?:底|末)?|(?:较|比)\\s*(?:19|20)\\d{2}\\s*年(?:底|末)?),?\\s*$");

	private static final Pattern LISTED_INDEX = Pattern.compile("(?:指数|满意度|得分|评分|之比|事故率|死亡率|发生率)[^,]{0,8}?\\d+(?:\\.\\d+)?[、和及]$");

	private static final Pattern PREVIOUS_INDEX = Pattern.compile("(?:指数|满意度|得分|评分|之比|事故率|死亡率|发生率)[^,]{0,6}?\\d+(?:\\.\\d+)?(?:以上|左右)?$");

	/**
	 * The comparison a verb and suffix state. range for N-M; a change for 提高/下降 N% or N个百分点 (but
	 * 年均增长 N% is a growth rate: ≥); ~ for 左右/约/近/接近; &gt; for 超过/高于/超; &lt; for 低于; ≤ for
	 * 以下/以内/内, 不高于, 压缩到, 降至; ≥ for 以上, 达到, 不低于 and bare values; = for 保持, 为, 控制在 without suffix.
	 */
	static String comparator(String verb, Quantity value, String before) {
		String v = verb.replaceAll("^(均|分别|都|各)", "").replaceAll("^(要|将|必须|力争|争取|确保|要求)", "");
		String suffix = value.suffix();
		if (value.valueMax() != null) {
			return "range";
		}
		boolean up = v.equals("提高") || v.equals("提升") || v.equals("增加") || v.equals("增长") || v.equals("上升");
		boolean down = v.equals("下降") || v.equals("降低") || v.equals("减少");
		boolean growthRate = before.endsWith("年均" + v) || before.endsWith("年均" + verb);
		if ((up || down) && !growthRate && (value.unit().equals("百分点") || value.unit().equals("点") || value.unit().equals("%")
				|| BASELINE_YEAR.matcher(before).find())) {
			return up ? "increase_by" : "decrease_by";
		}
		if (suffix.equals("左右") || v.startsWith("约") || v.equals("近") || v.equals("接近")) {
			return "~";
		}
		if (v.equals("超过") || v.equals("突破") || v.equals("高于") || v.equals("大于") || v.equals("超") || v.equals("过")) {
			return ">";
		}
		if (v.equals("低于") || v.equals("少于") || v.equals("小于")) {
			return "<";
		}
		if (suffix.equals("以下") || suffix.equals("以内") || suffix.equals("内") || v.equals("不高于") || v.equals("不超过")
				|| v.equals("不大于") || v.startsWith("压缩") || v.startsWith("缩短") || v.startsWith("缩减") || v.startsWith("降")
				|| v.startsWith("下降") || v.startsWith("减少")) {
			return "<=";
		}
		if (suffix.equals("以上")) {
			return ">=";
		}
		if (v.equals("保持") || v.equals("保持在") || v.equals("维持在") || v.equals("控制在") || v.equals("为")) {
			return "=";
		}
		return ">=";
	}

}
