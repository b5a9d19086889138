package cn.qualityportal.progress;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.system.Refusal;
import cn.qualityportal.targets.Comparator;
import cn.qualityportal.targets.GoalArea;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads materialised progress for the pages, reports and the API, always within the reader's
 * scope (their own region, and those below it when their account covers them; never a sibling's,
 * and not the figures of regions above). Every read first brings the statuses up to date.
 */
@Service
public class ProgressBoard {

	private final ProgressStore store;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ProgressBoard(ProgressStore store, JdbcClient jdbc, JsonMapper json) {
		this.store = store;
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * What to read: the judged year, whether submitted figures count, and optional filters (an exact
	 * region, a region and everything below it, a document, goal area, lead or cooperating
	 * department, status, indicator).
	 */
	public record Query(int year, boolean includeSubmitted, String regionCode, String underRegionCode, Long documentId,
			GoalArea area, Long departmentId, TargetStatus status, Long indicatorId) {

		public static Query of(int year, boolean includeSubmitted) {
			return new Query(year, includeSubmitted, null, null, null, null, null, null, null);
		}

		public Query region(String code) {
			return new Query(year, includeSubmitted, code, underRegionCode, documentId, area, departmentId, status, indicatorId);
		}

		public Query under(String code) {
			return new Query(year, includeSubmitted, regionCode, code, documentId, area, departmentId, status, indicatorId);
		}

		public Query document(Long id) {
			return new Query(year, includeSubmitted, regionCode, underRegionCode, id, area, departmentId, status, indicatorId);
		}

		public Query area(GoalArea goalArea) {
			return new Query(year, includeSubmitted, regionCode, underRegionCode, documentId, goalArea, departmentId, status, indicatorId);
		}

		public Query department(Long id) {
			return new Query(year, includeSubmitted, regionCode, underRegionCode, documentId, area, id, status, indicatorId);
		}

		public Query status(TargetStatus targetStatus) {
			return new Query(year, includeSubmitted, regionCode, underRegionCode, documentId, area, departmentId, targetStatus, indicatorId);
		}

		public Query indicator(Long id) {
			return new Query(year, includeSubmitted, regionCode, underRegionCode, documentId, area, departmentId, status, id);
		}

	}

	/**
	 * The year judged when none is asked for: the latest year whose annual reporting period is
	 * closed (its figures are final), else the latest annual period, else last year.
	 */
	@Transactional(readOnly = true)
	public int defaultYear() {
		Integer year = jdbc.sql("""
				select coalesce(max(year) filter (where closed), max(year))
				from reporting_year""").query(Integer.class).optional().orElse(null);
		return year != null ? year : Year.now().getValue() - 1;
	}

	/** The year asked for (1949–2100, else a 400), or {@link #defaultYear()} when none was. */
	public int judgedYear(Integer asked) {
		if (asked != null && (asked < 1949 || asked > 2100)) {
			throw new Refusal(HttpStatus.BAD_REQUEST, "progress.yearInvalid");
		}
		return asked == null ? defaultYear() : asked;
	}

	/** Brings the statuses of a year up to date; the pages call it before their own read-model SQL. */
	public void refresh(int year, boolean includeSubmitted) {
		store.refresh(year, includeSubmitted);
	}

	public List<ProgressRow> rows(Query query, DataScope scope) {
		return rows(query, scope, 0, Long.MAX_VALUE);
	}

	/** A page of the rows, in a stable order (region, goal area, indicator, deadline, target). */
	public List<ProgressRow> rows(Query query, DataScope scope, long offset, long limit) {
		refresh(query.year(), query.includeSubmitted());
		List<Object[]> params = new ArrayList<>();
		return select(where(query, scope, params), params, offset, limit);
	}

	/** How many rows {@link #rows(Query, DataScope, long, long)} pages through. */
	public long count(Query query, DataScope scope) {
		refresh(query.year(), query.includeSubmitted());
		List<Object[]> params = new ArrayList<>();
		var statement = jdbc.sql("""
				select count(*)
				from target_progress p
				join target_term t on t.id = p.target_id""" + where(query, scope, params));
		for (Object[] param : params) {
			statement = statement.param((String) param[0], param[1]);
		}
		return statement.query(Long.class).single();
	}

	private static String where(Query query, DataScope scope, List<Object[]> params) {
		StringBuilder where = new StringBuilder(" where p.as_of_year = :year and p.include_submitted = :submitted");
		params.add(new Object[] { "year", query.year() });
		params.add(new Object[] { "submitted", query.includeSubmitted() });
		if (!scope.everything()) {
			where.append(" and t.region_code = any(:scope)");
			params.add(new Object[] { "scope", scope.writableArray() });
		}
		if (query.regionCode() != null) {
			where.append(" and t.region_code = :region");
			params.add(new Object[] { "region", query.regionCode() });
		}
		if (query.underRegionCode() != null) {
			where.append("""
					 and t.region_code in (select code from region_subtree(:under))""");
			params.add(new Object[] { "under", query.underRegionCode() });
		}
		if (query.documentId() != null) {
			where.append(" and (t.document_id = :document or t.parent_target_id in (select id from target_term where document_id = :document))");
			params.add(new Object[] { "document", query.documentId() });
		}
		if (query.area() != null) {
			where.append(" and t.area = :area");
			params.add(new Object[] { "area", query.area().name() });
		}
		if (query.departmentId() != null) {
			where.append(" and (t.lead_department_id = :department or exists (select 1 from target_cooperation c"
					+ " where c.target_id = t.id and c.department_id = :department))");
			params.add(new Object[] { "department", query.departmentId() });
		}
		if (query.status() != null) {
			where.append(" and p.status = :status");
			params.add(new Object[] { "status", query.status().name() });
		}
		if (query.indicatorId() != null) {
			where.append(" and t.indicator_id = :indicator");
			params.add(new Object[] { "indicator", query.indicatorId() });
		}
		return where.toString();
	}

	private List<ProgressRow> select(String where, List<Object[]> params, long offset, long limit) {
		var statement = jdbc.sql("""
				select t.id, t.indicator_id, t.indicator_code as code, t.indicator_name as name, t.unit, t.area, t.region_code,
				       r.name as region_name, t.document_id, d.doc_number, d.title, t.comparator, t.value, t.value_max,
				       t.tolerance, t.baseline_value, t.baseline_year, t.deadline_year, t.increment, t.direction, t.value_type, t.decimals,
				       ld.name as lead_name, p.status, p.latest_value, p.latest_year, p.provisional, p.source,
				       p.milestone_value, p.forecast_value, p.ratio, p.explanation, p.series,
				       array(select cd.name from target_cooperation c join department_directory cd on cd.id = c.department_id
				             where c.target_id = t.id order by cd.name) as cooperating_names
				from target_progress p
				join target_term t on t.id = p.target_id
				join region_directory r on r.code = t.region_code
				join document_directory d on d.id = t.document_id
				left join department_directory ld on ld.id = t.lead_department_id""" + where + """

				order by t.region_code, t.area, t.indicator_code, t.deadline_year, t.id
				offset :offset limit :limit""");
		for (Object[] param : params) {
			statement = statement.param((String) param[0], param[1]);
		}
		statement = statement.param("offset", offset).param("limit", limit);
		return statement.query((rs, row) -> {
			Terms terms = new Terms(Comparator.valueOf(rs.getString("comparator")), rs.getBigDecimal("value"),
					rs.getBigDecimal("value_max"), rs.getBigDecimal("tolerance"), rs.getBigDecimal("baseline_value"),
					(Integer) rs.getObject("baseline_year"), rs.getInt("deadline_year"), rs.getBoolean("increment"),
					cn.qualityportal.targets.Direction.valueOf(rs.getString("direction")),
					cn.qualityportal.targets.ValueType.valueOf(rs.getString("value_type")), rs.getString("unit"),
					(Integer) rs.getObject("decimals"));
			return new ProgressRow(rs.getLong("id"), rs.getLong("indicator_id"), rs.getString("code"), rs.getString("name"),
					rs.getString("unit"), GoalArea.of(rs.getString("area")), rs.getString("region_code"), rs.getString("region_name"),
					rs.getLong("document_id"), rs.getString("doc_number"), rs.getString("title"), terms.comparator(),
					rs.getBigDecimal("value"), rs.getBigDecimal("value_max"), rs.getInt("deadline_year"),
					rs.getBoolean("increment"), terms.conditionText(),
					rs.getString("lead_name"), TargetStatus.valueOf(rs.getString("status")), rs.getBigDecimal("latest_value"),
					(Integer) rs.getObject("latest_year"), rs.getBoolean("provisional"),
					rs.getString("source") == null ? null : Figure.Source.valueOf(rs.getString("source")),
					rs.getBigDecimal("milestone_value"), rs.getBigDecimal("forecast_value"), rs.getBigDecimal("ratio"),
					ProgressStore.ExplanationJson.fromTree(json.readTree(rs.getString("explanation"))),
					series(rs.getString("series")), List.of((String[]) rs.getArray("cooperating_names").getArray()),
					terms.precision());
		}).list();
	}

	private List<ProgressRow.Point> series(String text) {
		List<ProgressRow.Point> points = new ArrayList<>();
		for (JsonNode point : json.readTree(text)) {
			points.add(new ProgressRow.Point(point.get(0).asInt(), point.get(1).decimalValue()));
		}
		return points;
	}


}
