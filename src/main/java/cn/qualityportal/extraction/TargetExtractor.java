package cn.qualityportal.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.qualityportal.extraction.Extraction.ProposedTarget;
import cn.qualityportal.extraction.Extraction.Qualitative;
import org.springframework.stereotype.Component;

/**
 * Finds the numeric targets of a quality-programme document. The rules follow the language of
 * such texts, not any one document:
 * <ul>
 * <li>a target is a number with a unit (%, ‰, 百分点, a measure word, an amount) or an index value,
 * named by the noun phrase before its verb (合格率达到95%) or, for counts, the noun after it
 * (培育2-3家服务业标准化试点);</li>
 * <li>the verb and suffix give the comparison (达到/以上 ≥, 超过 &gt;, 不高于/以内 ≤, 左右 ≈, 2-3 range,
 * 提高…百分点 increase_by …);</li>
 * <li>A、B、C均达到X and A、B分别达到X、Y give one target per item, each with its own name;</li>
 * <li>新增 marks increments for the counts after it until another verb takes over;</li>
 * <li>a deadline (到2020年, 2020年前, “十三五”末) governs what follows it in its paragraph; in a goals
 * section, paragraphs without one take the section's usual deadline; elsewhere there is none;</li>
 * <li>years, document numbers, ordinals, grades (5A级), historical facts and counts that describe
 * the document itself (29项具体任务) are not targets.</li>
 * </ul>
 */
@Component
public class TargetExtractor {

	private static final String CJK = "\\p{IsHan}";

	/** A number, optionally a range, then what it counts. */
	private static final Pattern VALUE = Pattern.compile("(?<![\\d.A-Za-z第〔\\[])(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]{1,4})"
			+ "(?:\\s*[-~至到]\\s*(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十]{1,3}))?\\s*"
			+ "(个百分点|百分点|%|‰|万亩|亩|亿元|万元|元|万吨|吨|公顷|万人次|人次|万人|个|只|件|项|家|名|所|座|处|条|户|款)?"
			+ "(以上|以下|以内|左右)?");

	private static final String COUNT_UNITS = "个只件项家名所座处条户款";

	/** Verbs (and their 均/分别 forms) that stand right before a value. Longest first. */
	private static final Pattern VERB_BEFORE = Pattern.compile("(均|分别|都)?(稳定在|保持在|维持在|控制在|达到|提高到|提升到|增加到|增长到|上升到|"
			+ "提高至|提升至|增至|升至|降低到|降低至|降至|下降到|下降至|减少到|减少至|不低于|不少于|不高于|不超过|不大于|超过|高于|大于|"
			+ "低于|少于|小于|提高|提升|增加|增长|上升|下降|降低|减少|新增|净增|达|约为|约|为|保持|在)$");

	/** A deadline that governs what follows it. */
	private static final Pattern DEADLINE = Pattern
		.compile("(?:到|至|截至|截止到|截止|力争到|争取到|力争在|力争)\\s*((?:19|20)\\d{2})\\s*年|((?:19|20)\\d{2})\\s*年(?:底)?(?:前|以前)|“?(十[二三四五])五”?(?:期|时期)?(?:末|期间)");

	private static final Pattern ANY_YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d{2}\\s*年(?![\\d度])");

	private static final Pattern SECTION_HEADING = Pattern.compile("^\\s*[一二三四五六七八九十]{1,3}[、.]");

	/** Words that open a noun phrase but do not belong to the indicator's name. */
	private static final Pattern LEADING_NOISE = Pattern.compile("^(?:到|至|截至|力争到|争取到)?\\s*(?:19|20)\\d{2}\\s*年(?:底|末)?(?:前)?|"
			+ "^(?:和|及|与|以及|并|并且|同时|其中|力争|争取|确保|努力|全面|进一步|使|实现|在|对|有|每年|年均|累计|继续|推动建设|扶持建设|"
			+ "推动|扶持|支持|新增|净增|创建|建成|建设|培育出|培育|争创|打造|树立|开展|完成|引进|形成|获得|创成|确保|要)");

	/** Verbs after which a count names what it counts (建成7个…集聚区). */
	private static final Pattern COUNT_VERB_AT_END = Pattern.compile("(?:新增|净增|创建|建成|建设|培育出|培育|争创|打造|树立|引进|形成|获得|"
			+ "创成|认定|扶持|支持|推动|发展|实施|评选|选树|命名|遴选|选出|设立|组建|开设)$");

