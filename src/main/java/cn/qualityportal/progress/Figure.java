package cn.qualityportal.progress;

import java.math.BigDecimal;

/**
 * One year's figure of an indicator in a region, as progress reads it: reported by the region
 * itself, or rolled up from the regions below it ({@link Source}).
 *
 * @param provisional includes a submitted figure not yet approved
 * @param reporting for a roll-up, how many regions below contributed
 * @param children for a roll-up, how many regions directly below were active that year
 */
public record Figure(int year, BigDecimal value, boolean provisional, Source source, int reporting, int children) {

	public static Figure own(int year, BigDecimal value, boolean provisional) {
		return new Figure(year, value, provisional, Source.OWN, 1, 0);
	}

	/** Where a figure comes from. */
	public enum Source {

		/** Reported by the region itself. */
		OWN,
		/** Sum of the regions below (counts, amounts). */
		SUM,
		/** Σ numerator ÷ Σ denominator of the regions below (rates all reported with both). */
		WEIGHTED,
		/** Plain mean of the regions below (rates without numerator and denominator). */
		MEAN

	}

}
