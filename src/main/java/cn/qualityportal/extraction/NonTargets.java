package cn.qualityportal.extraction;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Stage 7 of the pipeline: quantities that are not targets, whatever their words look like.
 * <ul>
 * <li>counts of the document's or a programme's structure: 围绕5个方面, 提出12项重点任务, 设立2个专项小组,
 * 八大行动, 等6个主导产业 (a count after 等 sums up a list), meetings held (每季度召开1次联席会议);</li>
 * <li>size thresholds inside a name: 年营业收入超过500亿元的企业 (an amount followed by 的, or any
 * quantity followed by 的 when another quantity of the clause is the target);</li>
 * <li>the make-up of an existing batch: 第二批1个市11个县;</li>
 * <li>money paid out as an incentive: 一次性奖励100万元, 给予20万元资助;</li>
 * <li>baselines (2020年为88.6, 基期, 由2020年的93.6%…) and page chrome (点击次数:0次, 查看: 1303, 字数, 积分).</li>
 * </ul>
 * Results of the past are left out by {@link DeadlineScopes#isReport}.
 */
final class NonTargets {

	/** Nouns of structure: a count of them describes the document or the work, not an outcome. */
	private static final Pattern STRUCTURAL_NOUN = Pattern.compile("^(?:具体|主要|重点|专项|方面|保障|配套|支撑|政策)?(?:任务|工作|措施|举措|方面|环节|内容|条款|意见|"
			+ "工程|行动|战略|体系|部分|原则|机制|目标|指标|领域|部门|小组|专班|工作组|章|节|条|板块|步骤|阶段|维度|一级指标|二级指标|主导产业)");

	/** Meetings held (每季度召开1次联席会议) are how the work is run, not an outcome. */
	private static final Pattern MEETING = Pattern.compile("^[\\p{IsHan}]{0,4}(?:会议|例会|座谈会|调度会)");

	private static final Pattern CHROME = Pattern.compile("(?:点击|浏览|阅读|查看|访问|回复|字数|积分|帖子|主题|评论|收藏|分享|转发|点赞|次数|人气)\\s*[::]?\\s*$");

	private static final Pattern BASELINE = Pattern
		.compile("(?:(?:(?:19|20)\\d{2}\\s*年(?:底|末)?|基期|基准年|基准值|现状值|现状|目前)(?:为|是|值为)|现有|由\\s*(?:19|20)\\d{2}\\s*年(?:底|末)?的)\\s*$");

	/** 一次性奖励100万元, 给予20万元资助: money the government pays out is a measure of support, not an outcome. */
	private static final Pattern INCENTIVE_BEFORE = Pattern.compile("(?:奖励|奖补|补助|补贴|资助|给予|一次性)[^,;:]{0,4}$");

	private static final Pattern INCENTIVE_AFTER = Pattern.compile("^(?:的)?(?:奖励|奖补|补助|补贴|资助|扶持)");

	/** 全县现有规模以上企业126家: what there is now, with no verb of a goal between 现有 and the count. */
	private static final Pattern PRESENT_STOCK = Pattern.compile("^(?:全[省市县区州镇乡])?现有(?:(?!达到|达|提高|增加|超过|力争|争取).)*$");

	/** 每年对14个市州进行考核: the places that are overseen, not an outcome. */
	private static final Pattern OVERSEEN_PLACES = Pattern.compile("^[市县区州乡镇村]{1,3}(?:进行|开展)?(?:考核|考评|督查|检查|评估|评价)");

	private static final Pattern BATCH = Pattern.compile("第[一二三四五六七八九十\\d]{1,3}批\\s*$");

	private NonTargets() {
	}

	/** Whether {@code value}, one of the sentence's {@code values}, is not a target. */
	static boolean excluded(String text, int sentenceStart, Quantities.Quantity value, List<Quantities.Quantity> values) {
		String before = text.substring(Math.max(sentenceStart, value.start() - 12), value.start());
		String after = text.substring(value.end(), Math.min(text.length(), value.end() + 12));
		if (CHROME.matcher(before).find() || BASELINE.matcher(before).find()) {
			return true;
		}
		if (value.isCount() && (PRESENT_STOCK.matcher(text.substring(Clauses.clauseStart(text, sentenceStart, value.start()), value.start())).find()
				|| OVERSEEN_PLACES.matcher(after).find())) {
			return true;
		}
		if (value.isCount() && (STRUCTURAL_NOUN.matcher(after).find() || MEETING.matcher(after).find() || before.endsWith("等"))) {
			return true;
		}
		if (value.unit().endsWith("元") && (INCENTIVE_BEFORE.matcher(before).find() || INCENTIVE_AFTER.matcher(after).find())) {
			return true;
		}
		if (isBatchMakeUp(text, sentenceStart, value, values)) {
			return true;
		}
		return isThreshold(text, value, values);
	}

	/** 第二批1个市11个县: counts of places right after an ordinal batch, or after another such count. */
	private static boolean isBatchMakeUp(String text, int sentenceStart, Quantities.Quantity value, List<Quantities.Quantity> values) {
		int at = value.start();
		while (true) {
			String before = text.substring(Math.max(sentenceStart, at - 8), at);
			if (BATCH.matcher(before).find()) {
				return value.isCount() && isPlace(text, value.end());
			}
			Quantities.Quantity previous = null;
			for (Quantities.Quantity other : values) {
				if (other.end() < at && at - other.end() <= 2 && other.isCount() && isPlace(text, other.end())) {
					previous = other;
				}
			}
			if (previous == null) {
				return false;
			}
			at = previous.start();
		}
	}

	private static boolean isPlace(String text, int at) {
		return at < text.length() && "市县区乡镇村州".indexOf(text.charAt(at)) >= 0;
	}

	/** A quantity followed by 的 (after a 、 list of quantities) inside a clause whose target is another quantity. */
	private static boolean isThreshold(String text, Quantities.Quantity value, List<Quantities.Quantity> values) {
		int at = value.end();
		for (Quantities.Quantity other : values) {
			if (other.start() >= at && other.start() - at <= 1 && text.charAt(at) == '、') {
				at = other.end();
			}
		}
		if (at >= text.length() || text.charAt(at) != '的') {
			return false;
		}
		// An amount before 的 sizes the noun it qualifies (年营业收入超过500亿元的企业): never a target itself.
		if (value.unit().matches(".*(元|吨|亩|人次|万人)")) {
			return true;
		}
		int from = at;
		int clauseEnd = Clauses.clauseEnd(text, at, text.length());
		return values.stream().anyMatch(other -> other.start() > from && other.start() < clauseEnd);
	}

}
