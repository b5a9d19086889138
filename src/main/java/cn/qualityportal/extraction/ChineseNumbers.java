package cn.qualityportal.extraction;

import java.math.BigDecimal;

/** Numbers as written in policy texts: Arabic (with decimals) or Chinese numerals up to the thousands (两, 十二, 一百五十). */
final class ChineseNumbers {

	static final String DIGITS = "零〇一二两三四五六七八九十百千";

	private ChineseNumbers() {
	}

	static BigDecimal parse(String text) {
		if (text.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
			return new BigDecimal(text);
		}
		long total = 0;
		long current = 0;
		for (char c : text.toCharArray()) {
			int digit = "零一二三四五六七八九".indexOf(c);
			if (c == '〇') {
				digit = 0;
			}
			if (c == '两') {
				digit = 2;
			}
			if (digit >= 0) {
				current = digit;
			}
			else if (c == '十' || c == '百' || c == '千') {
				long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
				total += (current == 0 ? 1 : current) * unit;
				current = 0;
			}
			else {
				throw new NumberFormatException(text);
			}
		}
		return BigDecimal.valueOf(total + current);
	}

}
