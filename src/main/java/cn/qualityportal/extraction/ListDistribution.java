package cn.qualityportal.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 6 of the pipeline: one target per item of a list that shares a value (A、B、C均达到X, A和B均在X以上,
 * A、B各50家, a bare A、B…合格率X) or takes one value each (A、B分别达到X、Y). Each item gets its own
 * name: the words shared by all items (a head after the last item, such as 抽检合格率, or a
 * modifier before the first, such as 居民对) are added to every item's own words, and for items
 * that are size thresholds (年产值过100亿元、50亿元的企业集团) the words around the numbers are.
 */
final class ListDistribution {

	/** Where the head shared by the items of a list begins in its last item. */
	private static final Pattern SHARED_HEAD = Pattern.compile("项目|工程|食品|抽检|抽查|监督|监测|检测|检验|合格率|满意度|满意率|覆盖率|达标率|普及率|"
			+ "优良率|知晓率|发放率|备案率|增长率|比重|比例|占比|工作|服务|质量");

	private static final Pattern MEASURE_HEAD = Pattern.compile("(?:抽检|抽查|监测|检测|验收)?(?:满意度|满意率|合格率|覆盖率|达标率|普及率|优良率|"
			+ "知晓率|增长率|占比|比重|比例|指数)$");

	/** A rate of two characters and 率 that names nothing of its own (办结率, 知晓率). */
	private static final Pattern BARE_RATE = Pattern.compile("\\p{IsHan}{2}率");

	private static final Pattern MODIFIER_END = Pattern.compile("(项目|企业|工程|产品|行业|领域|部门|群众|居民|单位|的|对|中|级)");

	private static final Pattern THRESHOLD_ITEM = Pattern.compile("\\d+(?:\\.\\d+)?\\s*[万亿千百]*[元吨人户家个台]*");

	/** One item of a list: its name and where its words start. */
	record Item(String name, int start) {
	}

	private ListDistribution() {
	}

