package cn.qualityportal.extraction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.houbb.opencc4j.util.ZhConverterUtil;

/**
 * The text as the rules read it, and the way back to the original. Full-width digits, letters and
 * punctuation are folded to their ASCII forms, dashes to '-', Traditional characters to Simplified
 * (opencc4j), and website pinyin annotations such as {@code 區(qū)} are dropped. Every character
 * of the normalised text remembers the index of the original character it came from, so a match
 * maps back to exact {@code String} offsets of the submitted text.
 */
final class NormalizedText {

	/** A parenthesised syllable of pinyin with tone marks, as sites annotate rare characters. */
	private static final Pattern PINYIN = Pattern.compile("[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]");

	private static final Pattern CHINESE_YEAR = Pattern.compile("[一二][〇零一二三四五六七八九]{3}(?=年)");

	private final String original;

	private final String text;

	private final int[] originalIndex;

	private NormalizedText(String original, String text, int[] originalIndex) {
		this.original = original;
		this.text = text;
		this.originalIndex = originalIndex;
	}

	static NormalizedText of(String original) {
		boolean[] dropped = new boolean[original.length()];
		Matcher pinyin = PINYIN.matcher(original);
		while (pinyin.find()) {
			// Only an annotation of the character before it, not a parenthesised word.
			if (pinyin.start() > 0 && Character.isIdeographic(original.codePointBefore(pinyin.start()))) {
				for (int i = pinyin.start(); i < pinyin.end(); i++) {
					dropped[i] = true;
				}
			}
		}
		// An ASCII comma grouping thousands (1,200) is dropped; a full-width ， is punctuation and stays.
		for (int i = 1; i + 3 < original.length(); i++) {
			if (original.charAt(i) == ',' && Character.isDigit(original.charAt(i - 1)) && isDigits(original, i + 1, i + 4)
					&& (i + 4 == original.length() || !Character.isDigit(original.charAt(i + 4)))) {
				dropped[i] = true;
			}
		}
		// Years written in Chinese numerals (二〇二五年) become digits, one for one.
		char[] years = null;
		Matcher chineseYear = CHINESE_YEAR.matcher(original);
		while (chineseYear.find()) {
			years = years == null ? original.toCharArray() : years;
			for (int i = chineseYear.start(); i < chineseYear.start() + 4; i++) {
				years[i] = (char) ('0' + "〇一二三四五六七八九".indexOf(original.charAt(i) == '零' ? '〇' : original.charAt(i)));
			}
		}
		String source = years == null ? original : new String(years);
		StringBuilder folded = new StringBuilder(original.length());
		int[] index = new int[original.length() + 1];
		for (int i = 0; i < original.length(); i++) {
			if (dropped[i]) {
				continue;
			}
			index[folded.length()] = i;
			folded.append(fold(source.charAt(i)));
		}
		index[folded.length()] = original.length();
		// Character by character through a table made once from opencc4j: as fast as a copy, and every
		// character keeps its place (a phrase conversion could change the length).
		char[] simple = Simplified.TABLE;
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (c >= Simplified.FIRST && c <= Simplified.LAST) {
				folded.setCharAt(i, simple[c - Simplified.FIRST]);
			}
		}
		String simplified = folded.toString();
		int[] trimmed = new int[simplified.length() + 1];
		System.arraycopy(index, 0, trimmed, 0, simplified.length() + 1);
		return new NormalizedText(original, simplified, trimmed);
	}

	/** Traditional → Simplified for each CJK character, built once (in about a second) on first use. */
	private static final class Simplified {

		static final char FIRST = '\u3400';

		static final char LAST = '\u9FFF';

		static final char[] TABLE = build();

		private static char[] build() {
			char[] table = new char[LAST - FIRST + 1];
			for (char c = FIRST; c <= LAST; c++) {
				String one = ZhConverterUtil.toSimple(String.valueOf(c));
				table[c - FIRST] = one.length() == 1 ? one.charAt(0) : c;
			}
			return table;
		}

	}

	private static boolean isDigits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	static char fold(char c) {
		if (c >= '\uFF01' && c <= '\uFF5E') {
			return (char) (c - 0xFEE0);
		}
		return switch (c) {
			case '\u3000', '\u00A0' -> ' ';
			case '—', '–', '−', '―' -> '-';
			case '〜' -> '~';
			default -> c;
		};
	}

	String text() {
		return text;
	}

	String original() {
		return original;
	}

	/** Original offset of the normalised position {@code start}. */
	int originalStart(int start) {
		return originalIndex[start];
	}

	/** Original end offset (exclusive) of a normalised span ending before {@code end}. */
	int originalEnd(int end) {
		return end == 0 ? 0 : originalIndex[end - 1] + 1;
	}

}
