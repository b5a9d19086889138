package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scoring rule of a rubric (docs/assessment.md, "The rubric"): criteria add up, each within
 * its points; bonus items add up within their points and together at most the bonus cap;
 * deduction items likewise within the deduction cap; the total is criteria + bonus − deduction,
 * never below zero; the grade follows the thresholds, and a veto decided against the region caps
 * it whatever the score. Pure: {@code RubricScoreTests} works the examples by hand.
 */
public final class RubricScore {

	private RubricScore() {
	}

	public enum Kind {

		CRITERION, BONUS, DEDUCTION, VETO

	}

	/** How a criterion is scored: from target statuses, from reporting punctuality, or by hand. */
	public enum Method {

		TARGETS, PUNCTUALITY, MANUAL

	}

	/** Grades, best first. */
	public enum Grade {

		EXCELLENT, GOOD, PASS, FAIL;

		Grade atMost(Grade cap) {
			return ordinal() >= cap.ordinal() ? this : cap;
		}

	}

	/** The rubric's caps and grade thresholds (a total at or above a threshold earns its grade). */
	public record Rules(BigDecimal bonusCap, BigDecimal deductionCap, BigDecimal excellent, BigDecimal good,
			BigDecimal pass) {
	}

	/**
	 * One scored line: for a veto item {@code vetoed} says whether it was decided against the
	 * region and {@code vetoGrade} the best grade it then allows; {@code score} is ignored.
	 */
	public record Line(Kind kind, BigDecimal points, BigDecimal score, boolean vetoed, Grade vetoGrade) {

		static Line of(Kind kind, String points, String score) {
			return new Line(kind, new BigDecimal(points), score == null ? null : new BigDecimal(score), false, null);
		}

		static Line veto(boolean vetoed, Grade grade) {
			return new Line(Kind.VETO, BigDecimal.ZERO, null, vetoed, grade);
		}

		/** The score counted: within 0 and the line's points; a line not scored counts 0. */
		BigDecimal counted() {
			return score == null ? BigDecimal.ZERO : score.max(BigDecimal.ZERO).min(points);
		}

	}

	/**
	 * @param grade after any veto
	 * @param scoreGrade what the total alone would earn
	 */
	public record Result(BigDecimal criteria, BigDecimal bonus, BigDecimal deduction, BigDecimal total,
			Grade scoreGrade, Grade grade, boolean vetoed) {
	}

	public static Result score(Rules rules, List<Line> lines) {
		BigDecimal criteria = sum(lines, Kind.CRITERION);
		BigDecimal bonus = sum(lines, Kind.BONUS).min(rules.bonusCap());
		BigDecimal deduction = sum(lines, Kind.DEDUCTION).min(rules.deductionCap());
		BigDecimal total = criteria.add(bonus).subtract(deduction).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
		Grade scoreGrade = grade(rules, total);
		Grade grade = scoreGrade;
		boolean vetoed = false;
		for (Line line : lines) {
			if (line.kind() == Kind.VETO && line.vetoed()) {
				vetoed = true;
				grade = grade.atMost(line.vetoGrade() == null ? Grade.FAIL : line.vetoGrade());
			}
		}
		return new Result(criteria.setScale(2, RoundingMode.HALF_UP), bonus.setScale(2, RoundingMode.HALF_UP),
				deduction.setScale(2, RoundingMode.HALF_UP), total, scoreGrade, grade, vetoed);
	}

	static Grade grade(Rules rules, BigDecimal total) {
		if (total.compareTo(rules.excellent()) >= 0) {
			return Grade.EXCELLENT;
		}
		if (total.compareTo(rules.good()) >= 0) {
			return Grade.GOOD;
		}
		return total.compareTo(rules.pass()) >= 0 ? Grade.PASS : Grade.FAIL;
	}

	/**
	 * A criterion scored from target statuses: its points × the weighted mean of the targets'
	 * points (0–100) under the year's scheme, two decimals; no targets score 0.
	 */
	static BigDecimal fromTargets(BigDecimal points, List<AssessmentScore.TargetLine> targets) {
		BigDecimal weights = targets.stream().map(AssessmentScore.TargetLine::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (weights.signum() == 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal weighted = targets.stream().map(AssessmentScore.TargetLine::weighted).reduce(BigDecimal.ZERO, BigDecimal::add);
		return points.multiply(weighted).divide(weights.multiply(BigDecimal.valueOf(100)), 2, RoundingMode.HALF_UP);
	}

	/** A criterion scored from punctuality: its points less the scheme's deductions, not below zero. */
	static BigDecimal fromPunctuality(BigDecimal points, BigDecimal deductions) {
		return points.subtract(deductions).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
	}

	/** A region's result for ranking. */
	public record Entry(String regionCode, Result result) {
	}

	/** A place in the ranking. */
	public record Place(int rank, Entry entry) {
	}

	/**
	 * Ranks: regions without a veto first, then by total, highest first; equal totals (and the same
	 * veto standing) share a rank ("1, 2, 2, 4"); ties are listed by region code.
	 */
	public static List<Place> rank(List<Entry> entries) {
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparing((Entry e) -> e.result().vetoed())
			.thenComparing((Entry e) -> e.result().total(), Comparator.reverseOrder())
			.thenComparing(Entry::regionCode));
		List<Place> places = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			Entry entry = sorted.get(i);
			boolean tie = i > 0 && sorted.get(i - 1).result().vetoed() == entry.result().vetoed()
					&& sorted.get(i - 1).result().total().compareTo(entry.result().total()) == 0;
			places.add(new Place(tie ? places.get(i - 1).rank() : i + 1, entry));
		}
		return places;
	}

	private static BigDecimal sum(List<Line> lines, Kind kind) {
		return lines.stream().filter(line -> line.kind() == kind).map(Line::counted).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
