package cn.qualityportal.dashboards;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The few lookups the dashboard pages need besides progress itself, one query each. */
@Service
class DashboardQueries {

	private final JdbcClient jdbc;

	DashboardQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Choice(long id, String label) {
	}

	record TaskLine(long id, String title, String documentLabel, Integer dueYear, String status, boolean leads) {
	}

	/** Years that have an annual reporting period, newest first. */
	List<Integer> years() {
		return jdbc.sql("select year from reporting_year order by year desc").query(Integer.class).list();
	}

	/** Documents with targets that count in the region in the judged year (drafts never), for the region page's filter. */
	List<Choice> documentsWithTargetsIn(String regionCode, int year) {
		return jdbc.sql("""
				select d.id, coalesce(d.doc_number, d.title) from document_directory d
				where exists (select 1 from counted_target t where t.document_id = d.id and t.region_code = :region
				              and :year between t.first_year and t.last_year)
				order by d.issue_date desc nulls last, d.id""")
			.param("region", regionCode)
			.param("year", year)
			.query((rs, row) -> new Choice(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** Active departments of the region, for the region page's filter. */
	List<Choice> departmentsOf(String regionCode) {
		return jdbc.sql("select id, name from department_directory where region_code = :region and active order by name")
			.param("region", regionCode)
			.query((rs, row) -> new Choice(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** Tasks the department leads or cooperates on. */
	List<TaskLine> tasksOf(long departmentId) {
		return jdbc.sql("""
				select k.task_id, k.title, coalesce(d.doc_number, d.title), k.due_year, k.status, k.lead
				from department_task k join document_directory d on d.id = k.document_id
				where k.department_id = :department
				order by k.due_year nulls last, k.task_id""")
			.param("department", departmentId)
			.query((rs, row) -> new TaskLine(rs.getLong(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
					rs.getString(5), rs.getBoolean(6)))
			.list();
	}

	/** Where an account that sees everything lands: the region with the most targets. */
	java.util.Optional<String> regionWithMostTargets() {
		return jdbc.sql("select region_code from target_term group by region_code order by count(*) desc, region_code limit 1")
			.query(String.class)
			.optional();
	}

}
