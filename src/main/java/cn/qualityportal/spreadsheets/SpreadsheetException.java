package cn.qualityportal.spreadsheets;

/** A file that cannot be read as a table; {@code messageKey} and {@code arguments} say why, in the bundles. */
public class SpreadsheetException extends Exception {

	private final String messageKey;

	private final transient Object[] arguments;

	SpreadsheetException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
