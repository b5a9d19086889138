package cn.qualityportal.dashboards;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.qualityportal.progress.ProgressBoard;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' filters are not printed, and with them what they say. First-use checks: a page
 * printed while its year was first computed came out empty with no reason, and nothing on paper said
 * that figures awaiting review were counted. The heading's print-only lines say both.
 */
class PrintedNotesTests {

	private final org.thymeleaf.spring6.SpringTemplateEngine engine = TargetRowsTests.engine();

	private String printed(boolean submitted, ProgressBoard.Freshness freshness) {
		Map<String, Object> model = new HashMap<>();
		model.put("judging", new DashboardController.Judging(2019, submitted));
		model.put("freshness", freshness);
		return engine.process("dashboards/_parts", Set.of("printedJudging"), new Context(Locale.SIMPLIFIED_CHINESE, model));
	}

	/** The filters say it on screen in the same words (one fragment, _parts.html "asOf"). */
	@Test
	void theFiltersSayTheSameOnScreen() {
		OffsetDateTime asOf = OffsetDateTime.of(2026, 11, 30, 1, 2, 3, 0, ZoneOffset.UTC);
		Map<String, Object> model = new HashMap<>();
		model.put("judging", new DashboardController.Judging(2019, false));
		model.put("periodYears", java.util.List.of(2019));
		model.put("freshness", new ProgressBoard.Freshness(asOf, true));
		String screen = engine.process("dashboards/_parts", Set.of("judging"), new Context(Locale.SIMPLIFIED_CHINESE, model));
		assertThat(screen).contains("progress-as-of").contains("进展状态截至 2026-11-30 09:02:03（北京时间）");
	}

	@Test
	void whatTheFiltersSayIsPrintedUnderTheHeading() {
		OffsetDateTime asOf = OffsetDateTime.of(2026, 11, 30, 1, 2, 3, 0, ZoneOffset.UTC);
		assertThat(printed(false, new ProgressBoard.Freshness(null, true))).contains("本年度的进展状态正在首次计算")
			.contains("d-print-block").doesNotContain("本页计入了待审核数据");
		assertThat(printed(true, new ProgressBoard.Freshness(asOf, true))).contains("进展状态截至 2026-11-30 09:02:03（北京时间）")
			.contains("本页计入了待审核数据");
		assertThat(printed(false, new ProgressBoard.Freshness(asOf, false)).strip()).isEmpty();
	}

}
