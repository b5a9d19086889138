package cn.qualityportal.targets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The milestone grid of one target: a mutable bean, as the form posts indexed rows (milestones[0].year …).
 * Not a record: Spring binds a record through its constructor, and when one value cannot be converted
 * (a year or value typed as text) it calls no constructor at all, so the page would have no form to
 * show back with what was typed and its error (tried: {@code MilestonesPageSliceTests}).
 */
public class MilestonesForm {

	private List<Row> milestones = new ArrayList<>();

	public MilestonesForm() {
	}

	MilestonesForm(List<Milestone> milestones) {
		milestones.forEach(milestone -> this.milestones.add(new Row(milestone.year(), milestone.value())));
	}

	public List<Row> getMilestones() {
		return milestones;
	}

	public void setMilestones(List<Row> milestones) {
		this.milestones = milestones;
	}

	/** Rows with a year and a value; empty rows are ignored. */
	List<Milestone> filled() {
		return milestones.stream()
			.filter(row -> row.getYear() != null && row.getValue() != null)
			.map(row -> new Milestone(row.getYear(), row.getValue()))
			.toList();
	}

	public static class Row {

		private Integer year;

		private BigDecimal value;

		public Row() {
		}

		Row(Integer year, BigDecimal value) {
			this.year = year;
			this.value = value;
		}

		public Integer getYear() {
			return year;
		}

		public void setYear(Integer year) {
			this.year = year;
		}

		public BigDecimal getValue() {
			return value;
		}

		public void setValue(BigDecimal value) {
			this.value = value;
		}

	}

}