	/** Other verbs that end the reach of a preceding 新增. */
	private static final Pattern OTHER_LEAD_VERB = Pattern
		.compile("公开|培育|推动|创建|建成|打造|争创|扶持|开展|制订|制定|主导|树立|实施|完成|形成|达到|提高|提升|稳定");

	/** Counts that describe the document or the work, not an outcome. */
	private static final Pattern STRUCTURAL_NOUN = Pattern
		.compile("^(?:具体|主要|重点)?(?:任务|工作|措施|举措|方面|环节|内容|条款|意见|工程|行动|战略|体系|部分|原则|机制)(?:$|[,、])");

	/** Statements of direction only: 质量基础进一步夯实, 质量损失率大幅下降. */
	private static final Pattern TREND = Pattern.compile("^(.{2,40}?)(进一步|更加|明显|显著|大幅度|大幅|不断|逐年|持续|稳步|普遍|全面)"
			+ "(提升|提高|增强|改善|加强|凸显|夯实|下降|降低|减少|减轻|优化|扩大|显著|完善)$|^(.{2,40}?)(提升|提高|增强|改善|下降|降低)明显$");

	/** Where the head shared by the items of a list begins in its last item. */
	private static final Pattern SHARED_HEAD = Pattern.compile("食品|抽检|抽查|监督|监测|检测|检验|合格率|满意度|满意率|覆盖率|达标率|普及率|"
			+ "优良率|知晓率|发放率|备案率|增长率|比重|比例|占比|工作|服务|质量");

	private static final Pattern INNER_COMPARISON = Pattern.compile("不低于|不少于|不高于|不超过|不大于|超过|高于|低于|控制在");

	private static final Pattern HISTORICAL = Pattern.compile("已经|同比|比上年|较上年|上年度|近年来|上一年");

	public Extraction extract(String original) {
		NormalizedText normalized = NormalizedText.of(original);
		String text = normalized.text();
		List<Paragraph> paragraphs = paragraphs(text);
		List<ProposedTarget> targets = new ArrayList<>();
		List<Qualitative> qualitative = new ArrayList<>();
		for (Paragraph paragraph : paragraphs) {
			for (int[] sentence : sentences(text, paragraph.start(), paragraph.end())) {
				targetsIn(normalized, paragraph, sentence[0], sentence[1], targets);
				trendsIn(normalized, paragraph, sentence[0], sentence[1], qualitative);
			}
		}
		return new Extraction(DocumentMetadataReader.read(text), targets, qualitative);
	}

	// ---- paragraphs, sections and deadlines ----

	record Paragraph(int start, int end, Integer sectionYear, List<int[]> deadlines) {

		/** The deadline governing position {@code at}: the last one before it, else the section's. */
		Integer yearAt(int at) {
			Integer year = null;
			for (int[] deadline : deadlines) {
				if (deadline[0] <= at) {
					year = deadline[1];
				}
			}
			return year != null ? year : sectionYear;
		}

	}

