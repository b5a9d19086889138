package cn.qualityportal.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 3 of the pipeline: which deadline governs each position of the text, and which stretches
 * report results instead of setting goals.
 * <ul>
 * <li>A deadline (到2025年, 力争到2025年, 2025年前, 2022年8月底前, “十四五”末 or 十四五期间, a period
 * 2022—2024年, 用三年时间 from a stated start year, or a bare 2025年 heading a goal) governs what
 * follows it, across sentences, lines and —— items, until another deadline or the next heading
 * of the same or a higher level than the part it stands in (a deadline under 二、主要目标 reaches
 * over (一) and (二); one inside item 4. ends at item 5. or at (四)).</li>
 * <li>A year opening an item with a colon (（一）2026年：…) is that item's deadline, a milestone on the way to a later one.</li>
 * <li>A section whose heading names a review of the past (发展基础, 发展现状, 工作回顾, 主要成效) reports results.</li>
 * <li>In a section whose heading names goals (主要目标), a line without a deadline of its own takes the
 * section's most frequent deadline.</li>
 * <li>A sentence that reports (数据显示, 同比, 较上年, 已经 …) starts a report that runs to the end of
 * its line, the next deadline or a sentence that turns to the coming work (今年, 下一步); 截至2023年底 states
 * what there was at a date, a report like the others; its figures are results, not targets. So does a past plan period
 * (“十三五”期间…累计) in a text that sets a later deadline. A sentence led by a year before the
 * document's deadlines (2023年… in a text whose goals are for 2025) is a report of its own.</li>
 * </ul>
 */
final class DeadlineScopes {

	private static final Pattern DEADLINE = Pattern.compile("(?:到|至|截至|截止到|截止|力争到|争取到|力争在|目标到|计划到)\\s*((?:19|20)\\d{2})\\s*年"
			+ "|(?<![\\d-~])((?:19|20)\\d{2})\\s*年\\s*(?:\\d{1,2}\\s*月?\\s*)?(?:底|末)?\\s*(?:前|以前)"
			+ "|[“\"]?(十[一二三四五六])五[”\"]?\\s*(?:规划)?\\s*(?:期|时期)?\\s*(末|期间|期末|时期)"
			+ "|(?<![\\d(《])((?:19|20)\\d{2})\\s*[-~至到]\\s*((?:19|20)\\d{2})\\s*年(?![)\\d])"
			+ "|用\\s*([一二两三四五六七八九十\\d]{1,2})\\s*年(?:左右)?(?:的)?时间");

	/** A bare year at the head of a clause: 2025年, 制造业…指数达到83. */
	private static final Pattern BARE_YEAR = Pattern.compile("(?<![\\d年月日号-])((?:19|20)\\d{2})\\s*年(?![\\d月度以来内初]|底前|前)");

	private static final Pattern START_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年\\s*(?:起|开始)");

	/** Words of a report of results (searched with indexOf: faster than a pattern of alternatives). */
	private static final String[] REPORT = { "已经", "已达", "已有", "同比", "比上年", "较上年", "上年度", "近年来", "上一年", "数据显示", "统计显示",
			"监测数据", "获悉", "截至目前", "目前已", "首次进入", "以来" };

	private static final Pattern GOAL_LEAD = Pattern.compile("(?:[一二三四五六七八九十]{1,3}、)?.{0,6}目标|力争|争取|计划|预计|确保|目标是");

	/** The mark of a list item before its words: (一), 1., ①, ——. */
	private static final Pattern ITEM_MARK = Pattern.compile("^(?:\\([一二三四五六七八九十\\d]{1,3}\\)|[一二三四五六七八九十]{1,3}、|\\d{1,2}[.、]|[①-⑳]|-+)\\s*");

	/** A sentence that turns from results to what is to come: 今年, 明年, 下一步, 今后 (not 今年以来, 今年上半年). */
	private static final Pattern GOAL_START = Pattern.compile("\\s*(?:今年|明年|下一步|下阶段|今后)(?!以来|上半年|前|1|一季度)");

