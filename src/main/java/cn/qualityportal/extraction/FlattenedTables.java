package cn.qualityportal.extraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stage beside clauses: a goals table flattened to text, as copies of plans often hold it. A header
 * line names the indicator column (指标名称, 指标), the unit column (单位) and year or target columns
 * (2020年 2025年, 目标值); each following line is a row whose cells are separated by spaces, tabs or
 * bars. A row gives one target per target column: the indicator from the cell before the unit, the
 * value as written (≥95, 98以上, [400] for a running total, ＜0.2, 3-5), the year of the column.
 * A first year column followed by later ones is the baseline (基期), not a target. Rows are matched
 * from the right, so rows that lost a merged category cell still line up.
 */
final class FlattenedTables {

	/** A target of a row: where its quote runs in the normalised text, and what it states. */
	record Cell(int quoteStart, int valueStart, int valueEnd, String indicator, String comparator, BigDecimal value,
			BigDecimal valueMax, String unit, Integer year) {
	}

	/** The rows found, and the lines (header and rows) that the sentence stages should leave alone. */
	record Tables(List<Cell> cells, List<Clauses.Span> lines) {

		boolean covers(int at) {
			for (Clauses.Span line : lines) {
				if (at >= line.start() && at < line.end()) {
					return true;
				}
			}
			return false;
		}

	}

	private static final Pattern CELL = Pattern.compile("[^ \\t|]+");

	private static final Pattern YEAR_CELL = Pattern.compile("((?:19|20)\\d{2})\\s*年?.{0,6}");

	private static final Pattern BASELINE_CELL = Pattern.compile("基期|基准|现状|基数");

	/** A target value as a table writes it: a sign, a number or range, brackets for totals, a suffix. */
	private static final Pattern VALUE = Pattern.compile("([≥≤<>≧≦]|不低于|不高于|不少于)?\\[?(\\d+(?:\\.\\d+)?)(?:\\s*[-~至]\\s*(\\d+(?:\\.\\d+)?))?\\]?"
			+ "(%|‰)?(以上|以下|以内|左右)?");

	private static final Pattern UNIT_CELL = Pattern.compile("%|‰|[\\p{IsHan}/]{1,6}|/|-");

	private FlattenedTables() {
	}

	private record Header(int nameColumn, int unitColumn, int size, List<Integer> targetColumns, List<Integer> years) {
	}

	static Tables in(String text, DeadlineScopes scopes) {
		List<Cell> cells = new ArrayList<>();
		List<Clauses.Span> covered = new ArrayList<>();
		List<Clauses.Span> lines = Clauses.lines(text);
		for (int l = 0; l < lines.size(); l++) {
			Clauses.Span line = lines.get(l);
			if (line.end() - line.start() > 200) {
				continue;
			}
			List<Clauses.Span> headerCells = cells(text, line);
			Header header = header(text, headerCells);
			if (header == null) {
				continue;
			}
			int rows = 0;
			for (int r = l + 1; r < lines.size(); r++) {
				List<Cell> found = row(text, cells(text, lines.get(r)), header, scopes, lines.get(r).start());
				if (found == null) {
					break;
				}
				cells.addAll(found);
				covered.add(lines.get(r));
				rows++;
			}
			if (rows > 0) {
				covered.add(line);
				l += rows;
			}
		}
		return new Tables(cells, covered);
	}

	private static List<Clauses.Span> cells(String text, Clauses.Span line) {
		List<Clauses.Span> cells = new ArrayList<>();
		Matcher cell = CELL.matcher(text).region(line.start(), line.end());
		while (cell.find()) {
			cells.add(new Clauses.Span(cell.start(), cell.end()));
		}
		return cells;
	}

