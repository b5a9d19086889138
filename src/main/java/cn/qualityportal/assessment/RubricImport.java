package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import cn.qualityportal.assessment.RubricScore.Grade;
import cn.qualityportal.assessment.RubricScore.Kind;
import cn.qualityportal.assessment.RubricScore.Method;
import cn.qualityportal.spreadsheets.SpreadsheetRow;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.targets.GoalArea;
import org.springframework.http.HttpStatus;

/**
 * Reads a rubric from the sheet offices keep: a header row naming the columns 类别 (category),
 * 考核内容 (item), 分值 (points), 评分方式 (method) and 佐证材料 (required evidence), in any order,
 * then one item per row. The category says the kind (加分 → bonus, 扣分 → deduction, 一票否决 →
 * veto, anything else a criterion); the method says how a criterion is scored (目标 → from target
 * statuses, with a goal area's name to score only that area; 按时/填报 → from punctuality;
 * anything else by hand with evidence). The first bad row refuses the whole file.
 * <p>
 * As the sheet is printed: a title above the header row (the header is the first row naming the
 * three columns, within the first ten), the category written once for its group (a merged cell:
 * empty below it, so the category above carries on), points with their unit (20分) and a 合计
 * (total) row at the end, which is not an item.
 */
final class RubricImport {

	static final int MAX_ROWS = 500;

	/** How far down the header row is looked for, below a title and notes. */
	private static final int HEADER_SEARCH = 10;

	/** A total row (合计, 总计, 总分, total), not an item. */
	private static final Pattern TOTAL = Pattern.compile("(合\\s*计|总\\s*计|总\\s*分|total)", Pattern.CASE_INSENSITIVE);

	/** Points written with their unit: 20分, 20 分. */
	private static final Pattern POINTS_UNIT = Pattern.compile("\\s*分$");

	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("类别", "category"),
			Map.entry("考核类别", "category"), Map.entry("category", "category"), Map.entry("考核内容", "title"),
			Map.entry("考核项目", "title"), Map.entry("项目", "title"), Map.entry("item", "title"), Map.entry("分值", "points"),
			Map.entry("points", "points"), Map.entry("评分方式", "method"), Map.entry("考核方式", "method"),
			Map.entry("method", "method"), Map.entry("佐证材料", "evidence"), Map.entry("佐证材料要求", "evidence"),
			Map.entry("required evidence", "evidence"), Map.entry("evidence", "evidence"));

	private RubricImport() {
	}

	/** @param areaNames goal areas by their names in the bundles' languages */
	static List<Rubrics.ItemInput> read(List<SpreadsheetRow> rows, Map<String, GoalArea> areaNames) {
		if (rows.size() < 2) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "import.noRows");
		}
		int headerIndex = -1;
		Map<String, Integer> columns = new HashMap<>();
		for (int r = 0; r < Math.min(rows.size(), HEADER_SEARCH) && headerIndex < 0; r++) {
			columns.clear();
			List<String> header = rows.get(r).cells();
			for (int c = 0; c < header.size(); c++) {
				String column = COLUMNS.get(header.get(c).strip().toLowerCase(Locale.ROOT));
				if (column != null) {
					columns.putIfAbsent(column, c);
				}
			}
			if (columns.keySet().containsAll(List.of("category", "title", "points"))) {
				headerIndex = r;
			}
		}
		if (headerIndex < 0) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.importColumns");
		}
		List<Rubrics.ItemInput> items = new ArrayList<>();
		String group = "";
		for (SpreadsheetRow row : rows.subList(headerIndex + 1, rows.size())) {
			if (row.isBlank()) {
				continue;
			}
			String written = row.cell(columns.get("category")).strip();
			String title = row.cell(columns.get("title")).strip();
			if (TOTAL.matcher(written).matches() || (title.isEmpty() && TOTAL.matcher(row.cell(0).strip()).matches())
					|| TOTAL.matcher(title).matches()) {
				continue;
			}
			// A merged category cell is read once, at the top of its group.
			String category = written.isEmpty() ? group : written;
			group = category;
			String method = columns.containsKey("method") ? row.cell(columns.get("method")).strip() : "";
			String evidence = columns.containsKey("evidence") ? row.cell(columns.get("evidence")).strip() : "";
			Kind kind = kind(category);
			BigDecimal points;
			String pointsText = POINTS_UNIT.matcher(row.cell(columns.get("points")).strip()).replaceFirst("");
			try {
				points = pointsText.isEmpty() && kind == Kind.VETO ? BigDecimal.ZERO : new BigDecimal(pointsText);
			}
			catch (NumberFormatException notANumber) {
				throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.pointsInvalid", row.number());
			}
			Method how = kind == Kind.CRITERION ? method(method) : Method.MANUAL;
			GoalArea area = how == Method.TARGETS ? area(method, areaNames) : null;
			Rubrics.ItemInput item = new Rubrics.ItemInput(kind, category, title, points, how, area,
					evidence.isEmpty() ? null : evidence, kind == Kind.VETO ? Grade.FAIL : null);
			Rubrics.check(item, row.number());
			items.add(item);
		}
		if (items.isEmpty()) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "import.noRows");
		}
		return items;
	}

	static Kind kind(String category) {
		String text = category.toLowerCase(Locale.ROOT);
		if (text.contains("否决") || text.contains("veto")) {
			return Kind.VETO;
		}
		if (text.contains("加分") || text.contains("bonus")) {
			return Kind.BONUS;
		}
		if (text.contains("扣分") || text.contains("deduction")) {
			return Kind.DEDUCTION;
		}
		return Kind.CRITERION;
	}

	static Method method(String method) {
		String text = method.toLowerCase(Locale.ROOT);
		if (text.contains("目标") || text.contains("target")) {
			return Method.TARGETS;
		}
		if (text.contains("按时") || text.contains("填报") || text.contains("punctual")) {
			return Method.PUNCTUALITY;
		}
		return Method.MANUAL;
	}

	private static GoalArea area(String method, Map<String, GoalArea> areaNames) {
		for (Map.Entry<String, GoalArea> name : areaNames.entrySet()) {
			if (method.contains(name.getKey())) {
				return name.getValue();
			}
		}
		return null;
	}

}
