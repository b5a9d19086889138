package cn.qualityportal.extraction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 5 of the pipeline: the indicator's name, a noun phrase fit for the indicator library.
 * <ul>
 * <li>before a verb (合格率达到95%): the words of the clause, without leading deadlines, verbs and
 * function words (到2025年, 力争, 全面, 新增 …) and without trailing modals (要, 必须, 力争);</li>
 * <li>after a count (培育16个国家地理标志产品): the noun that follows, through joined nouns
 * (国家级、省级示范项目) and without a leading relative clause (示范带动能力较强的);</li>
 * <li>a share (30%以上的规上企业建立首席质量官制度, 药品生产企业100%通过认证): the predicate, the
 * subject and 比例 (建立首席质量官制度的规上企业比例);</li>
 * <li>an abbreviation defined in the text (…(以下简称“三品一标”)认证产品) names by its short form.</li>
 * </ul>
 */
final class Naming {

	/** Words that open a noun phrase but do not belong to the indicator's name. */
	private static final Pattern LEADING_NOISE = Pattern.compile("^\\d{1,2}[.、](?!\\d)|^\\(\\d{1,2}\\)|^\\([一二三四五六七八九十]{1,3}\\)|^(?:到|至|截至|力争到|争取到|目标到)?\\s*(?:19|20)\\d{2}\\s*年(?:\\d{1,2}月?)?(?:底|末)?(?:前)?|"
			+ "^“?十[一二三四五六]五”?(?:期间|末|期末)?|^(?:今年|明年|年内|当年)|"
			+ "^(?:和|及|与|以及|并|并且|同时|其中|此外|另外|力争|争取|确保|努力|全面|进一步|使|实现|在|对|有|每年|年均|累计|继续|推动建设|扶持建设|"
			+ "推动|扶持|支持|新增|净增|创建|建成|建设|培育出|培育|争创|打造|树立|开展|完成|引进|形成|获得|创成|要|将|具体指标包括|具体目标是|具体包括|包括|"
			+ "主要指标|稳步实现|基本实现|逐步|全年|全力|力争拥有|拥有|目标是)");

	private static final Pattern INNER_DEADLINE = Pattern.compile("(?:到|至|力争到|争取到|目标到)\\s*(?:19|20)\\d{2}\\s*年(?:底|末)?[,:]?");

	private static final Pattern TRAILING_NOISE = Pattern.compile("(?:要|将|必须|需|应|力争|争取|确保|要求|(?<![年平])均|都|各|分别|等|等等|之|普遍|新增|新建|净增|增加|累计|总计|合计)$");

	private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[、,:\\-\\s]+");

	/** A space between two Han characters (or a closing mark and a Han character) separates parts of a headline. */
	private static final Pattern PART_GAP = Pattern.compile("(?<=[\\p{IsHan}”)》])[ \\t]+(?=[\\p{IsHan}“])");

	/** Modals between a share's noun and its predicate (三成以上企业将导入…). */
	private static final Pattern MODAL_END = Pattern.compile("(?:将|要|会|均|都|全部|必须|应)$");

	private static final Pattern BASELINE_YEAR = Pattern.compile("(较|比|相比)\\s*(?:19|20)\\d{2}\\s*年(?:底|末)?$");

	private static final Pattern SHORT_FORM = Pattern.compile("^.*\\((?:以下)?简称(“[^”]{1,12}”)\\)");

	/** Verbs that open the predicate after a share (…100%通过认证, 80%纳入可追溯范围). */
	static final Pattern PREDICATE = Pattern.compile("通过|纳入|达到|达标|实现|建立|开展|采用|获得|取得|参与|参加|进入|入驻|导入|应用|接入|使用|完成|"
			+ "覆盖|落实|执行|配备|具备|具有|拥有|持有");

	private Naming() {
	}

	/** The indicator's name from the words before its verb. */
	static String subject(String words) {
		return subject(words, true);
	}