	/** A header: cells naming the indicator and the unit, then year or target columns; null for any other line. */
	private static Header header(String text, List<Clauses.Span> cells) {
		int name = -1;
		int unit = -1;
		List<Integer> yearColumns = new ArrayList<>();
		List<Integer> years = new ArrayList<>();
		List<Integer> targetColumns = new ArrayList<>();
		for (int c = 0; c < cells.size(); c++) {
			String cell = cells.get(c).of(text);
			if (cell.length() > 12) {
				return null;
			}
			if (name < 0 && cell.startsWith("指标")) {
				name = c;
			}
			else if (cell.equals("单位") || cell.equals("计量单位")) {
				unit = c;
			}
			else if (name >= 0 && YEAR_CELL.matcher(cell).matches() && !BASELINE_CELL.matcher(cell).find()) {
				Matcher year = YEAR_CELL.matcher(cell);
				year.matches();
				yearColumns.add(c);
				years.add(Integer.parseInt(year.group(1)));
				if (cell.contains("目标")) {
					targetColumns.add(c);
				}
			}
			else if (name >= 0 && cell.contains("目标")) {
				targetColumns.add(c);
				years.add(null);
				yearColumns.add(c);
			}
		}
		if (name < 0 || unit < 0 || yearColumns.isEmpty()) {
			return null;
		}
		List<Integer> targets = new ArrayList<>();
		List<Integer> targetYears = new ArrayList<>();
		for (int i = 0; i < yearColumns.size(); i++) {
			// 2020年 2025年: the first of several year columns is the baseline, unless it says it is a target.
			boolean baseline = targetColumns.isEmpty() && yearColumns.size() > 1 && i == 0;
			if (!baseline && (targetColumns.isEmpty() || targetColumns.contains(yearColumns.get(i)))) {
				targets.add(yearColumns.get(i));
				targetYears.add(years.get(i));
			}
		}
		return new Header(name, unit, cells.size(), targets, targetYears);
	}

	/** The targets of a row, or null when the line is not a row of the table. */
	private static List<Cell> row(String text, List<Clauses.Span> cells, Header header, DeadlineScopes scopes, int lineStart) {
		// Matched from the right: a row may have lost its leading merged cells (序号, 类别), never its values.
		int shift = header.size() - cells.size();
		int unitColumn = header.unitColumn() - shift;
		int nameColumn = unitColumn - 1;
		if (shift < 0 && cells.size() - header.size() > 1 || nameColumn < 0 || unitColumn >= cells.size()) {
			return null;
		}
		Clauses.Span nameCell = cells.get(nameColumn);
		String name = nameCell.of(text);
		String unit = cells.get(unitColumn).of(text);
		if (!name.codePoints().anyMatch(Character::isIdeographic) || !UNIT_CELL.matcher(unit).matches()) {
			return null;
		}
		List<Cell> found = new ArrayList<>();
		for (int t = 0; t < header.targetColumns().size(); t++) {
			int column = header.targetColumns().get(t) - shift;
			if (column <= unitColumn || column >= cells.size()) {
				continue;
			}
			Clauses.Span valueCell = cells.get(column);
			Matcher value = VALUE.matcher(valueCell.of(text));
			if (!value.matches()) {
				continue;
			}
			String sign = value.group(1) == null ? "" : value.group(1);
			String suffix = value.group(5) == null ? "" : value.group(5);
			BigDecimal max = value.group(3) == null ? null : new BigDecimal(value.group(3));
			String comparator = max != null ? "range"
					: switch (sign) {
						case ">" -> ">";
						case "<" -> "<";
						case "≤", "≦", "不高于" -> "<=";
						default -> suffix.equals("以下") || suffix.equals("以内") ? "<=" : suffix.equals("左右") ? "~" : ">=";
					};
			String cellUnit = value.group(4) != null ? value.group(4) : unit.matches("[-/]") ? "" : unit;
			Integer year = header.years().get(t) != null ? header.years().get(t) : scopes.yearAt(lineStart);
			found.add(new Cell(nameCell.start(), valueCell.start(), valueCell.end(), name, comparator, new BigDecimal(value.group(2)),
					max, cellUnit.equals("个百分点") ? "百分点" : cellUnit, year));
		}
		return found.isEmpty() ? null : found;
	}

}
