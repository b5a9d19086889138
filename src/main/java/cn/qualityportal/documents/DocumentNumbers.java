package cn.qualityportal.documents;

import java.util.regex.Pattern;

/**
 * Document numbers (文号) such as 防政发〔2017〕14号: issuer abbreviation, year in 〔〕, serial, 号.
 * People type the year brackets in many ways ([2017], ［2017］, (2017), 【2017】); all are folded
 * to 〔〕 so that one document has one number.
 */
public final class DocumentNumbers {

	private static final Pattern BRACKETED_YEAR = Pattern.compile("[\\[［(（【〔]\\s*((?:19|20)\\d{2})\\s*[\\]］)）】〕]");

	private static final Pattern VALID = Pattern.compile("[\\p{IsHan}A-Za-z]{1,20}〔(?:19|20)\\d{2}〕\\d{1,5}号");

	private DocumentNumbers() {
	}

	/** Folds brackets and spaces; null or blank stays null. */
	public static String normalise(String number) {
		if (number == null || number.isBlank()) {
			return null;
		}
		return BRACKETED_YEAR.matcher(number.replaceAll("\\s+", "")).replaceAll("〔$1〕");
	}

	public static boolean isValid(String normalised) {
		return normalised != null && VALID.matcher(normalised).matches();
	}

}
