package cn.qualityportal.targets;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tasks of a document and the progress notes of a task, each in one query. */
@Component
class TaskSearch {

	private final JdbcClient jdbc;

	TaskSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<TaskRow> ofDocument(long documentId) {
		return jdbc.sql("""
				select t.id, t.title, t.goal_id, t.due_year, t.status, d.name as lead,
				       (select max(n.noted_on) from task_note n where n.task_id = t.id) as last_note
				from task t left join department_directory d on d.id = t.lead_department_id
				where t.document_id = ? order by t.id""")
			.param(documentId)
			.query((rs, row) -> new TaskRow(rs.getLong("id"), rs.getString("title"), (Long) rs.getObject("goal_id"),
					(Integer) rs.getObject("due_year"), TaskStatus.valueOf(rs.getString("status")), rs.getString("lead"),
					rs.getObject("last_note", LocalDate.class)))
			.list();
	}

	List<Note> notes(long taskId) {
		return jdbc.sql("select noted_on, note, person_name(author) as author from task_note where task_id = ? order by noted_on desc, id desc")
			.param(taskId)
			.query((rs, row) -> new Note(rs.getObject("noted_on", LocalDate.class), rs.getString("note"),
					rs.getString("author")))
			.list();
	}

	void addNote(long taskId, LocalDate notedOn, String note, String author) {
		jdbc.sql("insert into task_note (task_id, noted_on, note, author) values (?, ?, ?, ?)")
			.params(taskId, notedOn, note, author)
			.update();
	}

	record TaskRow(long id, String title, Long goalId, Integer dueYear, TaskStatus status, String leadDepartment,
			LocalDate lastNote) {
	}

	record Note(LocalDate notedOn, String note, String author) {
	}

}
