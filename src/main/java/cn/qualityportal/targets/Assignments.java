package cn.qualityportal.targets;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a department must report for its region in a period: the indicators of the targets it
 * leads or cooperates on there that are reported in periods of that kind (see
 * {@link ReportingFrequency}), each with its nearest target and the milestone of the year. One query.
 */
@Service
public class Assignments {

	private final JdbcClient jdbc;

	Assignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Assignment(long indicatorId, String indicatorCode, String indicatorName, String unit,
			ValueType valueType, String condition, int deadlineYear, BigDecimal milestone) {

		public boolean isRatio() {
			return valueType == ValueType.RATE || valueType == ValueType.PER_MILLE;
		}

	}

	@Transactional(readOnly = true)
	public List<Assignment> of(String regionCode, long departmentId, int year, String periodKind) {
		return jdbc.sql("""
				select distinct on (i.id) i.id, i.code, i.name, t.unit, i.value_type, t.comparator, t.value, t.value_max,
				       t.deadline_year, m.value as milestone
				from target t
				join indicator i on i.id = t.indicator_id
				left join milestone m on m.target_id = t.id and m.year = :year
				where t.region_code = :region
				  and (:kind = 'ANNUAL' or i.reporting_frequency = :kind)
				  and (t.lead_department_id = :department
				       or exists (select 1 from target_cooperating_department c where c.target_id = t.id and c.department_id = :department))
				order by i.id, (t.deadline_year < :year), t.deadline_year""")
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
						shape.valueType(), shape.condition(), rs.getInt("deadline_year"), rs.getBigDecimal("milestone"));
			})
			.list()
			.stream()
			.sorted(java.util.Comparator.comparing(Assignment::indicatorCode))
			.toList();
	}

}
