package cn.qualityportal.reporting;

/**
 * A reviewer, or under two-level review the office of the level above, decided on a reported figure
 * (指标数据): approved it (已审核), accepted it (验收), or returned it to its reporter (已退回) with a reason.
 * One event per figure decided, published by {@link ValueWorkflow} in the decision's transaction and
 * handled after it commits by the modules that react (worklist tells the submitter in 站内消息). It
 * carries what a message needs, so a listener does not read reporting's tables back.
 *
 * @param valueId the figure
 * @param outcome what was decided
 * @param submittedBy username of whoever submitted the figure
 * @param decidedBy username of whoever decided
 * @param indicatorName the indicator's name (指标)
 * @param regionName the figure's region (地区)
 * @param year the period's year
 * @param periodKind the period's kind ({@link PeriodKind} name)
 * @param periodNumber the half-year or quarter, 0 for an annual period
 * @param reason why it was returned; null otherwise
 */
public record FigureReviewed(long valueId, Outcome outcome, String submittedBy, String decidedBy, String indicatorName,
		String regionName, int year, String periodKind, int periodNumber, String reason) {

	/** The decisions a figure's submitter hears about. */
	public enum Outcome {

		/** The region's reviewer approved it (已审核). */
		APPROVED,
		/** Two-level review: the office of the level above accepted it (验收); it is final. */
		ACCEPTED,
		/** It went back to its reporter (已退回), from review or from acceptance, with a reason. */
		RETURNED

	}

}
