package cn.qualityportal.dashboards;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.qualityportal.progress.TargetStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * ECharts options as JSON for {@code data-chart} attributes (static/js/charts.js draws them; the
 * content security policy allows no inline script). Only data and layout: every number is also
 * in the table beside the chart.
 */
final class Charts {

	/** Status colours, the same as the badges' (portal.css). */
	static final Map<TargetStatus, String> COLOURS = Map.of(TargetStatus.ACHIEVED, "#198754", TargetStatus.ON_TRACK,
			"#0d6efd", TargetStatus.NEEDS_ACCELERATION, "#e0a800", TargetStatus.OFF_TRACK, "#fd7e14",
			TargetStatus.OVERDUE, "#dc3545", TargetStatus.NO_DATA, "#adb5bd");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Charts() {
	}

	/** Horizontal stacked bars: one bar per category, one stack segment per status. */
	static String statusBars(List<String> categories, Map<TargetStatus, List<Integer>> counts,
			Map<TargetStatus, String> statusNames) {
		List<Object> series = new ArrayList<>();
		counts.forEach((status, values) -> series.add(map("name", statusNames.get(status), "type", "bar", "stack", "all",
				"itemStyle", map("color", COLOURS.get(status)), "data", values)));
		return json(map("tooltip", map("trigger", "axis"), "legend", map("bottom", 0),
				"grid", map("left", 8, "right", 16, "top", 8, "bottom", 40, "containLabel", true),
				"xAxis", map("type", "value", "minInterval", 1), "yAxis", map("type", "category", "data", categories,
						"inverse", true),
				"series", series));
	}

	/**
	 * Bars of one number per category, with an optional reference line (the target). The axis starts
	 * at zero: an axis from 90 made a gap of one point look like a gap of half the bar. The line's
	 * label sits inside the grid above its end, where the grid's edge cannot cut it.
	 */
	static String bars(List<String> categories, List<? extends Number> values, String name, BigDecimal line,
			String lineName) {
		Map<String, Object> series = map("name", name, "type", "bar", "data", values, "itemStyle", map("color", "#0d6efd"));
		if (line != null) {
			series.put("markLine", map("symbol", "none", "data", List.of(map("yAxis", line, "name", lineName)),
					"lineStyle", map("color", "#dc3545", "type", "dashed"),
					"label", map("formatter", lineName, "position", "insideEndTop")));
		}
		return json(map("tooltip", map("trigger", "axis"),
				"grid", map("left", 8, "right", 16, "top", 24, "bottom", 8, "containLabel", true),
				"xAxis", map("type", "category", "data", categories, "axisLabel", map("interval", 0, "rotate", 30)),
				// Without "scale" ECharts always includes zero, also below it for negative figures.
				"yAxis", map("type", "value"), "series", List.of(series)));
	}

	/** Shares (0–100 %) per category, on an axis from 0 to 100 so bars compare honestly. */
	static String shares(List<String> categories, List<? extends Number> values, String name) {
		return json(map("tooltip", map("trigger", "axis"),
				"grid", map("left", 8, "right", 16, "top", 24, "bottom", 8, "containLabel", true),
				"xAxis", map("type", "category", "data", categories, "axisLabel", map("interval", 0, "rotate", 30)),
				"yAxis", map("type", "value", "min", 0, "max", 100),
				"series", List.of(map("name", name, "type", "bar", "data", values, "itemStyle", map("color", "#198754")))));
	}

	/**
	 * A ring of status counts. An empty status has no slice and so no label ("滞后: 0" pointing at
	 * nothing); the legend and the table beside the chart still list it with 0.
	 */
	static String statusRing(Map<TargetStatus, Integer> counts, Map<TargetStatus, String> statusNames) {
		List<Object> data = new ArrayList<>();
		counts.forEach((status, count) -> {
			Map<String, Object> slice = map("name", statusNames.get(status), "value", count, "itemStyle",
					map("color", COLOURS.get(status)));
			if (count == 0) {
				slice.put("label", map("show", false));
				slice.put("labelLine", map("show", false));
			}
			data.add(slice);
		});
		// Slices are labelled with their count only: the legend and the table beside the chart name them,
		// and "status: count" labels were cut and ran into the legend on a phone (first-use check).
		// No targets at all (a year being computed for the first time) draws no ring, not six equal slices.
		return json(map("tooltip", map("trigger", "item"), "legend", map("bottom", 0),
				"series", List.of(map("type", "pie", "radius", List.of("38%", "60%"), "center", List.of("50%", "44%"),
						"stillShowZeroSum", false, "data", data, "label", map("formatter", "{c}")))));
	}

	private static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	private static String json(Object options) {
		return JSON.writeValueAsString(options);
	}

}
