package cn.qualityportal.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 */
final class RubricImport {

	static final int MAX_ROWS = 500;

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
		Map<String, Integer> columns = new HashMap<>();
		List<String> header = rows.get(0).cells();
		for (int c = 0; c < header.size(); c++) {
			String column = COLUMNS.get(header.get(c).strip().toLowerCase(Locale.ROOT));
			if (column != null) {
				columns.putIfAbsent(column, c);
			}
		}
		if (!columns.keySet().containsAll(List.of("category", "title", "points"))) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "rubric.importColumns");
		}
		List<Rubrics.ItemInput> items = new ArrayList<>();
		for (SpreadsheetRow row : rows.subList(1, rows.size())) {
			if (row.isBlank()) {
				continue;
			}
			String category = row.cell(columns.get("category")).strip();
			String title = row.cell(columns.get("title")).strip();
			String method = columns.containsKey("method") ? row.cell(columns.get("method")).strip() : "";
			String evidence = columns.containsKey("evidence") ? row.cell(columns.get("evidence")).strip() : "";
			Kind kind = kind(category);
			BigDecimal points;
			String pointsText = row.cell(columns.get("points")).strip();
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
