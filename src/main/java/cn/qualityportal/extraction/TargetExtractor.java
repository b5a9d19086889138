package cn.qualityportal.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.qualityportal.extraction.Extraction.ProposedTarget;
import cn.qualityportal.extraction.Extraction.Qualitative;
import cn.qualityportal.extraction.Quantities.Quantity;
import org.springframework.stereotype.Component;

/**
 * Finds the numeric targets of a quality-programme document. A pipeline of stages, each readable
 * and tested on its own, written from the language of such documents and not from any one text:
 * <ol>
 * <li>{@link NormalizedText}: full-width forms, Traditional script and pinyin leftovers folded, with
 * the way back to the original offsets;</li>
 * <li>{@link Clauses}: lines, sentences, clauses and top-level headings; beside it {@link FlattenedTables}: goals tables
 * flattened to text, one target per row and target column;</li>
 * <li>{@link DeadlineScopes}: the deadline governing each position, and the stretches that report results;</li>
 * <li>{@link Quantities}: numbers with unit, range and suffix, and the comparison their verb states;</li>
 * <li>{@link Naming}: the indicator's name before the verb, after a count, or of a share;</li>
 * <li>{@link ListDistribution}: one target per item of 均/分别/各 and bare 、 lists;</li>
 * <li>{@link NonTargets}: structure counts, thresholds inside names, batch make-up, baselines, page chrome.</li>
 * </ol>
 * This class runs the stages over each sentence and turns what they find into proposals.
 */
@Component
public class TargetExtractor {

	/** Words that mark a count as an addition (新增30个, 新制修订…30项). */
	private static final Pattern INCREMENT = Pattern.compile("新增|净增|新建|新制定|新制订|新制修订|新修订|新认定|新培育|新创建|新引进");

	/** Other verbs that end the reach of a preceding 新增 (the second group only where they lead a clause). */
	private static final Pattern OTHER_LEAD_VERB = Pattern
		.compile("公开|培育|推动|创建|建成|打造|争创|扶持|开展|制订|制定|主导|树立|实施|完成|形成|达到|提高|提升|稳定|"
				+ "[,;]\\s*(?:修订|制修订|确保|争取|建立|实现|引进|认定|评选|发布|获得|通过|申报|参与|在)");

	/** Verbs that start the clause of a count rather than its noun (培育10个品牌、打造…). */
	private static final Pattern LEAD_VERB = Pattern.compile("^(?:培育|打造|建设|建成|创建|推动|开展|实施|完成|形成|引进|争创|新增|确保|力争)");

	/** Where an elliptical clause's subject ends in the clause before it (…生产规模进一步扩大, 总量达到…). */
	private static final Pattern PREDICATE_START = Pattern.compile("进一步|不断|持续|稳步|明显|显著|大幅|达到|实现|扩大|提高|提升|增加|保持");

	/** Verbs of a task that spreads something (推动企业导入…), whose object an elliptical rate after it measures. */
	private static final Pattern TASK_LEAD = Pattern.compile("^\\s*(?:积极|大力|全面)?(?:推动|推进|引导|鼓励|督促|支持|指导|组织)");

	/** 新增 belongs to the increment flag, not to the name (全市新增“老字号”企业 → 全市“老字号”企业). */
	private static final Pattern LEADING_INCREMENT = Pattern.compile("^((?:全|我|本)?(?:省|市|区|县)?)(?:将|要)?(?:新增|净增)");

	private static final Pattern RATE_HEAD = Pattern.compile("(率|度|指数|比重|比例|占比)$");

