package cn.qualityportal.reporting;

import java.time.LocalDate;
import java.util.List;

import cn.qualityportal.organisation.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How complete a period's reporting is, per unit (a department of a region): the figures it owes
 * (the view {@code reporting_obligation_unit}, the units of {@code reporting_obligation}: this
 * module's one definition of what is due, see docs/architecture.md), how many are submitted,
 * final (approved, or accepted under two-level review: the view {@code value_standing}), returned or missing, and whether it is overdue. Only active departments owe, so units
 * added or deactivated during the year are counted as they are now. One query.
 */
@Service
public class Completeness {

	private static final String ASSIGNED = """
			with states as (
			    select o.region_code, o.department_id, o.indicator_id, v.status, v.is_final, v.in_review
			    from reporting_obligation_unit o
			    left join value_standing v on v.indicator_id = o.indicator_id and v.region_code = o.region_code
			         and v.period_id = o.period_id
			    where o.period_id = :period)
			""";

	private final JdbcClient jdbc;

	Completeness(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record UnitProgress(String regionCode, String regionName, long departmentId, String departmentName, int expected,
			int submitted, int approved, int returned, int missing, boolean overdue) {

		public boolean complete() {
			return missing == 0 && returned == 0;
		}

	}

	public record Owed(long periodId, int year, PeriodKind kind, int number, LocalDate dueOn, String indicatorName, ValueStatus status) {
	}

	@Transactional(readOnly = true)
	List<UnitProgress> of(ReportingPeriod period, DataScope scope, LocalDate today) {
		boolean pastDue = period.getDueOn() != null && period.getDueOn().isBefore(today);
		String inScope = "";
		if (!scope.everything()) {
			inScope = " where s.region_code = any(:regions)";
		}
		var statement = jdbc.sql(ASSIGNED + """
				select s.region_code, r.name as region_name, s.department_id, d.name as department_name,
				       count(*) as expected,
				       count(*) filter (where s.is_final or s.in_review) as submitted,
				       count(*) filter (where s.is_final) as approved,
				       count(*) filter (where s.status = 'RETURNED') as returned,
				       count(*) filter (where s.status is null or s.status = 'DRAFT') as missing
				from states s join region_directory r on r.code = s.region_code join department_directory d on d.id = s.department_id""" + inScope + """

				group by s.region_code, r.name, s.department_id, d.name
				order by count(*) filter (where s.status is null or s.status = 'DRAFT') desc, s.region_code, d.name""")
			.param("period", period.getId());
		if (!scope.everything()) {
			statement = statement.param("regions", scope.writableArray());
		}
		return statement
			.query((rs, row) -> new UnitProgress(rs.getString("region_code"), rs.getString("region_name"),
					rs.getLong("department_id"), rs.getString("department_name"), rs.getInt("expected"),
					rs.getInt("submitted"), rs.getInt("approved"), rs.getInt("returned"), rs.getInt("missing"),
					pastDue && rs.getInt("missing") + rs.getInt("returned") > 0))
			.list();
	}

	/** What one unit still owes in the open periods: missing, draft or returned figures. */
	@Transactional(readOnly = true)
	public List<Owed> owedBy(String regionCode, long departmentId) {
		return jdbc.sql("""
				select p.id, p.year, p.kind, p.number, p.due_on, i.name, v.status
				from reporting_obligation_unit o
				join reporting_period p on p.id = o.period_id and p.status = 'OPEN'
				join indicator_directory i on i.id = o.indicator_id
				left join indicator_value v on v.indicator_id = o.indicator_id and v.region_code = o.region_code
				     and v.period_id = o.period_id
				where o.region_code = :region and o.department_id = :department
				  and (v.id is null or v.status in ('DRAFT', 'RETURNED'))
				order by p.due_on nulls last, p.year, i.name""")
			.param("region", regionCode)
			.param("department", departmentId)
			.query((rs, row) -> new Owed(rs.getLong(1), rs.getInt(2), PeriodKind.valueOf(rs.getString(3)), rs.getInt(4),
					rs.getObject(5, LocalDate.class), rs.getString(6),
					rs.getString(7) == null ? null : ValueStatus.valueOf(rs.getString(7))))
			.list();
	}

}
