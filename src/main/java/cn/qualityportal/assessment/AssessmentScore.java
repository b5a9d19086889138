package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.targets.GoalArea;

/**
 * The scoring rule of docs/assessment.md: a region's base score is the weighted mean of its
 * targets' points (0–100); from it are deducted the scheme's points per late, missing and returned
 * report; the score never falls below zero. Every line of the sum is kept, so the score explains
 * itself and can be recomputed by hand.
 */
public final class AssessmentScore {

	private AssessmentScore() {
	}

	/**
	 * One target as scored.
	 *
	 * @param document the number (else title) of the document the target comes from, so rows of one
	 * indicator from several documents can be told apart; null in rankings published before it was kept
	 */
	public record TargetLine(long targetId, String indicatorCode, String indicatorName, GoalArea area,
			TargetStatus status, BigDecimal weight, BigDecimal points, String document) {

		BigDecimal weighted() {
			return weight.multiply(points);
		}

	}

	/** How many reports of the year were late, missing or returned. */
	public record Reporting(int late, int missing, int returned) {

		static final Reporting NONE = new Reporting(0, 0, 0);

	}

	/** A region's score with every line that makes it. */
	public record RegionScore(String regionCode, String regionName, List<TargetLine> targets, BigDecimal base,
			Reporting reporting, BigDecimal lateDeduction, BigDecimal missingDeduction, BigDecimal returnedDeduction,
			BigDecimal score) {

		public BigDecimal deductions() {
			return lateDeduction.add(missingDeduction).add(returnedDeduction);
		}

	}

	public record Target(long targetId, String indicatorCode, String indicatorName, GoalArea area, TargetStatus status,
			String document) {

		public Target(long targetId, String indicatorCode, String indicatorName, GoalArea area, TargetStatus status) {
			this(targetId, indicatorCode, indicatorName, area, status, null);
		}

	}

	static RegionScore score(Scheme scheme, String regionCode, String regionName, List<Target> targets,
			Reporting reporting) {
		List<TargetLine> lines = targets.stream()
			.map(target -> new TargetLine(target.targetId(), target.indicatorCode(), target.indicatorName(), target.area(),
					target.status(), scheme.weight(target.indicatorCode(), target.area()),
					scheme.points().getOrDefault(target.status(), BigDecimal.ZERO), target.document()))
			.toList();
		BigDecimal weights = lines.stream().map(TargetLine::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal weighted = lines.stream().map(TargetLine::weighted).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal base = weights.signum() == 0 ? BigDecimal.ZERO : weighted.divide(weights, 2, RoundingMode.HALF_UP);
		BigDecimal late = scheme.lateDeduction().multiply(BigDecimal.valueOf(reporting.late()));
		BigDecimal missing = scheme.missingDeduction().multiply(BigDecimal.valueOf(reporting.missing()));
		BigDecimal returned = scheme.returnedDeduction().multiply(BigDecimal.valueOf(reporting.returned()));
		BigDecimal score = base.subtract(late).subtract(missing).subtract(returned).max(BigDecimal.ZERO)
			.setScale(2, RoundingMode.HALF_UP);
		return new RegionScore(regionCode, regionName, lines, base, reporting, late, missing, returned, score);
	}

	/** Standard competition ranking ("1, 2, 2, 4"): equal scores share a rank. */
	static int[] ranks(List<BigDecimal> scoresBestFirst) {
		int[] ranks = new int[scoresBestFirst.size()];
		for (int i = 0; i < ranks.length; i++) {
			ranks[i] = i > 0 && scoresBestFirst.get(i).compareTo(scoresBestFirst.get(i - 1)) == 0 ? ranks[i - 1] : i + 1;
		}
		return ranks;
	}

}