	private static final Pattern PAST_WORDS = Pattern.compile("累计|已|取得|先后|共有");

	record Deadline(int at, int year) {
	}

	/** A deadline and where its reach ends. */
	private record Scope(int at, int year, int end) {
	}

	private final List<Scope> scopes;

	private final List<Clauses.Heading> headings;

	private final Map<Integer, Integer> goalSectionYears;

	private final boolean[] report;

	private final String text;

	private DeadlineScopes(String text, List<Scope> scopes, List<Clauses.Heading> headings, Map<Integer, Integer> goalSectionYears,
			boolean[] report) {
		this.text = text;
		this.scopes = scopes;
		this.headings = headings;
		this.goalSectionYears = goalSectionYears;
		this.report = report;
	}

	static DeadlineScopes of(String text) {
		List<Clauses.Heading> headings = Clauses.headings(text);
		// A section that reviews the past (一、发展基础, 二、2023年工作回顾) reports results, whatever years it names.
		List<Clauses.Span> reviews = new ArrayList<>();
		for (Clauses.Heading heading : headings) {
			if (heading.review()) {
				reviews.add(new Clauses.Span(heading.start(), sectionEnd(headings, heading, text.length())));
			}
		}
		List<Deadline> written = explicitDeadlines(text).stream().filter(deadline -> !inside(reviews, deadline.at())).toList();
		int latest = written.stream().mapToInt(Deadline::year).max().orElse(Integer.MIN_VALUE);
		// A plan period before the text's last deadline whose sentence tells what was done (累计, 已) is the past.
		List<Deadline> explicit = new ArrayList<>();
		List<Deadline> pastPeriods = new ArrayList<>();
		for (Deadline deadline : written) {
			int sentenceEnd = text.indexOf('。', deadline.at());
			String rest = text.substring(deadline.at(), sentenceEnd < 0 ? text.length() : sentenceEnd);
			boolean past = deadline.year() < latest && isPeriod(text, deadline.at()) && PAST_WORDS.matcher(rest).find();
			// 截至2023年底,全市已有…: the state at a date, a report, unless the text's goals are for that very date.
			past |= text.startsWith("截", deadline.at()) && (deadline.year() < latest || reports(rest));
			(past ? pastPeriods : explicit).add(deadline);
		}
		int earliest = explicit.stream().mapToInt(Deadline::year).min().orElse(Integer.MAX_VALUE);
		boolean[] report = new boolean[text.length() + 1];
		List<Deadline> deadlines = new ArrayList<>();
		for (Clauses.Span line : Clauses.lines(text)) {
			boolean reporting = false;
			for (Clauses.Span sentence : Clauses.sentences(text, line.start(), line.end())) {
				String words = sentence.of(text);
				List<Deadline> inSentence = new ArrayList<>();
				for (Deadline deadline : explicit) {
					if (deadline.at() >= sentence.start() && deadline.at() < sentence.end()) {
						inSentence.add(deadline);
					}
				}
				boolean pastPeriod = pastPeriods.stream()
					.anyMatch(period -> period.at() >= sentence.start() && period.at() < sentence.end());
				Matcher bare = BARE_YEAR.matcher(text).region(sentence.start(), sentence.end());
				boolean pastYearLeads = false;
				while (bare.find()) {
					if (!leadsClause(text, sentence.start(), bare.start()) || coveredBy(inSentence, bare.start())
							|| inside(reviews, bare.start())) {
						continue;
					}
					int year = Integer.parseInt(bare.group(1));
					// (一)2026年:…;(二)2027年:… a year opening an item with a colon is a milestone, even before a later deadline.
					if (year >= earliest || isMilestone(text, bare.end())) {
						inSentence.add(new Deadline(bare.start(), year));
					}
					else {
						// 会议通报,2020年全市…为95.1%,全年新增…: a past year leading any clause reports the sentence.
						pastYearLeads = true;
					}
				}
				if (!inSentence.isEmpty()) {
					inSentence.sort((a, b) -> a.at() - b.at());
					deadlines.addAll(inSentence);
					// A report before the deadline within the sentence stays a report; what follows sets goals.
					if (reporting || reports(text.substring(sentence.start(), inSentence.get(0).at()))) {
						mark(report, sentence.start(), inSentence.get(0).at());
					}
					reporting = false;
					continue;
				}
				if (GOAL_START.matcher(words).lookingAt()) {
					// 今年,全区将新增…: a sentence about this year's or the coming work ends the report before it.
					reporting = false;
				}
				if (pastPeriod || reports(words)) {
					reporting = true;
				}
				// A sentence led by a past year reports only itself; words of a report carry to the line's end.
				if (reporting || pastYearLeads) {
					mark(report, sentence.start(), sentence.end());
				}
			}
		}
		for (Clauses.Span review : reviews) {
			mark(report, review.start(), review.end());
		}
		deadlines.sort((a, b) -> a.at() - b.at());
		List<Scope> scopes = new ArrayList<>();
		for (Deadline deadline : deadlines) {
			scopes.add(new Scope(deadline.at(), deadline.year(), reachEnd(headings, deadline.at(), text.length())));
		}
		return new DeadlineScopes(text, scopes, headings, goalSectionYears(text, headings, deadlines), report);
	}