	public Extraction extract(String original) {
		NormalizedText normalized = NormalizedText.of(original);
		String text = normalized.text();
		DeadlineScopes scopes = DeadlineScopes.of(text);
		List<ProposedTarget> targets = new ArrayList<>();
		List<Qualitative> qualitative = new ArrayList<>();
		FlattenedTables.Tables tables = FlattenedTables.in(text, scopes);
		for (Clauses.Span line : Clauses.lines(text)) {
			if (tables.covers(line.start())) {
				// A row of a goals table flattened to text: its cells say what its words would not.
				for (FlattenedTables.Cell cell : tables.cells()) {
					if (cell.quoteStart() >= line.start() && cell.quoteStart() < line.end()) {
						add(targets, normalized, cell.indicator(), cell.comparator(), new Quantity(cell.valueStart(), cell.valueEnd(),
								cell.value(), cell.valueMax(), cell.unit(), ""), cell.year(), false, cell.quoteStart(), cell.valueEnd());
					}
				}
				continue;
			}
			for (Clauses.Span sentence : Clauses.sentences(text, line.start(), line.end())) {
				targetsIn(normalized, scopes, line, sentence, targets);
				trendsIn(normalized, scopes, sentence.start(), sentence.end(), qualitative);
			}
		}
		return new Extraction(DocumentMetadataReader.read(text), targets, qualitative);
	}

