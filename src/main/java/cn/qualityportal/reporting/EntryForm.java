package cn.qualityportal.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The reporter's grid for one period, as posted: one row per indicator (rows[0].value …). */
public class EntryForm {

	private List<Row> rows = new ArrayList<>();

	public List<Row> getRows() {
		return rows;
	}

	public void setRows(List<Row> rows) {
		this.rows = rows;
	}

	public static class Row {

		private String indicatorCode;

		private BigDecimal value;

		private BigDecimal numerator;

		private BigDecimal denominator;

		private String note;

		private Long version;

		public Row() {
		}

		Row(String indicatorCode, ValueView current) {
			this.indicatorCode = indicatorCode;
			if (current != null) {
				this.value = current.value();
				this.numerator = current.numerator();
				this.denominator = current.denominator();
				this.note = current.note();
				this.version = current.version();
			}
		}

		boolean isFilled() {
			return value != null || numerator != null || denominator != null || note != null && !note.isBlank();
		}

		ValueInput input(String regionCode, ReportingPeriod period) {
			String label = ValueView.periodLabel(period.getKind(), period.getNumber());
			return new ValueInput(indicatorCode, regionCode, period.getYear(), label, value, numerator, denominator, note,
					version);
		}

		public String getIndicatorCode() {
			return indicatorCode;
		}

		public void setIndicatorCode(String indicatorCode) {
			this.indicatorCode = indicatorCode;
		}

		public BigDecimal getValue() {
			return value;
		}

		public void setValue(BigDecimal value) {
			this.value = value;
		}

		public BigDecimal getNumerator() {
			return numerator;
		}

		public void setNumerator(BigDecimal numerator) {
			this.numerator = numerator;
		}

		public BigDecimal getDenominator() {
			return denominator;
		}

		public void setDenominator(BigDecimal denominator) {
			this.denominator = denominator;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

		public Long getVersion() {
			return version;
		}

		public void setVersion(Long version) {
			this.version = version;
		}

	}

}
