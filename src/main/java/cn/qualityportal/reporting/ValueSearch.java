package cn.qualityportal.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.targets.ValueType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads of reported figures in one query, limited to the regions the scope covers, and their audit history. */
@Component
class ValueSearch {

	static final String COLUMNS = """
			select v.id, i.code, i.name, i.unit, i.value_type, i.decimals, v.region_code, r.name as region_name, p.year, p.kind, p.number, v.value,
			       v.numerator, v.denominator, v.note, v.status, v.return_reason, v.updated_by, person_name(v.updated_by) as updated_by_name,
			       person_name(v.submitted_by) as submitted_by_name, v.updated_at, v.version,
			       (select count(*) from value_evidence e where e.value_id = v.id) as evidence_count,
			       -- Approved but not final: under two-level review it waits for the level above (value_standing's rule).
			       (v.status = 'APPROVED' and exists (select 1 from value_standing s where s.value_id = v.id and s.in_review))
			           as awaiting_acceptance
			from indicator_value v
			join indicator_directory i on i.id = v.indicator_id
			join region_directory r on r.code = v.region_code
			join reporting_period p on p.id = v.period_id""";

	private final JdbcClient jdbc;

	ValueSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Which figures: any field empty or null means all; years inclusive. */
	record Filter(String regionCode, Integer fromYear, Integer toYear, List<String> indicatorCodes) {

		static Filter of(String regionCode, Integer year, String indicatorCode) {
			return new Filter(regionCode, year, year,
					indicatorCode == null || indicatorCode.isBlank() ? List.of() : List.of(indicatorCode));
		}

	}

	@Transactional(readOnly = true)
	List<ValueView> find(String regionCode, Integer year, String indicatorCode, DataScope scope) {
		return find(Filter.of(regionCode, year, indicatorCode), scope, 0, 5000);
	}

	/** A page of the figures the scope may read, in a stable order (year, period, indicator, region). */
	@Transactional(readOnly = true)
	List<ValueView> find(Filter filter, DataScope scope, long offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, scope, params);
		params.add(limit);
		params.add(offset);
		return jdbc.sql(COLUMNS + where + " order by p.year, p.kind, p.number, i.code, v.region_code, v.id limit ? offset ?")
			.params(params)
			.query(ValueSearch::view)
			.list();
	}

	/** How many figures {@link #find(Filter, DataScope, long, int)} pages through. */
	@Transactional(readOnly = true)
	long count(Filter filter, DataScope scope) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, scope, params);
		return jdbc.sql("""
				select count(*) from indicator_value v
				join indicator_directory i on i.id = v.indicator_id
				join reporting_period p on p.id = v.period_id""" + where).params(params).query(Long.class).single();
	}

	private static String where(Filter filter, DataScope scope, List<Object> params) {
		StringBuilder where = new StringBuilder(" where true");
		if (!scope.everything()) {
			where.append(" and v.region_code = any(?)");
			params.add(scope.writableArray());
		}
		if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
			where.append(" and v.region_code = ?");
			params.add(filter.regionCode());
		}
		if (filter.fromYear() != null) {
			where.append(" and p.year >= ?");
			params.add(filter.fromYear());
		}
		if (filter.toYear() != null) {
			where.append(" and p.year <= ?");
			params.add(filter.toYear());
		}
		List<String> codes = filter.indicatorCodes().stream().map(String::strip).filter(code -> !code.isEmpty()).toList();
		if (!codes.isEmpty()) {
			where.append(" and i.code = any(?)");
			params.add(codes.toArray(String[]::new));
		}
		return where.toString();
	}

	/** A submitted figure that a reviewer had returned before: why, and what it held then. */
	record Resubmission(String reason, java.math.BigDecimal returnedValue, boolean valueChanged, boolean noteChanged) {
	}

	/** Of the submitted figures in the queue, those returned before, by id (one query). */
	Map<Long, Resubmission> resubmissions(List<ValueView> queue) {
		if (queue.isEmpty()) {
			return Map.of();
		}
		Map<Long, Resubmission> found = new java.util.HashMap<>();
		jdbc.sql("""
				select id, returned_reason, returned_value,
				       (value, numerator, denominator) is distinct from (returned_value, returned_numerator, returned_denominator)
				           as value_changed,
				       note is distinct from returned_note as note_changed
				from indicator_value where id = any(?) and returned_at is not null""")
			.param(queue.stream().map(ValueView::id).toArray(Long[]::new))
			.query((rs, n) -> found.put(rs.getLong("id"), new Resubmission(rs.getString("returned_reason"),
					rs.getBigDecimal("returned_value"), rs.getBoolean("value_changed"), rs.getBoolean("note_changed"))))
			.list();
		return found;
	}

	Optional<ValueView> one(long id) {
		return jdbc.sql(COLUMNS + " where v.id = ?").param(id).query(ValueSearch::view).optional();
	}

	/**
	 * The audit rows of one figure, oldest first, without the addresses they came from: those are
	 * for the auditor, who reads them in the audit trail.
	 */
	List<Map<String, Object>> history(long id) {
		return jdbc.sql("""
				select to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as occurred_at, actor,
				       person_name(actor) as actor_name,
				       action, old_state::text as old_state, new_state::text as new_state, reason
				from audit_history(?, ?) order by occurred_at, id""")
			.params(ValueWorkflow.ENTITY, id)
			.query()
			.listOfRows();
	}

	private static int precision(ResultSet rs) throws SQLException {
		Integer declared = (Integer) rs.getObject("decimals");
		return declared != null ? declared : ValueType.valueOf(rs.getString("value_type")).defaultDecimals();
	}

	static ValueView view(ResultSet rs, int row) throws SQLException {
		Timestamp updated = rs.getTimestamp("updated_at");
		return new ValueView(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("unit"),
				rs.getString("region_code"), rs.getString("region_name"), rs.getInt("year"),
				ValueView.periodLabel(PeriodKind.valueOf(rs.getString("kind")), rs.getInt("number")),
				rs.getBigDecimal("value"), rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"),
				rs.getString("note"), ValueStatus.valueOf(rs.getString("status")), rs.getString("return_reason"),
				rs.getString("updated_by"), updated == null ? null : updated.toInstant(), rs.getLong("version"),
				rs.getInt("evidence_count"), precision(rs), rs.getString("updated_by_name"), rs.getBoolean("awaiting_acceptance"));
	}

}
