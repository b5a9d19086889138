package cn.qualityportal.dashboards;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.IThymeleafEvaluationContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContextWrapper;

/**
 * The rows of the dashboards' target table, each rendered from {@code dashboards/_targetRow.html}
 * once per distinct line and then kept. The line is the key: it holds every text the row shows,
 * already formatted, so a figure, status, name or wording that changes makes another line and
 * another rendering, and no change can leave a stale row behind. Rendering 200 rows through the
 * template engine was most of a county's region page (issue 18, docs/operations.md); reading the
 * statuses and building the lines still happens on every request.
 */
@Component("targetRows")
public class TargetRows {

	/** Rows are about 1,200 characters: some 13,000 distinct rows, at most about 32 MB. */
	private static final long MAX_CHARACTERS = 16_000_000;

	private final ITemplateEngine templates;

	private final Cache<Key, String> rendered = Caffeine.newBuilder()
		.maximumWeight(MAX_CHARACTERS)
		.weigher((Key key, String html) -> html.length())
		.build();

	TargetRows(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** The rows' markup, in the reader's language; the region and document columns as the table shows them. */
	public String html(List<TargetLine> lines, boolean showRegion, boolean showDocument) {
		Locale locale = LocaleContextHolder.getLocale();
		// One expression context for the rows this call renders. Without one, Thymeleaf makes a new SpEL
		// context for every row, whose property accessor finds each accessor of TargetLine by reflection
		// again: that was most of the time of a county page whose rows were not kept yet (a JFR profile,
		// docs/operations.md). Not shared between calls: Thymeleaf sets its expression objects on it.
		IThymeleafEvaluationContext expressions = new ThymeleafEvaluationContextWrapper(new StandardEvaluationContext());
		StringBuilder html = new StringBuilder(lines.size() * 1_300);
		for (TargetLine line : lines) {
			html.append(rendered.get(new Key(line, showRegion, showDocument, locale), key -> render(key, expressions)));
		}
		return html.toString();
	}

	private String render(Key key, IThymeleafEvaluationContext expressions) {
		Context context = new Context(key.locale(), Map.of("line", key.line(), "showRegion", key.showRegion(),
				"showDocument", key.showDocument(), ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				expressions));
		return templates.process("dashboards/_targetRow", Set.of("row"), context);
	}

	private record Key(TargetLine line, boolean showRegion, boolean showDocument, Locale locale) {
	}

}
