package cn.qualityportal.dashboards;

import java.util.List;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.progress.ProgressBoard;
import cn.qualityportal.progress.ProgressRow;
import cn.qualityportal.targets.TargetPageSection;
import org.springframework.stereotype.Component;

/**
 * The target page's figures and progress: its yearly figures, trend, forecast, the judged year's
 * milestone and its status with the explanation, read through {@link ProgressBoard} (the same
 * materialised statuses and rules as every dashboard). Within the reader's scope: a target of a
 * region above the reader's shows its terms only, as the dashboards do.
 */
@Component
class TargetProgressSection implements TargetPageSection {

	private final ProgressBoard board;

	TargetProgressSection(ProgressBoard board) {
		this.board = board;
	}

	/**
	 * @param row null when the reader's scope does not cover the target's region
	 */
	record View(int year, ProgressRow row, String sparkline, List<ProgressRow.Point> series, long indicatorId,
			ProgressBoard.Freshness freshness) {
	}

	@Override
	public String template() {
		return "dashboards/_targetSection";
	}

	@Override
	public Object model(Subject target, DataScope scope) {
		int year = board.defaultYear();
		ProgressRow row = board.rows(ProgressBoard.Query.of(year, false)
			.region(target.regionCode())
			.document(target.documentId())
			.indicator(target.indicatorId()), scope)
			.stream()
			.filter(candidate -> candidate.targetId() == target.targetId())
			.findFirst()
			.orElse(null);
		// Right after the office saves a target its page shows the status of before the change until the
		// background recomputation has run: say so, as the dashboards do (first-use check). Asked once per request.
		return new View(year, row, row == null ? "" : Sparkline.points(row.series()),
				row == null ? List.of() : row.series(), target.indicatorId(), board.freshness(year, false));
	}

}
