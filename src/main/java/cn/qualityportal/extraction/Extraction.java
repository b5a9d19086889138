package cn.qualityportal.extraction;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the extractor proposes for one text: the API's JSON shape. Offsets are Java {@code String}
 * indices into the submitted text, and each {@code quote} equals {@code text.substring(start, end)}.
 */
public record Extraction(DocumentMetadata document, List<ProposedTarget> targets, List<Qualitative> qualitative) {

	public record DocumentMetadata(String title, String issuer, String docNumber, String issueDate, List<Citation> cites) {
	}

	public record Citation(String title, String docNumber) {
	}

	/**
	 * @param comparator {@code >=} {@code >} {@code <=} {@code <} {@code =} {@code ~} {@code range}
	 * {@code increase_by} {@code decrease_by}
	 */
	public record ProposedTarget(String indicator, String comparator, BigDecimal value, BigDecimal valueMax, String unit,
			Integer year, boolean increment, String quote, int start, int end) {
	}

	/** @param direction {@code up} or {@code down} */
	public record Qualitative(String indicator, String direction, Integer year, String quote, int start, int end) {
	}

}
