package cn.qualityportal.progress;

import java.math.BigDecimal;

/**
 * How one target stands as of a year: the latest figure, the year's milestone, the forecast to the
 * deadline, the anticipated-progress ratio, the status and the sentence that explains it.
 *
 * @param latestValue the latest figure (a level, as reported or rolled up)
 * @param milestoneMet null when there is no milestone or no figure for the year
 * @param forecastValue the projected figure in the deadline year, null when not projected
 * @param ratio projected gain ÷ required gain from the start, null when not computed
 */
public record Progress(TargetStatus status, Integer latestYear, BigDecimal latestValue, boolean provisional,
		Figure.Source source, BigDecimal milestoneValue, Boolean milestoneMet, BigDecimal forecastValue,
		BigDecimal ratio, Explanation explanation) {

	Progress withExplanation(Explanation other) {
		return new Progress(status, latestYear, latestValue, provisional, source, milestoneValue, milestoneMet,
				forecastValue, ratio, other);
	}

}
