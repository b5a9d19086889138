package cn.qualityportal.targets;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a target compares: the API and the extraction speak in symbols ({@code >=}, {@code range},
 * {@code increase_by} …), the database and the pages in names.
 */
public enum Comparator {

	GE(">="), GT(">"), LE("<="), LT("<"), EQ("="), ABOUT("~"), RANGE("range"), INCREASE_BY("increase_by"),
	DECREASE_BY("decrease_by");

	private final String symbol;

	Comparator(String symbol) {
		this.symbol = symbol;
	}

	@JsonValue
	public String symbol() {
		return symbol;
	}

	/** Accepts the symbol or the name. */
	@JsonCreator
	public static Comparator of(String text) {
		return Arrays.stream(values())
			.filter(c -> c.symbol.equals(text) || c.name().equalsIgnoreCase(text))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown comparator " + text));
	}

	/** Relative to a baseline: the value is a change, not a level. */
	public boolean isChange() {
		return this == INCREASE_BY || this == DECREASE_BY;
	}

}
