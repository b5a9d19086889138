package cn.qualityportal.progress;

/** Where a target stands, from best to worst; NO_DATA last because it cannot be judged. */
public enum TargetStatus {

	ACHIEVED, ON_TRACK, NEEDS_ACCELERATION, OFF_TRACK, OVERDUE, NO_DATA;

	/** Counts as "achieved or on track" in rankings. */
	public boolean isGood() {
		return this == ACHIEVED || this == ON_TRACK;
	}

}
