package cn.qualityportal.targets;

/**
 * How often an indicator is reported. Every indicator is reported for the year; a half-yearly or
 * quarterly one also in those periods. Names match the reporting module's period kinds.
 */
public enum ReportingFrequency {

	ANNUAL, HALF_YEARLY, QUARTERLY;

	/** Whether a figure of this indicator belongs in a period of the kind named. */
	public boolean reportedIn(String periodKind) {
		return periodKind.equals("ANNUAL") || periodKind.equals(name());
	}

}