	private void targetsIn(NormalizedText normalized, DeadlineScopes scopes, Clauses.Span line, Clauses.Span sentence,
			List<ProposedTarget> targets) {
		String text = normalized.text();
		int start = sentence.start();
		int end = sentence.end();
		List<Quantity> all = Quantities.in(text, start, end);
		List<Quantity> values = new ArrayList<>();
		for (Quantity quantity : all) {
			if (!scopes.isReport(quantity.start()) && !NonTargets.excluded(text, start, quantity, all)) {
				values.add(quantity);
			}
		}
		int previousEnd = start;
		String previousName = null;
		for (int v = 0; v < values.size(); v++) {
			Quantity value = values.get(v);
			// Overlapping numbers (found by fuzzing: "%('%02%('02%1") must not make the clause end before it starts.
			int clauseStart = Math.min(value.start(), Math.max(previousEnd, Clauses.clauseStart(text, start, value.start())));
			String before = text.substring(clauseStart, value.start()).stripTrailing();
			Matcher verb = Quantities.VERB_BEFORE.matcher(before);
			boolean hasVerb = verb.find();
			String verbText = hasVerb ? verb.group() : "";
			String distributor = hasVerb ? verb.group(1) : null;
			if (!hasVerb && before.endsWith("各")) {
				// A、B各50家: 各 alone shares the value.
				verbText = "各";
				distributor = "各";
			}
			String subject = before.substring(0, before.length() - verbText.length());
			int subjectEnd = clauseStart + subject.length();
			String context = text.substring(Math.max(start, value.start() - 12), value.start());
			Integer year = scopes.yearAt(value.start());
			boolean increment = isIncrement(text, start, value);

			if ("均".equals(distributor) || "都".equals(distributor) || "各".equals(distributor)) {
				String comparator = Quantities.comparator(verbText, value, context);
				List<ListDistribution.Item> items = ListDistribution.items(text, clauseStart, subjectEnd, 0, true);
				if (items.isEmpty()) {
					add(targets, normalized, Naming.subject(subject), comparator, value, year, increment,
							quoteStart(text, clauseStart, subjectEnd), value.end());
				}
				for (ListDistribution.Item item : items) {
					add(targets, normalized, item.name(), comparator, value, year, increment, item.start(), value.end());
				}
				previousEnd = value.end();
				continue;
			}
			if ("分别".equals(distributor)) {
				List<Quantity> listed = ListDistribution.listedValues(text, values, v);
				Quantity last = listed.get(listed.size() - 1);
				List<ListDistribution.Item> items = ListDistribution.items(text, clauseStart, subjectEnd, listed.size(), true);
				if (items.isEmpty()) {
					add(targets, normalized, Naming.subject(subject), Quantities.comparator(verbText, value, context), value,
							year, increment, quoteStart(text, clauseStart, subjectEnd), value.end());
				}
				for (int i = 0; i < items.size(); i++) {
					Quantity own = listed.get(i);
					// 分别达到97%、96%、95%以上: the suffix written after the last value holds for all.
					Quantity withSuffix = new Quantity(own.start(), own.end(), own.value(), own.valueMax(), own.unit(),
							own.suffix().isEmpty() ? last.suffix() : own.suffix());
					add(targets, normalized, items.get(i).name(), Quantities.comparator(verbText, withSuffix, context), own,
							year, increment, items.get(i).start(), own.end());
				}
				v += listed.size() - 1;
				previousEnd = last.end();
				continue;
			}

			int nounEnd = value.isCount() ? nounEnd(text, value.end(), end) : value.end();
			String comparator = Quantities.comparator(verbText, value, context);
			if (nounEnd > value.end()) {
				// A count followed by a noun names what it counts (建成7个…集聚区, 在6个县开展…试点).
				String name = Naming.countedNoun(text.substring(value.end(), nounEnd)) + sharedTail(text, nounEnd, end);
				previousEnd = nounEnd;
				previousName = name;
				add(targets, normalized, name, comparator, value, year, increment, quoteStart(text, clauseStart, value.start()),
						nounEnd);
				continue;
			}
			previousEnd = value.end();
			String name = Naming.subject(subject);
			int quoteEnd = value.end();
			if (!hasVerb && value.unit().equals("%")) {
				// A share: 药品生产企业100%通过认证, 30%以上的规上企业建立首席质量官制度.
				int clauseEnd = Clauses.clauseEnd(text, value.end(), end);
				String after = text.substring(value.end(), clauseEnd);
				if (Naming.PREDICATE.matcher(after).find()) {
					// 某省出台纲要 三成以上企业将导入…: after a gap the share starts a part of its own (a headline's).
					boolean ownPart = text.substring(clauseStart, value.start()).matches("(?s).*\\p{IsHan}[ \\t]+");
					name = Naming.share(ownPart ? "" : name, after.strip());
					quoteEnd = clauseEnd;
					previousEnd = clauseEnd;
				}
			}
			if (name.endsWith("年均") && verbText.endsWith("增长")) {
				name = name + "增长率"; // 出口额年均增长10%: the growth rate is the indicator
			}
			if (name.isEmpty() && (comparator.endsWith("_by") || hasVerb || subject.strip().matches("其中|(?:其中)?(?:累计|总计|合计|共计|总数|总量|新增|净增)"))) {
				// 新增…企业60家,累计达到150家 / 累计培育…100个,其中新增50个: the total, or the addition, of the same thing.
				// …指数达到88, 比2020年提高2个点: the change of the same indicator.
				// …指数达到88,力争到2035年达到90以上 / 累计培育…200家,新增100家: a verb and value without subject, the same again.
				name = previousSubject(text, line.start(), clauseStart);
			}
			else if (name.endsWith("的") && previousName != null && previousName.lastIndexOf('的') > 0) {
				// …超亿元的品牌企业达到50家,超10亿元的达到10家: a relative clause without its noun takes the noun before.
				name = name + previousName.substring(previousName.lastIndexOf('的') + 1);
			}
			else if (Naming.isElliptical(name)) {
				// …抽检量达到4批次/千人,合格率97%以上: the same programme's 合格率 (抽检 + 合格率).
				name = previousSubject(text, line.start(), clauseStart).replaceAll("(量|数|总数|数量|总量)$", "") + name;
			}
			if (name.isEmpty() || name.length() > 80) {
				continue;
			}
			if (!hasVerb || distributor == null) {
				// A bare list sharing one rate: 主要工业产品、日用消费品质量…合格率94%以上 (not 等 lists or compounds such as 无害化、资源化处理率).
				String words = text.substring(clauseStart, subjectEnd);
				if (words.indexOf('、') >= 0 && !words.contains("等") && !words.contains("(") && quoteEnd == value.end() && !name.endsWith("年均增长率") && RATE_HEAD.matcher(name).find()
						&& !words.matches("(?s).*化、.*")) {
					List<ListDistribution.Item> items = ListDistribution.items(text, clauseStart, subjectEnd, 0, false);
					if (!items.isEmpty()) {
						for (ListDistribution.Item item : items) {
							add(targets, normalized, item.name(), comparator, value, year, increment, item.start(), quoteEnd);
						}
						continue;
					}
				}
			}
			name = Naming.ofGrade(longListHead(name), previousName);
			previousName = name;
			add(targets, normalized, name, comparator, value, year, increment, quoteStart(text, clauseStart, subjectEnd),
					quoteEnd);
		}
	}