	private static List<Paragraph> paragraphs(String text) {
		List<int[]> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == '\n') {
				if (i > start) {
					lines.add(new int[] { start, i });
				}
				start = i + 1;
			}
		}
		// Sections: a heading 一、二、… starts one; goal sections give their usual deadline to paragraphs without one.
		List<Integer> sectionOf = new ArrayList<>();
		List<Boolean> goalSection = new ArrayList<>();
		int section = 0;
		goalSection.add(false);
		for (int[] line : lines) {
			String content = text.substring(line[0], line[1]);
			if (SECTION_HEADING.matcher(content).find() && content.length() < 40) {
				section++;
				goalSection.add(content.contains("目标"));
			}
			sectionOf.add(section);
		}
		Map<Integer, Map<Integer, Integer>> yearCounts = new HashMap<>();
		List<List<int[]>> deadlinesOf = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			List<int[]> deadlines = deadlines(text, lines.get(i)[0], lines.get(i)[1]);
			deadlinesOf.add(deadlines);
			for (int[] deadline : deadlines) {
				yearCounts.computeIfAbsent(sectionOf.get(i), s -> new HashMap<>()).merge(deadline[1], 1, Integer::sum);
			}
		}
		List<Paragraph> paragraphs = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			int s = sectionOf.get(i);
			Integer sectionYear = goalSection.get(s) ? usualYear(yearCounts.get(s)) : null;
			paragraphs.add(new Paragraph(lines.get(i)[0], lines.get(i)[1], sectionYear, deadlinesOf.get(i)));
		}
		return paragraphs;
	}

	private static Integer usualYear(Map<Integer, Integer> counts) {
		if (counts == null || counts.isEmpty()) {
			return null;
		}
		return counts.entrySet()
			.stream()
			.sorted((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey() - b.getKey() : b.getValue() - a.getValue())
			.findFirst()
			.map(Map.Entry::getKey)
			.orElse(null);
	}

	/** Deadlines in a span as {position, year}. */
	private static List<int[]> deadlines(String text, int start, int end) {
		List<int[]> deadlines = new ArrayList<>();
		Matcher matcher = DEADLINE.matcher(text).region(start, end);
		while (matcher.find()) {
			int year;
			if (matcher.group(1) != null) {
				year = Integer.parseInt(matcher.group(1));
			}
			else if (matcher.group(2) != null) {
				year = Integer.parseInt(matcher.group(2));
			}
			else {
				// 十二五 ends 2015, 十三五 2020, 十四五 2025, 十五五 2030.
				year = 2015 + 5 * "二三四五".indexOf(matcher.group(3).charAt(1));
			}
			deadlines.add(new int[] { matcher.start(), year });
		}
		return deadlines;
	}

	/** Sentences of a paragraph as {start, end}, split at 。；;！？. */
	private static List<int[]> sentences(String text, int start, int end) {
		List<int[]> sentences = new ArrayList<>();
		int from = start;
		int depth = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
			if (depth == 0 && (c == '。' || c == ';' || c == '!' || c == '?')) {
				if (i > from) {
					sentences.add(new int[] { from, i });
				}
				from = i + 1;
			}
		}
		if (end > from) {
			sentences.add(new int[] { from, end });
		}
		return sentences;
	}

	// ---- targets ----

	private record Value(int start, int end, BigDecimal value, BigDecimal valueMax, String unit, String suffix,
			int numberEnd) {
	}

	private void targetsIn(NormalizedText normalized, Paragraph paragraph, int start, int end,
			List<ProposedTarget> targets) {
		String text = normalized.text();
		String sentence = text.substring(start, end);
		if (HISTORICAL.matcher(sentence).find() || startsWithPastYear(sentence, paragraph)) {
			return;
		}
		List<Value> values = values(text, start, end);
		int previousEnd = start;
		int increment = -1;
		for (int v = 0; v < values.size(); v++) {
			Value value = values.get(v);
			// Overlapping numbers (found by fuzzing: "%('%02%('02%1") must not make the clause end before it starts.
			int clauseStart = Math.min(value.start(), Math.max(previousEnd, clauseStart(text, start, value.start())));
			String before = text.substring(clauseStart, value.start()).stripTrailing();
			Matcher verb = VERB_BEFORE.matcher(before);
			String verbText = verb.find() ? verb.group() : "";
			String subject = before.substring(0, before.length() - verbText.length());
			int newAt = text.lastIndexOf("新增", value.start());
			int netAt = text.lastIndexOf("净增", value.start());
			increment = Math.max(newAt, netAt) >= start ? Math.max(newAt, netAt) : -1;

			if (verb.find(0) && verb.group(1) != null && (verb.group(1).equals("均") || verb.group(1).equals("都"))) {
				previousEnd = enumerate(normalized, paragraph, clauseStart, subject, verb, value, List.of(value),
						increment, targets);
				continue;
			}
			if (verb.find(0) && "分别".equals(verb.group(1))) {
				List<Value> listed = listedValues(text, values, v);
				previousEnd = enumerate(normalized, paragraph, clauseStart, subject, verb, value, listed, increment,
						targets);
				v += listed.size() - 1;
				continue;
			}
			boolean count = !value.unit().isEmpty() && COUNT_UNITS.indexOf(value.unit().charAt(0)) >= 0
					&& value.unit().length() == 1;
			String cleanSubject = clean(subject);
			int nounEnd = nounEnd(text, value.end(), end);
			// A count followed by a noun names what it counts (建成7个…集聚区, 东兴、防城、上思3个…示范县).
			boolean countFirst = count && nounEnd > value.end();
			String name;
			int quoteStart;
			int quoteEnd;
			if (countFirst) {
				name = cleanNoun(text.substring(value.end(), nounEnd));
				if (STRUCTURAL_NOUN.matcher(name).find()) {
					previousEnd = nounEnd;
					continue;
				}
				quoteStart = subjectStart(text, clauseStart, value.start());
				quoteEnd = nounEnd;
			}
			else {
				if (value.unit().isEmpty() && !subject.strip().endsWith("指数") && !cleanSubject.endsWith("指数")) {
					continue;
				}
				name = cleanSubject;
				quoteStart = clauseStart + (subject.length() - subject.stripLeading().length())
						+ leadingNoiseLength(subject.strip());
				quoteEnd = value.end();
			}
			previousEnd = Math.max(value.end(), countFirst ? nounEnd : value.end());
			if (name.isEmpty() || name.length() > 60) {
				continue;
			}
			// A comparison word inside the clause counts when none stands right before the value (不低于本级财政预算的1‰).
			Matcher inner = INNER_COMPARISON.matcher(subject);
			String comparator = comparator(verbText.isEmpty() && inner.find() ? inner.group() : verbText, value);
			boolean isIncrement = increment >= 0 && isCountOrAmount(value.unit()) && !comparator.endsWith("_by")
					&& !OTHER_LEAD_VERB.matcher(text.substring(increment + 2, value.start())).find();
			targets.add(target(normalized, name.replace("新增", "").replace("净增", ""), comparator, value,
					paragraph.yearAt(value.start()), isIncrement, quoteStart, quoteEnd));
		}
	}

	/** The values of a sentence, without years, dates, numbers, ordinals and grades. */
	private static List<Value> values(String text, int start, int end) {
		List<Value> values = new ArrayList<>();
		Matcher matcher = VALUE.matcher(text).region(start, end);
		while (matcher.find()) {
			String number = matcher.group(1);
			String unit = matcher.group(3) == null ? "" : matcher.group(3);
			int numberEnd = matcher.end(2) > 0 ? matcher.end(2) : matcher.end(1);
			char next = numberEnd < text.length() ? text.charAt(numberEnd) : ' ';
			if (Character.isLetter(next) && next < 0x80 || "年月日号〕]时岁周届次级倍".indexOf(next) >= 0 && unit.isEmpty()) {
				continue;
			}
			boolean chinese = !Character.isDigit(number.charAt(0));
			if (chinese && (unit.isEmpty() || COUNT_UNITS.indexOf(unit.charAt(0)) < 0 || unit.length() > 1)) {
				continue;
			}
			// Slogans in quotes (“两个一百年”, “三个代表”) are names, not counts.
			if (chinese && matcher.start() > 0 && "“\"'‘".indexOf(text.charAt(matcher.start() - 1)) >= 0) {
				continue;
			}
			if (unit.isEmpty() && matcher.group(4) == null && !before(text, matcher.start(), start).endsWith("指数")
					&& !VERB_BEFORE.matcher(before(text, matcher.start(), start)).find()) {
				continue;
			}
			if (unit.isEmpty() && !isIndex(text, matcher.start(), start)) {
				continue;
			}
			try {
				BigDecimal value = ChineseNumbers.parse(number);
				BigDecimal max = matcher.group(2) == null ? null : ChineseNumbers.parse(matcher.group(2));
				String normalisedUnit = unit.equals("个百分点") ? "百分点" : unit;
				values.add(new Value(matcher.start(), matcher.end(), value, max, normalisedUnit,
						matcher.group(4) == null ? "" : matcher.group(4), numberEnd));
			}
			catch (NumberFormatException ex) {
				// not a number after all (e.g. 十 alone in a name)
			}
		}
		return values;
	}

	/** An index value stands after 指数 and its verb (制造业质量竞争力指数达到92以上). */
	private static boolean isIndex(String text, int at, int start) {
		String before = before(text, at, start);
		Matcher verb = VERB_BEFORE.matcher(before);
		String stem = verb.find() ? before.substring(0, verb.start()) : before;
		return stem.endsWith("指数");
	}

	private static String before(String text, int at, int start) {
		return text.substring(Math.max(start, at - 30), at);
	}

	/** Where the clause of a value starts: after the last comma, colon or semicolon (outside parentheses). */
	private static int clauseStart(String text, int sentenceStart, int at) {
		int depth = 0;
		for (int i = at - 1; i >= sentenceStart; i--) {
			char c = text.charAt(i);
			if (c == ')') {
				depth++;
			}
			else if (c == '(' && depth > 0) {
				depth--;
			}
			else if (depth == 0 && (c == ',' || c == ':' || c == ';' || c == '\n')) {
				return i + 1;
			}
		}
		return sentenceStart;
	}

	/** The end of the noun a count names: up to the next delimiter, value or 等. */
	private static int nounEnd(String text, int from, int sentenceEnd) {
		int depth = 0;
		int i = from;
		while (i < sentenceEnd) {
			char c = text.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')' && depth > 0) {
				depth--;
			}
			else if (depth == 0 && (c == ',' || c == '、' || c == ':' || c == ';' || Character.isDigit(c) && i > from
					|| c == ' ')) {
				break;
			}
			else if (depth == 0 && (text.startsWith("的基础上", i) || text.startsWith("等", i) && i > from)) {
				break;
			}
			i++;
		}
		// A count followed by 以上的… or a verb clause is not a noun (…达98%以上的基础上).
		String noun = text.substring(from, i);
		if (noun.isEmpty() || !Character.isIdeographic(noun.codePointAt(0)) && noun.charAt(0) != '“'
				|| noun.matches("^(和|及|与|或|并|以及).*")) {
			return from;
		}
		return i;
	}

	private static int subjectStart(String text, int clauseStart, int valueStart) {
		String subject = text.substring(clauseStart, valueStart);
		String stripped = subject.stripLeading();
		int offset = subject.length() - stripped.length();
		Matcher year = Pattern.compile("^(?:到|至|截至|力争到|争取到)?\\s*(?:19|20)\\d{2}\\s*年(?:底|末)?(?:前)?[,]?").matcher(stripped);
		return clauseStart + offset + (year.find() ? year.end() : 0);
	}

	private static int leadingNoiseLength(String subject) {
		String rest = subject;
		int removed = 0;
		Matcher noise = Pattern.compile("^(?:到|至|截至|力争到|争取到)?\\s*(?:19|20)\\d{2}\\s*年(?:底|末)?(?:前)?|^(?:和|及|与|以及|并|其中|在|、)")
			.matcher(rest);
		while (noise.find() && noise.end() > 0) {
			removed += noise.end();
			rest = rest.substring(noise.end());
			noise = noise.pattern().matcher(rest);
		}
		return removed;
	}

	/** The indicator's name from the words before its verb. */
	static String clean(String subject) {
		String name = subject.strip();
		String previous;
		do {
			previous = name;
			Matcher noise = LEADING_NOISE.matcher(name);
			if (noise.find() && noise.end() > 0) {
				name = name.substring(noise.end()).strip();
			}
			name = name.replaceAll("^[、,]+", "");
		}
		while (!name.equals(previous));
		return name.replaceAll("(等|等等|之)$", "").replaceAll("^的", "").strip();
	}

	private static String cleanNoun(String noun) {
		return noun.strip().replaceAll("^(以上|以下)", "").replaceAll("(等|等等)$", "");
	}

	private static String comparator(String verb, Value value) {
		String v = verb.replaceAll("^(均|分别|都)", "");
		if (value.valueMax() != null) {
			return "range";
		}
		boolean change = v.equals("提高") || v.equals("提升") || v.equals("增加") || v.equals("增长") || v.equals("上升");
		boolean fall = v.equals("下降") || v.equals("降低") || v.equals("减少");
		if ((change || fall) && (value.unit().equals("百分点") || value.unit().equals("%"))) {
			return change ? "increase_by" : "decrease_by";
		}
		if (value.suffix().equals("左右") || v.startsWith("约")) {
			return "~";
		}
		if (v.equals("超过") || v.equals("高于") || v.equals("大于")) {
			return ">";
		}
		if (v.equals("低于") || v.equals("少于") || v.equals("小于")) {
			return "<";
		}
		if (value.suffix().equals("以下") || value.suffix().equals("以内") || v.equals("不高于") || v.equals("不超过")
				|| v.equals("不大于") || v.equals("控制在") || v.startsWith("降低") || v.startsWith("降") || v.startsWith("下降")
				|| v.startsWith("减少")) {
			return "<=";
		}
		if (value.suffix().equals("以上")) {
			return ">=";
		}
		if (v.equals("保持") || v.equals("保持在") || v.equals("维持在")) {
			return "=";
		}
		return ">=";
	}

	private static boolean isCountOrAmount(String unit) {
		return !unit.isEmpty() && !unit.equals("%") && !unit.equals("‰") && !unit.equals("百分点");
	}

	/** A sentence that opens with a past year without 到 reports history (2012年, 全市…达到…). */
	private static boolean startsWithPastYear(String sentence, Paragraph paragraph) {
		Matcher year = ANY_YEAR.matcher(sentence);
		if (!year.find() || year.start() > 2) {
			return false;
		}
		String around = sentence.substring(0, Math.min(sentence.length(), year.end() + 2));
		return !DEADLINE.matcher(around).find();
	}

	/** The values listed after 分别: this one and those that follow it separated only by 、 or ,. */
	private static List<Value> listedValues(String text, List<Value> values, int first) {
		List<Value> listed = new ArrayList<>();
		listed.add(values.get(first));
		for (int i = first + 1; i < values.size(); i++) {
			String between = text.substring(values.get(i - 1).end(), values.get(i).start()).strip();
			if (!between.equals("、") && !between.equals(",") && !between.equals("和")) {
				break;
			}
			listed.add(values.get(i));
		}
		return listed;
	}

	/**
	 * A、B、C均达到X (one value) or A、B、C分别达到X、Y、Z (one each): one target per item, named by the
	 * words around the list (群众对 … 工作的满意) and quoted from the item to its value.
	 */
	private int enumerate(NormalizedText normalized, Paragraph paragraph, int clauseStart, String subject,
			Matcher verb, Value first, List<Value> listed, int increment, List<ProposedTarget> targets) {
		String text = normalized.text();
		int subjectStart = clauseStart;
		List<int[]> items = items(text, subjectStart, subjectStart + subject.length());
		Value last = listed.get(listed.size() - 1);
		if (items.size() < 2 || listed.size() > 1 && listed.size() != items.size()) {
			targets.add(target(normalized, clean(subject), comparator(verb.group(), first), first,
					paragraph.yearAt(first.start()), false, subjectStart, first.end()));
			return last.end();
		}
		// The words after the last item belong to every item's name: after 等 (交通等服务的满意度), or the
		// shared head of a last item much longer than the others (水产品 + 抽检合格率).
		int[] lastItem = items.get(items.size() - 1);
		String suffix = text.substring(lastItem[1], subjectStart + subject.length()).replaceAll("^(等|等等)", "");
		String lastText = text.substring(lastItem[0], lastItem[1]);
		int etc = lastText.indexOf('等');
		double othersBeforeLast = items.subList(0, items.size() - 1)
			.stream()
			.mapToInt(item -> item[1] - item[0])
			.average()
			.orElse(0);
		if (etc > 0) {
			suffix = lastText.substring(etc).replaceAll("^(等等|等)", "") + suffix;
			lastItem[1] = lastItem[0] + etc;
		}
		else if (lastText.length() > othersBeforeLast * 1.6 && lastText.length() - othersBeforeLast >= 2) {
			Matcher head = SHARED_HEAD.matcher(lastText);
			int split = head.find(1) ? head.start() : (int) Math.round(othersBeforeLast);
			suffix = lastText.substring(split) + suffix;
			lastItem[1] = lastItem[0] + split;
		}
		// A first item much longer than the others carries words that belong to all (区重点工程…项目 + 施工许可证发放率).
		String prefix = text.substring(subjectStart, items.get(0)[0]);
		int[] firstItem = items.get(0);
		double others = items.subList(1, items.size()).stream().mapToInt(item -> item[1] - item[0]).average().orElse(0);
		int firstLength = firstItem[1] - firstItem[0];
		if (firstLength > others * 1.6 && firstLength - others >= 2) {
			int split = modifierEnd(text.substring(firstItem[0], firstItem[1]), others);
			if (split > 0) {
				prefix = prefix + text.substring(firstItem[0], firstItem[0] + split);
				firstItem[0] += split;
			}
		}
		prefix = clean(prefix.isBlank() ? "" : prefix + "X");
		prefix = prefix.endsWith("X") ? prefix.substring(0, prefix.length() - 1) : "";
		for (int i = 0; i < items.size(); i++) {
			Value value = listed.size() == 1 ? first : listed.get(i);
			int[] item = items.get(i);
			String name = prefix + text.substring(item[0], item[1]).strip() + suffix;
			boolean isIncrement = increment >= 0 && isCountOrAmount(value.unit());
			targets.add(target(normalized, clean(name), comparator(verb.group(), listed.size() == 1 ? first : last),
					value, paragraph.yearAt(value.start()), isIncrement, item[0],
					listed.size() == 1 ? value.end() : value.end()));
		}
		return last.end();
	}

	/** Items of a list separated by 、 (and a final 和/及), outside parentheses, as {start, end}. */
	private static List<int[]> items(String text, int start, int end) {
		List<int[]> items = new ArrayList<>();
		int from = start;
		int depth = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
			if (depth == 0 && c == '、') {
				items.add(new int[] { from, i });
				from = i + 1;
			}
		}
		if (items.isEmpty()) {
			return items;
		}
		String rest = text.substring(from, end);
		int and = Math.max(rest.indexOf('和'), rest.indexOf('及'));
		if (and > 0 && and < rest.length() - 1) {
			items.add(new int[] { from, from + and });
			from = from + and + 1;
		}
		items.add(new int[] { from, end });
		// Leading words of the first item before a year phrase or comma are not the item.
		int[] first = items.get(0);
		String head = text.substring(first[0], first[1]);
		Matcher year = Pattern.compile("(?:19|20)\\d{2}\\s*年(?:底|末)?(?:前)?[,]?").matcher(head);
		if (year.find()) {
			first[0] += year.end();
		}
		return items;
	}

	/** Where the words shared by all items end in the first item: at a word boundary, leaving about {@code length} characters. */
	private static int modifierEnd(String first, double length) {
		int best = -1;
		double bestDistance = Double.MAX_VALUE;
		Matcher boundary = Pattern.compile("(项目|企业|工程|产品|行业|领域|部门|群众|居民|单位|的|对|中)").matcher(first);
		while (boundary.find()) {
			int split = boundary.end();
			if (split >= first.length() - 1) {
				continue;
			}
			double distance = Math.abs(first.length() - split - length);
			if (distance < bestDistance) {
				bestDistance = distance;
				best = split;
			}
		}
		return best;
	}

	private static ProposedTarget target(NormalizedText normalized, String name, String comparator, Value value,
			Integer year, boolean increment, int quoteStart, int quoteEnd) {
		int start = normalized.originalStart(quoteStart);
		int end = normalized.originalEnd(quoteEnd);
		return new ProposedTarget(name, comparator, value.value(), value.valueMax(), value.unit(), year, increment,
				normalized.original().substring(start, end), start, end);
	}

	// ---- direction-only statements ----

	private void trendsIn(NormalizedText normalized, Paragraph paragraph, int start, int end, List<Qualitative> found) {
		String text = normalized.text();
		int clause = start;
		for (int i = start; i <= end; i++) {
			if (i == end || text.charAt(i) == ',' || text.charAt(i) == ':') {
				String part = text.substring(clause, i);
				String stripped = part.strip();
				String withoutAnd = stripped.replaceAll("并(力争|争取).*$", "");
				Matcher trend = TREND.matcher(withoutAnd);
				if (!VALUE_IN_CLAUSE.matcher(stripped).find() && trend.find()) {
					String subject = clean(trend.group(1) != null ? trend.group(1) : trend.group(4));
					String verb = trend.group(3) != null ? trend.group(3) : trend.group(5);
					if (!subject.isEmpty() && !TASK_START.matcher(subject).find()) {
						int offset = part.indexOf(withoutAnd);
						int qStart = clause + offset + (withoutAnd.indexOf(subject) >= 0 ? withoutAnd.indexOf(subject) : 0);
						int qEnd = clause + offset + withoutAnd.length();
						int origStart = normalized.originalStart(qStart);
						int origEnd = normalized.originalEnd(qEnd);
						found.add(new Qualitative(subject, DOWN.matcher(verb).matches() ? "down" : "up",
								paragraph.yearAt(qStart), normalized.original().substring(origStart, origEnd), origStart,
								origEnd));
					}
				}
				clause = i + 1;
			}
		}
	}

	private static final Pattern VALUE_IN_CLAUSE = Pattern.compile("\\d+(?:\\.\\d+)?\\s*(%|‰|个|家|项|只|件|万|亿)");

	private static final Pattern DOWN = Pattern.compile("下降|降低|减少|减轻");

	/** Imperatives (提升…水平, 加强…) are tasks, not statements of where things will be. */
	private static final Pattern TASK_START = Pattern.compile("^(提升|提高|加强|加快|推进|推动|促进|强化|完善|健全|建立|开展|实施|着力|大力|积极|切实|努力|使)");

}
