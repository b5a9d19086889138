package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.util.List;

import cn.qualityportal.assessment.RubricScore.Grade;
import cn.qualityportal.assessment.RubricScore.Kind;
import cn.qualityportal.assessment.RubricScore.Method;
import cn.qualityportal.targets.GoalArea;

/**
 * A year's rubric (考核评分细则) of one ranking region: its items in order and its caps and grade
 * thresholds. Stored in {@code rubric} and {@code rubric_item}; scored by {@link RubricScore}.
 */
public record Rubric(long id, int year, String parentCode, String parentName, BigDecimal bonusCap,
		BigDecimal deductionCap, BigDecimal excellent, BigDecimal good, BigDecimal pass, long version, boolean published,
		String publishedAt, String publishedBy, List<Item> items) {

	/**
	 * One item. {@code area} only for criteria scored from targets (null: all goal areas);
	 * {@code vetoGrade} only for veto items: the best grade a region may get once it is vetoed.
	 */
	public record Item(long id, int position, Kind kind, String category, String title, BigDecimal points,
			Method method, GoalArea area, String evidenceRequired, Grade vetoGrade) {

		public boolean automatic() {
			return method != Method.MANUAL;
		}

	}

	RubricScore.Rules rules() {
		return new RubricScore.Rules(bonusCap, deductionCap, excellent, good, pass);
	}

	/** The sum of the criteria's points: the most a region can score before bonus and deductions. */
	public BigDecimal criteriaPoints() {
		return items.stream().filter(item -> item.kind() == Kind.CRITERION).map(Item::points).reduce(BigDecimal.ZERO,
				BigDecimal::add);
	}

}
