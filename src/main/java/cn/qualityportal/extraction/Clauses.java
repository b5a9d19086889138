package cn.qualityportal.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stage 2 of the pipeline: the layout of the normalised text. Lines (paragraphs as stored),
 * sentences (split at 。；！？ outside parentheses), clauses (after a comma, colon, semicolon or a
 * bullet dash) and the headings by level (一、 (一) 1. (1)) that end the reach of a deadline.
 * Headings are found at a line's start and, because web copies often run a whole document into
 * one line, right after a full stop.
 */
final class Clauses {

	/** Headings by level: 1 一、 or 第三章; 2 (一); 3 1. or 1、; 4 (1). */
	private static final Pattern HEADING = Pattern.compile("([一二三四五六七八九十]{1,3}[、.]|第[一二三四五六七八九十]{1,3}[章部])"
			+ "|(\\([一二三四五六七八九十]{1,3}\\))|(\\d{1,2}[.、](?!\\d))|(\\(\\d{1,2}\\))");

	record Span(int start, int end) {

		String of(String text) {
			return text.substring(start, end);
		}

	}

	/**
	 * A heading at {@code start} of {@code level} (1 is top); {@code goals} when its words name goals (主要目标, 创建目标);
	 * {@code review} when they name what was done before (发展基础, 发展现状, 2023年工作回顾, 主要成效).
	 */
	record Heading(int start, int level, boolean goals, boolean review) {

		Heading(int start, int level, boolean goals) {
			this(start, level, goals, false);
		}

	}

	private static final Pattern REVIEW = Pattern.compile("(?:发展|工作|现实|良好)基础|现状|回顾|(?:主要|取得的?|工作)成效|成就|发展环境|面临的?形势");

	private Clauses() {
	}

	static List<Span> lines(String text) {
		List<Span> lines = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == '\n') {
				if (i > start) {
					lines.add(new Span(start, i));
				}
				start = i + 1;
			}
		}
		return lines;
	}

	/** Sentences of a span, split at 。;!? outside parentheses. */
	static List<Span> sentences(String text, int start, int end) {
		List<Span> sentences = new ArrayList<>();
		int from = start;
		int depth = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
			if (depth == 0 && (c == '。' || c == ';' || c == '!' || c == '?')) {
				if (i > from) {
					sentences.add(new Span(from, i));
				}
				from = i + 1;
			}
		}
		if (end > from) {
			sentences.add(new Span(from, end));
		}
		return sentences;
	}

	/** Where the clause holding position {@code at} starts: after the last , : ; line break or bullet dash outside parentheses. */
	static int clauseStart(String text, int sentenceStart, int at) {
		int depth = 0;
		for (int i = at - 1; i >= sentenceStart; i--) {
			char c = text.charAt(i);
			if (c == ')') {
				depth++;
			}
			else if (c == '(' && depth > 0) {
				depth--;
			}
			else if (depth == 0 && (c == ',' || c == ':' || c == ';' || c == '\n' || c == '-' && isBullet(text, i))) {
				return i + 1;
			}
		}
		return sentenceStart;
	}

	/** A dash that opens an item (—新增…) rather than joining a range (3-5). */
	private static boolean isBullet(String text, int at) {
		return at == 0 || !Character.isDigit(text.charAt(at - 1));
	}

	/** Where the clause holding position {@code at} ends: at the next , ; or the sentence's end. */
	static int clauseEnd(String text, int at, int sentenceEnd) {
		int depth = 0;
		for (int i = at; i < sentenceEnd; i++) {
			char c = text.charAt(i);
			depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
			if (depth == 0 && (c == ',' || c == ';' || c == ':')) {
				return i;
			}
		}
		return sentenceEnd;
	}

	/** The headings of the text (at a line's start or right after a full stop), in order. */
	static List<Heading> headings(String text) {
		List<Heading> headings = new ArrayList<>();
		var matcher = HEADING.matcher(text);
		boolean lineStart = true;
		for (int at = 0; at < text.length(); at++) {
			char c = text.charAt(at);
			if (c == '\n' || c == '。') {
				lineStart = true;
				continue;
			}
			if (c == ' ' || c == '\t') {
				continue;
			}
			boolean candidate = lineStart;
			lineStart = false;
			if (!candidate || !matcher.region(at, text.length()).lookingAt()) {
				continue;
			}
			// The heading's words run to the line's end, or to the first punctuation when run into the text.
			int end = matcher.end();
			while (end < text.length() && end - matcher.end() < 30 && "\n。,:;".indexOf(text.charAt(end)) < 0) {
				end++;
			}
			int level = matcher.group(1) != null ? 1 : matcher.group(2) != null ? 2 : matcher.group(3) != null ? 3 : 4;
			String words = text.substring(matcher.end(), end);
			headings.add(new Heading(at, level, words.contains("目标"), !words.contains("目标") && REVIEW.matcher(words).find()));
		}
		return headings;
	}

}
