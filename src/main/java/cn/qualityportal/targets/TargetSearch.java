package cn.qualityportal.targets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import cn.qualityportal.organisation.DataScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of targets as plain SQL joined with their indicator, region and document: one query for a
 * page and one for its count, limited to the regions the scope may see.
 */
@Component
class TargetSearch {

	private static final String COLUMNS = """
			select t.id, t.indicator_id, i.code as indicator_code, i.name as indicator_name, i.category, i.value_type,
			       i.direction, t.unit, t.region_code, r.name as region_name, t.document_id, d.doc_number, d.title,
			       t.goal_id, t.comparator, t.value, t.value_max, t.baseline_value, t.baseline_year, t.deadline_year,
			       t.increment, t.parent_target_id, dep.name as lead_department, t.version,
			       array(select cd.name from target_cooperating_department c join department_directory cd on cd.id = c.department_id
			             where c.target_id = t.id order by cd.name) as cooperating_departments
			from target t
			join indicator i on i.id = t.indicator_id
			join region_directory r on r.code = t.region_code
			join document_directory d on d.id = t.document_id
			left join department_directory dep on dep.id = t.lead_department_id""";

	private final JdbcClient jdbc;

	TargetSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	Page<TargetRow> page(TargetFilter filter, DataScope scope, Pageable pageable) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (!scope.everything()) {
			where.append(" and t.region_code = any(?)");
			params.add(scope.visibleArray());
		}
		if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
			where.append(" and t.region_code = ?");
			params.add(filter.regionCode());
		}
		if (filter.documentId() != null) {
			where.append(" and t.document_id = ?");
			params.add(filter.documentId());
		}
		if (filter.indicatorCode() != null && !filter.indicatorCode().isBlank()) {
			where.append(" and i.code = ?");
			params.add(filter.indicatorCode());
		}
		if (filter.deadlineYear() != null) {
			where.append(" and t.deadline_year = ?");
			params.add(filter.deadlineYear());
		}
		if (filter.cooperatingDepartmentId() != null) {
			where.append(" and exists (select 1 from target_cooperating_department c where c.target_id = t.id and c.department_id = ?)");
			params.add(filter.cooperatingDepartmentId());
		}
		if (!filter.query().isEmpty()) {
			where.append(" and i.name like ?");
			params.add("%" + filter.query().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		// The indicator is joined for counting only when a filter needs it.
		boolean byIndicator = (filter.indicatorCode() != null && !filter.indicatorCode().isBlank()) || !filter.query().isEmpty();
		String from = byIndicator ? " from target t join indicator i on i.id = t.indicator_id" : " from target t";
		long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageable.getPageSize());
		pageParams.add(pageable.getOffset());
		List<TargetRow> content = jdbc.sql(COLUMNS + where + " order by t.deadline_year, t.indicator_id, t.region_code, t.id limit ? offset ?")
			.params(pageParams)
			.query(TargetSearch::row)
			.list();
		return new PageImpl<>(content, pageable, total);
	}

	/** Every target of a document the scope may see, in the order of its goals. */
	@Transactional(readOnly = true)
	List<TargetRow> ofDocument(long documentId, DataScope scope) {
		return jdbc.sql(COLUMNS + " left join goal g on g.id = t.goal_id where t.document_id = ?"
				+ " order by g.position nulls last, t.parent_target_id nulls first, i.category, i.code, t.region_code, t.deadline_year")
			.param(documentId)
			.query(TargetSearch::row)
			.list()
			.stream()
			.filter(target -> scope.canSee(target.regionCode()))
			.toList();
	}

	/**
	 * Every target of these documents, in the order of their goals: the parents' targets a document
	 * is compared with, and those it may leave out.
	 */
	@Transactional(readOnly = true)
	List<TargetRow> ofDocuments(List<Long> documentIds) {
		if (documentIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + " left join goal g on g.id = t.goal_id where t.document_id = any(?)"
				+ " order by t.document_id, g.position nulls last, t.parent_target_id nulls first, i.code, t.region_code, t.deadline_year")
			.params((Object) documentIds.toArray(Long[]::new))
			.query(TargetSearch::row)
			.list();
	}

	@Transactional(readOnly = true)
	java.util.Optional<TargetRow> find(long id, DataScope scope) {
		return jdbc.sql(COLUMNS + " where t.id = ?")
			.param(id)
			.query(TargetSearch::row)
			.optional()
			.filter(target -> scope.canSee(target.regionCode()));
	}

	@Transactional(readOnly = true)
	List<TargetRow> cascadedFrom(long targetId, DataScope scope) {
		return jdbc.sql(COLUMNS + " where t.parent_target_id = ? order by t.region_code")
			.param(targetId)
			.query(TargetSearch::row)
			.list()
			.stream()
			.filter(target -> scope.canSee(target.regionCode()))
			.toList();
	}

	static TargetRow row(ResultSet rs, int row) throws SQLException {
		return new TargetRow(rs.getLong("id"), rs.getLong("indicator_id"), rs.getString("indicator_code"),
				rs.getString("indicator_name"), GoalArea.valueOf(rs.getString("category")),
				ValueType.valueOf(rs.getString("value_type")), Direction.valueOf(rs.getString("direction")),
				rs.getString("unit"), rs.getString("region_code"), rs.getString("region_name"), rs.getLong("document_id"),
				rs.getString("doc_number"), rs.getString("title"), (Long) rs.getObject("goal_id"),
				Comparator.valueOf(rs.getString("comparator")), rs.getBigDecimal("value"), rs.getBigDecimal("value_max"),
				rs.getBigDecimal("baseline_value"), (Integer) rs.getObject("baseline_year"), rs.getInt("deadline_year"),
				rs.getBoolean("increment"), (Long) rs.getObject("parent_target_id"), rs.getString("lead_department"),
				List.of((String[]) rs.getArray("cooperating_departments").getArray()), rs.getLong("version"));
	}

}