	/** 生产销售的蔬菜、水果…等禁用药物的监测合格率: after a long list summed up by 等, the words after it name the rate. */
	private static String longListHead(String name) {
		int etc = name.lastIndexOf('等');
		if (etc > 24 && name.length() - etc - 1 >= 4) {
			return name.substring(etc + 1);
		}
		return name;
	}

	/** Where a value-last target's quote starts: the clause's start after a leading deadline, connectives and spaces. */
	private static int quoteStart(String text, int clauseStart, int subjectEnd) {
		Matcher lead = QUOTE_LEAD.matcher(text).region(clauseStart, subjectEnd);
		int at = clauseStart;
		while (lead.lookingAt() && lead.end() > at) {
			at = lead.end();
			lead.region(at, subjectEnd);
		}
		return at;
	}

	private static final Pattern QUOTE_LEAD = Pattern.compile("\\s+|\\d{1,2}[.、](?!\\d)|\\(\\d{1,2}\\)|(?:到|至|截至|力争到|争取到)?\\s*(?:19|20)\\d{2}\\s*年(?:底|末)?(?:前)?[,]?"
			+ "|(?:和|及|与|以及|并|其中|此外|同时|、|-)");

	private static boolean isIncrement(String text, int sentenceStart, Quantity value) {
		if (!value.isCountOrAmount()) {
			return false;
		}
		String before = text.substring(sentenceStart, value.start());
		if (before.endsWith("增加") || before.endsWith("新增")) {
			return true;
		}
		Matcher marker = INCREMENT.matcher(before);
		int after = -1;
		while (marker.find()) {
			after = marker.end();
		}
		if (after < 0) {
			return false;
		}
		// The reach ends at another verb, or at a clause led by its own verb or placing the count (…,在5个县开展…).
		String reach = before.substring(after);
		return !OTHER_LEAD_VERB.matcher(reach).find();
	}

	/** The end of the noun a count names: to the next delimiter, value or 等; through 、 between joined nouns (国家级、省级…项目). */
	private static final Pattern THRESHOLD_BEFORE = Pattern.compile("(?:超|超过|过|高于|达|在)$");

	private static final Pattern THRESHOLD_IN_NOUN = Pattern.compile("\\d+(?:\\.\\d+)?[万亿千百]*[元吨人户家个台亩]+(?:以上)?的");

	private static int nounEnd(String text, int from, int sentenceEnd) {
		int depth = 0;
		int i = from;
		while (i < sentenceEnd) {
			char c = text.charAt(i);
			if (c == '(' || c == '“') {
				depth++;
			}
			else if ((c == ')' || c == '”') && depth > 0) {
				depth--;
			}
			else if (depth == 0 && Character.isDigit(c) && i > from && THRESHOLD_BEFORE.matcher(text.substring(from, i)).find()
					&& THRESHOLD_IN_NOUN.matcher(text).region(i, sentenceEnd).lookingAt()) {
				// 3—5个产值超50亿元的产业集群: a size threshold inside the counted noun belongs to it.
				Matcher threshold = THRESHOLD_IN_NOUN.matcher(text).region(i, sentenceEnd);
				threshold.lookingAt();
				i = threshold.end();
				continue;
			}
			else if (depth == 0 && c == '、' && i > from && joinsNouns(text, i + 1, sentenceEnd)) {
				// 市级、县级农业标准化示范项目: the item after 、 holds no count of its own.
			}
			else if (depth == 0 && (c == ',' || c == '、' || c == ':' || c == ';' || Character.isDigit(c) && i > from || c == ' ')) {
				break;
			}
			else if (depth == 0 && (text.startsWith("的基础上", i) || text.startsWith("等", i) && i > from)) {
				break;
			}
			i++;
		}
		// A count followed by 以上的… or a verb clause is not a noun (…达98%以上的基础上).
		String noun = text.substring(from, i);
		if (noun.isEmpty() || !Character.isIdeographic(noun.codePointAt(0)) && noun.charAt(0) != '“' || noun.matches("^(和|及|与|或|并|以及).*")) {
			return from;
		}
		return i;
	}

