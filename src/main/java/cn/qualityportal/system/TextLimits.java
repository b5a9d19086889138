package cn.qualityportal.system;

/**
 * The longest text each kind of field takes, in characters, checked in forms, the API and imports
 * alike (a field error each), so nothing unbounded reaches the database or the undeletable audit
 * trail. Fields with their own length on a form record ({@code @Size}) keep it; these are the
 * ones several places share. Any other request parameter is bounded by {@link RequestBounds}.
 */
public final class TextLimits {

	/** A figure's or a task's explanatory note. */
	public static final int NOTE = 2000;

	/** A reason: returning a figure, reopening a period, correcting a figure. */
	public static final int REASON = 500;

	/** A search box. */
	public static final int SEARCH = 200;

	/** A username, as the database holds it. */
	public static final int USERNAME = 64;

	/** A title or name not bounded by its own form. */
	public static final int TITLE = 300;

	/** A document's full text, or text pasted for extraction: a long policy document, not a book. */
	public static final int DOCUMENT_TEXT = 2_000_000;

	/** Any other single request parameter (the longest form field, a scheme's weights, takes 20,000). */
	public static final int PARAMETER = 20_000;

	private TextLimits() {
	}

	/** Whether the text (null counts as empty) is longer than {@code max}. */
	public static boolean tooLong(String text, int max) {
		return text != null && text.length() > max;
	}

}
