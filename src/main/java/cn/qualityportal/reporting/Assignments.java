package cn.qualityportal.reporting;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.qualityportal.targets.Comparator;
import cn.qualityportal.targets.Direction;
import cn.qualityportal.targets.GoalArea;
import cn.qualityportal.targets.TargetRow;
import cn.qualityportal.targets.ValueType;

/**
 * The rows of a department's entry grid and xlsx template for a period: what it owes, as this
 * module defines it in the view {@code reporting_obligation_unit} (targets that count, the
 * indicator's reporting frequency, regions active that year, nothing that is computed from the
 * regions below; docs/architecture.md "Reporting"), each with the nearest target that asks for it
 * (the region's own before a region's above) and that target's milestone of the year, read from
 * what targets publishes ({@code target_term}, {@code target_milestone}). One query.
 */
@Service
public class Assignments {

	private final JdbcClient jdbc;

	Assignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * {@code increment}: the target counts what is added from {@code baselineYear} (新增); its
	 * figures are still running totals (docs/progress.md §1), which the grid says plainly.
	 */
	public record Assignment(long indicatorId, String indicatorCode, String indicatorName, String unit,
			ValueType valueType, String condition, int deadlineYear, BigDecimal milestone, int decimals, boolean increment,
			Integer baselineYear) {

		public boolean isRatio() {
			return valueType == ValueType.RATE || valueType == ValueType.PER_MILLE;
		}

		/** The kind of number asked for, by value type and unit (an area is not an amount). */
		public ExpectedNumber expected() {
			return ExpectedNumber.of(valueType, unit);
		}

	}

	@Transactional(readOnly = true)
	public List<Assignment> of(String regionCode, long departmentId, int year, String periodKind) {
		return jdbc.sql("""
				with owed as (
				    select distinct o.indicator_id from reporting_obligation_unit o
				    where o.region_code = :region and o.department_id = :department and o.year = :year and o.kind = :kind)
				select distinct on (t.indicator_id) t.indicator_id as id, t.indicator_code as code, t.indicator_name as name, t.unit,
				       t.value_type, t.decimals, t.comparator, t.value, t.value_max, t.deadline_year, t.increment, t.baseline_year,
				       m.value as milestone
				from owed
				join reporting_obligation_source s on s.indicator_id = owed.indicator_id and s.region_code = :region
				     and s.year = :year and s.kind = :kind
				join target_term t on t.id = s.target_id
				left join target_milestone m on m.target_id = t.id and m.year = :year
				order by t.indicator_id, (t.region_code <> :region), t.deadline_year, t.id""")
			.param("year", year)
			.param("kind", periodKind)
			.param("region", regionCode)
			.param("department", departmentId)
			.query((rs, row) -> {
				TargetRow shape = new TargetRow(0, rs.getLong("id"), rs.getString("code"), rs.getString("name"),
						GoalArea.OTHER, ValueType.valueOf(rs.getString("value_type")), Direction.HIGHER, rs.getString("unit"),
						regionCode, null, 0, null, null, null, Comparator.valueOf(rs.getString("comparator")),
						rs.getBigDecimal("value"), rs.getBigDecimal("value_max"), null, null, rs.getInt("deadline_year"),
						false, null, null, List.of(), 0);
				return new Assignment(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("unit"),
						shape.valueType(), shape.condition(), rs.getInt("deadline_year"), rs.getBigDecimal("milestone"),
						rs.getObject("decimals") != null ? rs.getInt("decimals") : shape.valueType().defaultDecimals(),
						rs.getBoolean("increment"), (Integer) rs.getObject("baseline_year"));
			})
			.list()
			.stream()
			.sorted(java.util.Comparator.comparing(Assignment::indicatorCode))
			.toList();
	}

}
