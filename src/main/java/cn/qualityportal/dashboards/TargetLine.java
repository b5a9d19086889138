package cn.qualityportal.dashboards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.qualityportal.progress.ProgressRow;
import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.targets.Figures;
import org.springframework.context.MessageSource;

/**
 * One row of a dashboard's target table with every text already formatted, so a page of hundreds
 * of targets renders by plain property reads (the region page's 50 ms budget leaves no room for
 * per-row link building, fragment calls and message lookups in the template).
 */
record TargetLine(String indicatorName, String indicatorHref, String regionName, String regionHref,
		String documentLabel, String documentHref, String condition, String deadline, String latest, String latestYear,
		String sparkline, String forecast, TargetStatus status, String statusLabel, String explanation) {

	/** The badge's class, coloured as the charts (portal.css). */
	public String statusClass() {
		return "status-" + status.name();
	}

	/** The lines of {@code rows}; links carry the judged year and "include submitted" of the page. */
	static List<TargetLine> of(List<ProgressRow> rows, String contextPath, DashboardController.Judging judging,
			MessageSource messages, Locale locale) {
		String query = "?year=" + judging.year() + "&submitted=" + judging.submitted();
		String increment = messages.getMessage("target.increment", null, locale) + " ";
		String[] statusLabels = new String[TargetStatus.values().length];
		for (TargetStatus status : TargetStatus.values()) {
			statusLabels[status.ordinal()] = messages.getMessage("progress.status." + status.name(), null, locale);
		}
		List<TargetLine> lines = new ArrayList<>(rows.size());
		for (ProgressRow row : rows) {
			lines.add(new TargetLine(row.indicatorName(), contextPath + "/dashboards/indicators/" + row.indicatorId() + query,
					row.regionName(), contextPath + "/dashboards/regions/" + row.regionCode() + query,
					row.documentNumber() != null ? row.documentNumber() : row.documentTitle(),
					contextPath + "/dashboards/documents/" + row.documentId() + query,
					(row.increment() ? increment : "") + row.condition(),
					messages.getMessage("target.byYear", new Object[] { String.valueOf(row.deadlineYear()) }, locale),
					row.latestValue() == null ? "—" : Figures.format(row.latestValue(), row.decimals()) + row.unit(),
					row.latestYear() == null ? "" : "(" + row.latestYear() + ")", Sparkline.points(row.series()),
					row.forecastValue() == null ? "—" : Figures.format(row.forecastValue(), row.decimals()) + row.unit(), row.status(),
					statusLabels[row.status().ordinal()], messages.getMessage(row.explanation(), locale)));
		}
		return lines;
	}

}
