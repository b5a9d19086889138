package cn.qualityportal.dashboards;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.qualityportal.progress.ProgressBoard;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First-use check: right after the office saved a target, its page showed the status of before the
 * change with nothing saying a newer one was being computed. The target page's progress now says so,
 * as the dashboards do.
 */
class TargetSectionTests {

	private final org.thymeleaf.spring6.SpringTemplateEngine engine = TargetRowsTests.engine();

	private String render(ProgressBoard.Freshness freshness) {
		TargetProgressSection.View view = new TargetProgressSection.View(2019, null, "", List.of(), 7, freshness);
		return engine.process("dashboards/_targetSection", Set.of("div"),
				new Context(Locale.SIMPLIFIED_CHINESE, Map.of("section", view)));
	}

	@Test
	void aPendingRecomputationIsSaidWithTheTimeOfTheStatusesShown() {
		OffsetDateTime asOf = OffsetDateTime.of(2026, 11, 30, 1, 2, 3, 0, ZoneOffset.UTC);
		assertThat(render(new ProgressBoard.Freshness(asOf, true))).contains("进展状态截至 2026-11-30 09:02:03（北京时间）");
		assertThat(render(new ProgressBoard.Freshness(null, true))).contains("本年度的进展状态正在首次计算");
		assertThat(render(new ProgressBoard.Freshness(asOf, false))).doesNotContain("进展状态截至").doesNotContain("首次计算");
	}

}
