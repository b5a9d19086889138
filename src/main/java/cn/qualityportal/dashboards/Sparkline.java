package cn.qualityportal.dashboards;

import java.util.List;

import cn.qualityportal.progress.ProgressRow;

/**
 * A figure series as the points of a small inline SVG polyline: drawn on the server, so a region
 * page of two hundred targets needs no two hundred chart instances, and it prints as it shows.
 */
final class Sparkline {

	static final int WIDTH = 80;

	static final int HEIGHT = 20;

	private Sparkline() {
	}

	static String points(List<ProgressRow.Point> series) {
		if (series.size() < 2) {
			return "";
		}
		double min = series.stream().mapToDouble(point -> point.value().doubleValue()).min().orElse(0);
		double max = series.stream().mapToDouble(point -> point.value().doubleValue()).max().orElse(0);
		int first = series.get(0).year();
		int span = Math.max(1, series.get(series.size() - 1).year() - first);
		StringBuilder points = new StringBuilder();
		for (ProgressRow.Point point : series) {
			double x = 1 + (WIDTH - 2) * (point.year() - first) / (double) span;
			double y = max == min ? HEIGHT / 2.0
					: HEIGHT - 1 - (HEIGHT - 2) * (point.value().doubleValue() - min) / (max - min);
			appendTenths(points, x).append(',');
			appendTenths(points, y).append(' ');
		}
		return points.toString().strip();
	}

	/**
	 * A coordinate (0 to 80, never negative) to one decimal, half up. Not String.format: a region
	 * page draws two hundred lines, and the formatter was a tenth of its time.
	 */
	private static StringBuilder appendTenths(StringBuilder to, double value) {
		long tenths = Math.round(value * 10);
		return to.append(tenths / 10).append('.').append(tenths % 10);
	}

}
