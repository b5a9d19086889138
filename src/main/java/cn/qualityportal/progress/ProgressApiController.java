package cn.qualityportal.progress;

import java.math.BigDecimal;
import java.util.List;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.system.ListTotals;
import cn.qualityportal.system.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Progress over JSON: every target in the caller's scope (or one region of it) with its latest
 * figure, milestone, forecast, anticipated-progress ratio, status and explanation, in the
 * caller's language. The same rows the dashboards show, a page at a time ({@code size} at most
 * 5000, default 1000); a page shorter than {@code size} is the last, and {@code X-Total-Count} tells
 * how many rows there are in all.
 */
@RestController
class ProgressApiController {

	private final ProgressBoard board;

	private final MessageSource messages;

	ProgressApiController(ProgressBoard board, MessageSource messages) {
		this.board = board;
		this.messages = messages;
	}

	record TargetProgressView(long targetId, String indicatorCode, String indicatorName, String unit, String regionCode,
			String documentNumber, String comparator, BigDecimal value, BigDecimal valueMax, boolean increment,
			int deadlineYear, BigDecimal latestValue, Integer latestYear, boolean provisional, String source,
			BigDecimal milestoneValue, BigDecimal forecastValue, BigDecimal ratio, TargetStatus status, String explanation) {
	}

	@GetMapping("/api/v1/progress")
	ResponseEntity<List<TargetProgressView>> list(@RequestParam(defaultValue = "") String regionCode,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean includeSubmitted,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "1000") int size, DataScope scope) {
		if (page < 0 || size < 1 || size > 5000) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "validation.paging");
		}
		if (!regionCode.isBlank() && !scope.covers(regionCode)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "validation.region.notVisible");
		}
		ProgressBoard.Query query = ProgressBoard.Query.of(board.judgedYear(year), includeSubmitted);
		if (!regionCode.isBlank()) {
			query = query.region(regionCode);
		}
		List<TargetProgressView> rows = board.rows(query, scope, (long) page * size, size)
			.stream()
			.map(row -> new TargetProgressView(row.targetId(), row.indicatorCode(), row.indicatorName(), row.unit(),
					row.regionCode(), row.documentNumber(), row.comparator().symbol(), row.value(), row.valueMax(),
					row.increment(), row.deadlineYear(), row.latestValue(), row.latestYear(), row.provisional(),
					row.source() == null ? null : row.source().name(), row.milestoneValue(), row.forecastValue(),
					row.ratio(), row.status(), messages.getMessage(row.explanation(), LocaleContextHolder.getLocale())))
			.toList();
		return ResponseEntity.ok().header(ListTotals.HEADER, String.valueOf(board.count(query, scope))).body(rows);
	}

}