	/** Where the section under {@code heading} ends: at the next heading of the same or a higher level. */
	private static int sectionEnd(List<Clauses.Heading> headings, Clauses.Heading heading, int textEnd) {
		for (Clauses.Heading next : headings) {
			if (next.start() > heading.start() && next.level() <= heading.level()) {
				return next.start();
			}
		}
		return textEnd;
	}

	private static boolean inside(List<Clauses.Span> spans, int at) {
		for (Clauses.Span span : spans) {
			if (at >= span.start() && at < span.end()) {
				return true;
			}
		}
		return false;
	}

	/** A year followed by a colon opens the goals of that year (2026年:…). */
	private static boolean isMilestone(String text, int yearEnd) {
		int at = yearEnd;
		while (at < text.length() && text.charAt(at) == ' ') {
			at++;
		}
		return at < text.length() && text.charAt(at) == ':';
	}

	/** The next heading of the same or a higher level than the one the position stands under. */
	private static int reachEnd(List<Clauses.Heading> headings, int at, int textEnd) {
		int level = 1;
		for (Clauses.Heading heading : headings) {
			if (heading.start() > at) {
				if (heading.level() <= level) {
					return heading.start();
				}
			}
			else {
				level = heading.level();
			}
		}
		return textEnd;
	}

	static boolean reports(String words) {
		for (String word : REPORT) {
			if (words.contains(word)) {
				return true;
			}
		}
		return false;
	}

	private static void mark(boolean[] report, int from, int to) {
		for (int i = from; i < to; i++) {
			report[i] = true;
		}
	}

	private static boolean isPeriod(String text, int at) {
		int end = Math.min(text.length(), at + 12);
		return text.substring(at, end).contains("期间");
	}

	private static boolean coveredBy(List<Deadline> deadlines, int at) {
		return deadlines.stream().anyMatch(deadline -> Math.abs(deadline.at() - at) <= 4);
	}

	/** A year heads a clause when only a connective or nothing stands between the clause's start and it. */
	private static boolean leadsClause(String text, int sentenceStart, int at) {
		int clause = Clauses.clauseStart(text, sentenceStart, at);
		String before = ITEM_MARK.matcher(text.substring(clause, at).strip()).replaceFirst("");
		return before.isEmpty() || GOAL_LEAD.matcher(before).matches();
	}