	private static boolean joinsNouns(String text, int from, int sentenceEnd) {
		int to = from;
		while (to < sentenceEnd && ",、:;".indexOf(text.charAt(to)) < 0) {
			if (Character.isDigit(text.charAt(to))) {
				return false;
			}
			to++;
		}
		return to > from && !LEAD_VERB.matcher(text.substring(from, to)).find() && text.substring(from, to).length() >= 2
				&& Quantities.in(text, from, to).isEmpty();
	}

	/** 新增1000家主体、1800个产品入驻平台: the predicate after the last counted noun belongs to every item. */
	private static String sharedTail(String text, int nounEnd, int sentenceEnd) {
		if (nounEnd >= sentenceEnd || text.charAt(nounEnd) != '、') {
			return "";
		}
		int clauseEnd = Clauses.clauseEnd(text, nounEnd, sentenceEnd);
		String rest = text.substring(nounEnd + 1, clauseEnd);
		String[] items = rest.split("、");
		if (items.length == 0) {
			return ""; // 培育3个品牌、、: nothing but separators after the noun
		}
		for (String item : items) {
			if (item.isEmpty() || !Character.isDigit(item.charAt(0))) {
				return "";
			}
		}
		String last = items[items.length - 1];
		Matcher predicate = Naming.PREDICATE.matcher(last);
		return predicate.find() ? last.substring(predicate.start()) : "";
	}

	/** The subject of the clause before an elliptical one: …有机农产品生产规模进一步扩大, 总量达到… gives …生产规模. */
	private static String previousSubject(String text, int lineStart, int clauseStart) {
		int end = clauseStart - 1;
		int from = end;
		String previous = "";
		// Back over clauses that hold only a deadline or an item mark ((二)到2025年:累计达到15家).
		for (int step = 0; step < 3 && previous.isEmpty(); step++) {
			end = from - (step == 0 ? 0 : 1);
			while (end > lineStart && ",;:。 ".indexOf(text.charAt(end - 1)) >= 0) {
				end--;
			}
			if (end <= lineStart) {
				return "";
			}
			from = Math.max(Clauses.clauseStart(text, lineStart, end), text.lastIndexOf('。', end - 1) + 1);
			previous = Naming.subject(text.substring(from, end)).isEmpty() ? "" : text.substring(from, end);
		}
		if (previous.isEmpty()) {
			return "";
		}
		Matcher predicate = PREDICATE_START.matcher(previous);
		if (predicate.find() && predicate.start() > 0) {
			return Naming.subject(previous.substring(0, predicate.start()), false);
		}
		Matcher verb = Quantities.VERB_BEFORE.matcher("");
		for (Quantity quantity : Quantities.in(text, from, end)) {
			String before = text.substring(from, quantity.start()).stripTrailing();
			verb.reset(before);
			return Naming.subject(verb.find() ? before.substring(0, verb.start()) : before, false);
		}
		// 推动规上企业导入先进质量管理方法,覆盖率提高10个百分点: the rate of what the task before it spreads.
		Matcher task = TASK_LEAD.matcher(previous);
		return task.find() ? Naming.subject(previous.substring(task.end()), false) : "";
	}

