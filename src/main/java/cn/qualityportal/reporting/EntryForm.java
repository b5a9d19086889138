package cn.qualityportal.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The reporter's grid for one period, as posted: one row per indicator (rows[0].value …). Numbers
 * are kept as typed, so a figure that cannot be read is shown back with its error, never dropped;
 * {@code selected} is the row's tick (submit the ticked rows), {@code confirmClear} the reporter's
 * confirmation that an emptied field is meant to delete the figure.
 *
 * <p>Not a record: Spring binds a record through its constructor, and when one value cannot be
 * converted (a box left unticked has no value for its {@code boolean}, a doctored {@code version}) it
 * calls no constructor at all and the whole grid is null (tried: {@code ReportingPagesTests} failed
 * with "Cannot access properties on null bean instance 'form'"); and a grid shown again after a
 * conflict carries the version saved meanwhile on the very form its errors are bound to.
 */
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

		private String value;

		private String numerator;

		private String denominator;

		private boolean selected;

		private boolean confirmClear;

		private String note;

		private Long version;

		public Row() {
		}

		Row(String indicatorCode, ValueView current) {
			this.indicatorCode = indicatorCode;
			if (current != null) {
				this.value = plain(current.value());
				this.numerator = plain(current.numerator());
				this.denominator = plain(current.denominator());
				this.note = current.note();
				this.version = current.version();
			}
		}

		private static String plain(BigDecimal number) {
			return number == null ? null : number.stripTrailingZeros().toPlainString();
		}

		boolean isFilled() {
			return !blank(value) || !blank(numerator) || !blank(denominator) || !blank(note);
		}

		private static boolean blank(String text) {
			return text == null || text.isBlank();
		}

		/** The row as the workflow takes it; the period is the grid's, passed by id beside the rows. */
		ValueInput input(String regionCode) {
			return new ValueInput(indicatorCode, regionCode, null, null, value, numerator, denominator, note, version,
					confirmClear);
		}

		public String getIndicatorCode() {
			return indicatorCode;
		}

		public void setIndicatorCode(String indicatorCode) {
			this.indicatorCode = indicatorCode;
		}

		public String getValue() {
			return value;
		}

		public void setValue(String value) {
			this.value = value;
		}

		public String getNumerator() {
			return numerator;
		}

		public void setNumerator(String numerator) {
			this.numerator = numerator;
		}

		public String getDenominator() {
			return denominator;
		}

		public void setDenominator(String denominator) {
			this.denominator = denominator;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

		public boolean isSelected() {
			return selected;
		}

		public void setSelected(boolean selected) {
			this.selected = selected;
		}

		public boolean isConfirmClear() {
			return confirmClear;
		}

		public void setConfirmClear(boolean confirmClear) {
			this.confirmClear = confirmClear;
		}

		public Long getVersion() {
			return version;
		}

		public void setVersion(Long version) {
			this.version = version;
		}

	}

}