	/** Deadlines written with a marker (到, 前, 末, 期间, a period, 用N年时间 from a start year), in order. */
	static List<Deadline> explicitDeadlines(String text) {
		List<Deadline> deadlines = new ArrayList<>();
		Matcher matcher = DEADLINE.matcher(text).useTransparentBounds(true);
		int from = 0;
		while (true) {
			// Every deadline holds 年 or 五 (of 十四五): look only near them, far faster than trying the pattern everywhere.
			int anchor = nextAnchor(text, from);
			if (anchor < 0) {
				break;
			}
			matcher.region(Math.max(from, anchor - 12), Math.min(text.length(), anchor + 8));
			if (!matcher.find()) {
				from = anchor + 1;
				continue;
			}
			from = matcher.end();
			Integer year = null;
			if (matcher.group(1) != null) {
				year = Integer.parseInt(matcher.group(1));
			}
			else if (matcher.group(2) != null) {
				year = Integer.parseInt(matcher.group(2));
			}
			else if (matcher.group(3) != null) {
				// 十一五 ends 2010, 十二五 2015, 十三五 2020, 十四五 2025, 十五五 2030.
				year = 2010 + 5 * "一二三四五六".indexOf(matcher.group(3).charAt(1));
			}
			else if (matcher.group(5) != null) {
				year = Integer.parseInt(matcher.group(6));
			}
			else if (matcher.group(7) != null) {
				// 从2024年起用三年时间 or 用三年时间, 从2024年起: the start year stands just before or after.
				Matcher start = START_YEAR.matcher(text)
					.region(Math.max(0, matcher.start() - 20), Math.min(text.length(), matcher.end() + 12));
				if (start.find()) {
					year = Integer.parseInt(start.group(1)) + ChineseNumbers.parse(matcher.group(7)).intValue() - 1;
				}
			}
			if (year != null) {
				deadlines.add(new Deadline(matcher.start(), year));
			}
		}
		return deadlines;
	}

	private static int nextAnchor(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '年' || c == '五') {
				return i;
			}
		}
		return -1;
	}

	private static Map<Integer, Integer> goalSectionYears(String text, List<Clauses.Heading> headings, List<Deadline> deadlines) {
		Map<Integer, Integer> years = new HashMap<>();
		List<Clauses.Heading> top = headings.stream().filter(heading -> heading.level() == 1).toList();
		for (int h = 0; h < top.size(); h++) {
			if (!top.get(h).goals()) {
				continue;
			}
			int from = top.get(h).start();
			int to = h + 1 < top.size() ? top.get(h + 1).start() : text.length();
			Map<Integer, Integer> counts = new HashMap<>();
			deadlines.stream().filter(d -> d.at() >= from && d.at() < to).forEach(d -> counts.merge(d.year(), 1, Integer::sum));
			counts.entrySet()
				.stream()
				.min((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey() - b.getKey() : b.getValue() - a.getValue())
				.ifPresent(usual -> years.put(from, usual.getKey()));
		}
		return years;
	}

	/**
	 * The deadline governing position {@code at}, or null: one written before it in its own line; else,
	 * in a goals section, the section's usual deadline (its 总体目标 may also name a far vision year);
	 * else the deadline whose reach covers it.
	 */
	Integer yearAt(int at) {
		int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
		Integer carried = null;
		Integer sameLine = null;
		for (Scope scope : scopes) {
			if (scope.at() > at) {
				break;
			}
			if (at < scope.end()) {
				carried = scope.year();
			}
			if (scope.at() >= lineStart) {
				sameLine = scope.year();
			}
		}
		if (sameLine != null) {
			return sameLine;
		}
		Integer usual = goalSectionYears.get(sectionStart(at));
		return usual != null ? usual : carried;
	}

	/** Whether position {@code at} lies in a stretch that reports results. */
	boolean isReport(int at) {
		return at >= 0 && at < report.length && report[at];
	}

	private int sectionStart(int at) {
		int start = -1;
		for (Clauses.Heading heading : headings) {
			if (heading.start() > at) {
				break;
			}
			if (heading.level() == 1) {
				start = heading.start();
			}
		}
		return start;
	}

}