	private static void add(List<ProposedTarget> targets, NormalizedText normalized, String name, String comparator,
			Quantity value, Integer year, boolean increment, int quoteStart, int quoteEnd) {
		if (name.isEmpty()) {
			return;
		}
		int from = Math.min(quoteStart, value.start());
		int to = Math.max(quoteEnd, value.end());
		int start = normalized.originalStart(from);
		int end = normalized.originalEnd(to);
		String cleanName = LEADING_INCREMENT.matcher(name).replaceFirst("$1");
		targets.add(new ProposedTarget(cleanName.isEmpty() ? name : cleanName, comparator, value.value(), value.valueMax(),
				value.unit(), year, increment && !comparator.endsWith("_by"), normalized.original().substring(start, end),
				start, end));
	}

	// ---- direction-only statements ----

	private void trendsIn(NormalizedText normalized, DeadlineScopes scopes, int start, int end, List<Qualitative> found) {
		String text = normalized.text();
		int clause = start;
		for (int i = start; i <= end; i++) {
			if (i == end || text.charAt(i) == ',' || text.charAt(i) == ':') {
				String part = text.substring(clause, i);
				if (!mayStateATrend(part) || scopes.isReport(clause)) {
					clause = i + 1;
					continue;
				}
				String stripped = part.strip();
				String withoutAnd = AND_STRIVE.matcher(stripped).replaceFirst("");
				Matcher trend = TREND.matcher(withoutAnd);
				if (!VALUE_IN_CLAUSE.matcher(stripped).find() && trend.find()) {
					String subject = Naming.subject(trend.group(1) != null ? trend.group(1) : trend.group(4));
					String verb = trend.group(3) != null ? trend.group(3) : trend.group(5);
					if (!subject.isEmpty() && !TASK_START.matcher(subject).find()) {
						int offset = part.indexOf(withoutAnd);
						int qStart = clause + offset + (withoutAnd.indexOf(subject) >= 0 ? withoutAnd.indexOf(subject) : 0);
						int qEnd = clause + offset + withoutAnd.length();
						int origStart = normalized.originalStart(qStart);
						int origEnd = normalized.originalEnd(qEnd);
						found.add(new Qualitative(subject, DOWN.matcher(verb).matches() ? "down" : "up", scopes.yearAt(qStart),
								normalized.original().substring(origStart, origEnd), origStart, origEnd));
					}
				}
				clause = i + 1;
			}
		}
	}

	private static final Pattern AND_STRIVE = Pattern.compile("并(力争|争取).*$");

	private static final String[] TREND_WORDS = { "进一步", "更加", "明显", "显著", "大幅", "不断", "逐年", "持续", "稳步", "普遍", "全面" };

	/** A cheap test before the pattern below: most clauses hold none of its adverbs. */
	private static boolean mayStateATrend(String clause) {
		for (String word : TREND_WORDS) {
			if (clause.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/** Statements of direction only: 质量基础进一步夯实, 质量损失率大幅下降. */
	private static final Pattern TREND = Pattern.compile("^(.{2,40}?)(进一步|更加|明显|显著|大幅度|大幅|不断|逐年|持续|稳步|普遍|全面)"
			+ "(提升|提高|增强|改善|加强|凸显|夯实|下降|降低|减少|减轻|优化|扩大|显著|完善)$|^(.{2,40}?)(提升|提高|增强|改善|下降|降低)明显$");

	private static final Pattern VALUE_IN_CLAUSE = Pattern.compile("\\d+(?:\\.\\d+)?\\s*(%|‰|个|家|项|只|件|万|亿)");

	private static final Pattern DOWN = Pattern.compile("下降|降低|减少|减轻");

	/** Imperatives (提升…水平, 加强…) are tasks, not statements of where things will be. */
	private static final Pattern TASK_START = Pattern.compile("^(提升|提高|加强|加快|推进|推动|促进|强化|完善|健全|建立|开展|实施|着力|大力|积极|切实|努力|使)");

}