	/** The name from the words before a verb; {@code shortForm}: a defined abbreviation replaces the words it stands for. */
	static String subject(String words, boolean shortForm) {
		String name = words.strip();
		Matcher abbreviation = SHORT_FORM.matcher(name);
		if (shortForm && abbreviation.find()) {
			name = abbreviation.group(1) + name.substring(abbreviation.end());
		}
		// 某省出台纲要 三成以上企业… (a headline, a table's cells): prose has no spaces, so words before a gap are another part.
		Matcher gap = PART_GAP.matcher(name);
		int afterGap = -1;
		while (gap.find()) {
			afterGap = gap.end();
		}
		if (afterGap > 0) {
			name = name.substring(afterGap);
		}
		// 某省出台质量强省方案 到2020年制造业质量竞争力指数 (a headline): what stands before a deadline is not the name.
		int afterDeadline = -1;
		Matcher deadline = INNER_DEADLINE.matcher(name);
		while (deadline.find()) {
			afterDeadline = deadline.end();
		}
		if (afterDeadline > 0 && afterDeadline < name.length()) {
			name = name.substring(afterDeadline).strip();
		}
		// (其中蔬菜合格率 (an aside opened before the value): the bracket is not part of the name.
		if (name.startsWith("(") && name.indexOf(')') < 0) {
			name = name.substring(1);
		}
		String previous;
		do {
			previous = name;
			Matcher noise = LEADING_NOISE.matcher(name);
			if (noise.find() && noise.end() > 0) {
				name = name.substring(noise.end()).strip();
			}
			name = LEADING_PUNCTUATION.matcher(name).replaceFirst("");
			Matcher trailing = TRAILING_NOISE.matcher(name);
			if (trailing.find() && trailing.start() > 0) {
				name = name.substring(0, trailing.start()).strip();
			}
		}
		while (!name.equals(previous));
		// 单位GDP能耗较2022年 (下降8%): the baseline year belongs to the comparison, not to the name.
		name = name.startsWith("的") ? name.substring(1) : name;
		return BASELINE_YEAR.matcher(name).replaceFirst("").strip();
	}

	/** The noun a count names (the words after it), without a leading relative clause or 以上的. */
	static String countedNoun(String words) {
		String noun = words.strip().replaceAll("^(以上|以下|左右)?的?", "").replaceAll("(等|等等)$", "");
		int of = noun.lastIndexOf('的');
		// 示范带动能力较强的国家级、省级农业标准化示范项目: the head noun phrase after the last 的, when it stands alone.
		// A size threshold before 的 (营业收入超20亿元的龙头企业) says which ones are counted: it stays.
		if (of > 0 && noun.length() - of - 1 >= 4 && !PREDICATE.matcher(noun.substring(of + 1)).find()
				&& noun.substring(0, of).chars().noneMatch(Character::isDigit)) {
			noun = noun.substring(of + 1);
		}
		return noun;
	}

	/** The name of a share: subject + predicate + 的比例, or for value-first phrasing predicate + 的 + noun + 比例. */
	static String share(String subject, String after) {
		String rest = after.replaceAll("^(以上|左右)?的?", "");
		Matcher predicate = PREDICATE.matcher(rest);
		if (subject.isEmpty()) {
			if (predicate.find() && predicate.start() > 0) {
				String noun = MODAL_END.matcher(rest.substring(0, predicate.start())).replaceFirst("");
				return rest.substring(predicate.start()) + "的" + noun + "比例";
			}
			return rest + "比例";
		}
		return subject + rest + "的比例";
	}

	private static final Pattern GRADE_ONLY = Pattern.compile("^(?:国家级|省级|市级|县级|区级|地市级|国际|国家|省|市)$");

	private static final Pattern LEADING_GRADE = Pattern
		.compile("^(?:新增|新建|新培育|新认定|新)?(?:(?:国家级|省级|市级|县级|区级|地市级)(?:以上|及以上)?)?");

	/** 其中省级2家 after 市级以上龙头企业10家: the grade of the same noun (省级龙头企业). */
	static String ofGrade(String grade, String previousName) {
		if (!GRADE_ONLY.matcher(grade).matches() || previousName == null) {
			return grade;
		}
		return grade + LEADING_GRADE.matcher(previousName).replaceFirst("");
	}

	/** Whether a name is only a generic head whose subject the sentence left out (总量达到390个: the 总量 of what came before). */
	static boolean isElliptical(String name) {
		return name.length() <= 3 && name.matches("总量|总数|数量|规模|面积|比重|比例|占比|总额|总值|合格率|覆盖率|达标率|普及率|增长率|满意度");
	}

}