	/**
	 * The items of the list in {@code [start, end)}, named; empty when the words hold no list of
	 * {@code expected} items (any number of at least two when {@code expected} is 0).
	 * {@code splitAnd}: a lone 和/及 also joins two items (A和B均达到…).
	 */
	static List<Item> items(String text, int start, int end, int expected, boolean splitAnd) {
		while (start < end && (text.charAt(start) == '、' || text.charAt(start) == ' ')) {
			start++;
		}
		List<int[]> items = split(text, start, end, splitAnd);
		if (items.size() < 2 || expected > 0 && items.size() != expected) {
			return List.of();
		}
		List<Item> named = thresholdItems(text, items, start, end);
		if (named != null) {
			return named;
		}
		int subjectEnd = end;
		int[] starts = items.stream().mapToInt(item -> item[0]).toArray();
		// The words after the last item belong to every item's name: after 等 (交通等服务的满意度), or the
		// shared head of a last item much longer than the others (水产品 + 抽检合格率).
		int[] lastItem = items.get(items.size() - 1);
		String suffix = text.substring(lastItem[1], subjectEnd).replaceAll("^(等|等等)", "");
		String lastText = text.substring(lastItem[0], lastItem[1]);
		int etc = lastText.indexOf('等');
		double othersBeforeLast = items.subList(0, items.size() - 1).stream().mapToInt(item -> item[1] - item[0]).average().orElse(0);
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
		else {
			// 生产性服务业和生活性服务业满意度: a measure ending only the last item is every item's.
			Matcher head = MEASURE_HEAD.matcher(lastText);
			boolean othersMeasured = items.subList(0, items.size() - 1)
				.stream()
				.anyMatch(item -> MEASURE_HEAD.matcher(text.substring(item[0], item[1])).find());
			if (head.find() && head.start() > 0 && !othersMeasured) {
				suffix = lastText.substring(head.start()) + suffix;
				lastItem[1] = lastItem[0] + head.start();
			}
		}
		// A first item much longer than the others carries words that belong to all (区重点工程…项目 + 施工许可证发放率).
		String prefix = text.substring(start, items.get(0)[0]);
		int[] firstItem = items.get(0);
		double others = items.subList(1, items.size()).stream().mapToInt(item -> item[1] - item[0]).average().orElse(0);
		int firstLength = firstItem[1] - firstItem[0];
		if (firstLength > others * 1.6 && firstLength - others >= 2) {
			String first = text.substring(firstItem[0], firstItem[1]);
			int split = modifierEnd(first, others);
			// 消费者投诉处理率和办结率: the later items are bare rates, so the first item's words before its own rate are every item's.
			boolean bareRates = items.subList(1, items.size()).stream().allMatch(item -> BARE_RATE.matcher(text.substring(item[0], item[1]).strip()).matches());
			if (bareRates && BARE_RATE.matcher(first.substring(first.length() - 3)).matches()) {
				split = first.length() - 3;
			}
			if (split > 0) {
				prefix = prefix + text.substring(firstItem[0], firstItem[0] + split);
				firstItem[0] += split;
			}
		}
		prefix = Naming.subject(prefix.isBlank() ? "" : prefix + "X");
		prefix = prefix.endsWith("X") ? prefix.substring(0, prefix.length() - 1) : "";
		List<Item> result = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			int[] item = items.get(i);
			result.add(new Item(Naming.subject(prefix + text.substring(item[0], item[1]).strip() + suffix), starts[i]));
		}
		return result;
	}

	/** 年产值过100亿元、50亿元的企业集团: the words before the first number and after the last belong to every item. */
	private static List<Item> thresholdItems(String text, List<int[]> items, int start, int end) {
		String first = text.substring(items.get(0)[0], items.get(0)[1]);
		String last = text.substring(items.get(items.size() - 1)[0], end);
		Matcher firstNumber = THRESHOLD_ITEM.matcher(first);
		Matcher lastNumber = THRESHOLD_ITEM.matcher(last);
		if (!firstNumber.find() || firstNumber.end() != first.length() || !lastNumber.lookingAt() || lastNumber.end() == 0) {
			return null;
		}
		String prefix = first.substring(0, firstNumber.start());
		String suffix = last.substring(lastNumber.end());
		List<Item> result = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String words = text.substring(items.get(i)[0], i == items.size() - 1 ? items.get(i)[0] + lastNumber.end() : items.get(i)[1]);
			Matcher number = THRESHOLD_ITEM.matcher(words);
			String value = number.find() ? words.substring(number.start(), number.end()) : words;
			result.add(new Item(Naming.subject(prefix + value + suffix), items.get(i)[0]));
		}
		return result;
	}

	/** Items separated by 、 (and a final 和/及), outside parentheses and quotes, as {start, end}. */
	private static List<int[]> split(String text, int start, int end, boolean splitAnd) {
		List<int[]> items = new ArrayList<>();
		int from = start;
		int depth = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			depth += c == '(' || c == '“' ? 1 : (c == ')' || c == '”') && depth > 0 ? -1 : 0;
			if (depth == 0 && c == '、') {
				items.add(new int[] { from, i });
				from = i + 1;
			}
		}
		String rest = text.substring(from, end);
		int and = Math.max(rest.lastIndexOf('和'), rest.lastIndexOf('及'));
		if ((!items.isEmpty() || splitAnd) && and >= 2 && and < rest.length() - 2) {
			items.add(new int[] { from, from + and });
			from = from + and + 1;
		}
		if (items.isEmpty()) {
			return items;
		}
		items.add(new int[] { from, end });
		return items;
	}

	/** Where the words shared by all items end in the first item: at a word boundary, leaving about {@code length} characters. */
	private static int modifierEnd(String first, double length) {
		int best = -1;
		double bestDistance = Double.MAX_VALUE;
		Matcher boundary = MODIFIER_END.matcher(first);
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

	/** The values listed after 分别: this one and those that follow it separated only by 、 , or 和. */
	static List<Quantities.Quantity> listedValues(String text, List<Quantities.Quantity> values, int first) {
		List<Quantities.Quantity> listed = new ArrayList<>();
		listed.add(values.get(first));
		for (int i = first + 1; i < values.size(); i++) {
			String between = text.substring(values.get(i - 1).end(), values.get(i).start()).strip();
			if (!between.equals("、") && !between.equals(",") && !between.equals("和") && !between.equals("及")) {
				break;
			}
			listed.add(values.get(i));
		}
		return listed;
	}

}
