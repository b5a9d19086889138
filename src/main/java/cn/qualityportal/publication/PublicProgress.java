package cn.qualityportal.publication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.progress.Explanation;
import cn.qualityportal.progress.ProgressBoard;
import cn.qualityportal.progress.ProgressRow;
import cn.qualityportal.progress.TargetStatus;
import cn.qualityportal.targets.GoalArea;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statuses the public may see, read through {@link ProgressBoard} from the materialised
 * statuses (approved figures only, so nothing under review), then cut to what was published: the
 * document's own targets (its cascaded children in the counties included, never another
 * document's), and of their series only the published years. A status whose latest figure is of
 * an unpublished year is withheld rather than shown with a figure nobody published.
 */
@Service
public class PublicProgress {

	private final ProgressBoard board;

	private final JdbcClient jdbc;

	PublicProgress(ProgressBoard board, JdbcClient jdbc) {
		this.board = board;
		this.jdbc = jdbc;
	}

	/**
	 * A target as the public sees it in a published year.
	 *
	 * @param status null when withheld (its latest figure is of a year not published)
	 * @param explanation null when withheld
	 * @param series the approved figures of published years up to the judged year, oldest first
	 */
	public record PublicTarget(long targetId, long indicatorId, String indicatorCode, String indicatorName, String unit,
			GoalArea area, String regionCode, String regionName, String condition, boolean increment,
			cn.qualityportal.targets.Comparator comparator, BigDecimal value, int deadlineYear, BigDecimal latestValue, Integer latestYear, BigDecimal forecastValue,
			TargetStatus status, Explanation explanation, List<ProgressRow.Point> series, int decimals) {

		public boolean withheld() {
			return status == null;
		}

	}

	/** A goal of the document: its area and statement. */
	public record PublicGoal(GoalArea area, String title) {
	}

	/** An indicator's definition, after Open SDG's metadata: 口径, unit, frequency, source, direction. */
	public record IndicatorDefinition(long id, String code, String name, String unit, String definition,
			String numeratorDefinition, String denominatorDefinition, String reportingFrequency, String direction,
			String valueType, String supplier) {
	}

	/** The document's targets as of a published year, limited to an indicator when one is given. */
	@Transactional(readOnly = true)
	public List<PublicTarget> targets(long documentId, int year, Set<Integer> publicYears, Long indicatorId) {
		if (!publicYears.contains(year)) {
			return List.of();
		}
		ProgressBoard.Query query = ProgressBoard.Query.of(year, false).document(documentId);
		if (indicatorId != null) {
			query = query.indicator(indicatorId);
		}
		List<PublicTarget> targets = new ArrayList<>();
		for (ProgressRow row : board.rows(query, DataScope.EVERYTHING)) {
			if (row.documentId() != documentId || row.provisional()) {
				continue;
			}
			List<ProgressRow.Point> series = row.series()
				.stream()
				.filter(point -> publicYears.contains(point.year()) && point.year() <= year)
				.toList();
			boolean withheld = row.latestYear() != null && !publicYears.contains(row.latestYear());
			targets.add(new PublicTarget(row.targetId(), row.indicatorId(), row.indicatorCode(), row.indicatorName(),
					row.unit(), row.area(), row.regionCode(), row.regionName(), row.condition(), row.increment(),
					row.comparator(), row.value(), row.deadlineYear(), withheld ? null : row.latestValue(),
					withheld ? null : row.latestYear(), withheld ? null : row.forecastValue(),
					withheld ? null : row.status(), withheld ? null : row.explanation(), series, row.decimals()));
		}
		return targets;
	}

	/** The document's goals in the order it states them. */
	@Transactional(readOnly = true)
	public List<PublicGoal> goals(long documentId) {
		return jdbc.sql("select area, title from goal_directory where document_id = ? order by position, id")
			.param(documentId)
			.query((rs, row) -> new PublicGoal(GoalArea.of(rs.getString("area")), rs.getString("title")))
			.list();
	}

	/** The indicator's definition. */
	@Transactional(readOnly = true)
	public java.util.Optional<IndicatorDefinition> definition(long indicatorId) {
		return jdbc.sql("""
				select i.id, i.code, i.name, i.unit, i.definition, i.numerator_definition, i.denominator_definition,
				       i.reporting_frequency, i.direction, i.value_type, d.name as supplier
				from indicator_directory i left join department_directory d on d.id = i.supplier_department_id
				where i.id = ?""")
			.param(indicatorId)
			.query(IndicatorDefinition.class)
			.optional();
	}

}
