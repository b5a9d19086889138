package cn.qualityportal.worklist;

import java.util.Set;

import cn.qualityportal.organisation.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of work of the reporting workflow (docs/notifications.md): a reporter's figures to
 * fill and returned figures, a reviewer's submitted figures, the office's figures to accept under
 * two-level review, a reporter's periods closing soon or overdue, and the office's late units to chase. What is owed comes from
 * {@code reporting_obligation_unit} and nothing else, as for the grid and completeness.
 */
@Configuration(proxyBeanMethods = false)
class ReportingTodoKinds {

	/** Missing or draft figures the reporter's unit owes, per open period: the grid of that period. */
	@Bean
	TodoKind fill() {
		return new TodoKind("fill", 10, Set.of(Role.REPORTER), true, """
				select period_id, region_code, count(*) as items, '/reporting?period=' || period_id as link
				from unit_owed where status is null or status = 'DRAFT'
				group by period_id, region_code""");
	}

	/** Figures a reviewer returned, per open period: corrected and resubmitted on the grid. */
	@Bean
	TodoKind returned() {
		return new TodoKind("returned", 20, Set.of(Role.REPORTER), true, """
				select period_id, region_code, count(*) as items, '/reporting?period=' || period_id as link
				from unit_owed where status = 'RETURNED'
				group by period_id, region_code""");
	}

	/** Submitted figures in the reviewer's scope: the same rule as the review queue (status and scope). */
	@Bean
	TodoKind review() {
		return new TodoKind("review", 30, Set.of(Role.REVIEWER), true, """
				select v.period_id, v.region_code, count(*) as items, '/reporting/review' as link
				from reported_figure v join writable w on w.code = v.region_code
				where v.status = 'SUBMITTED'
				group by v.period_id, v.region_code""");
	}

	/**
	 * Under two-level review, figures approved by the regions below and waiting for the office's
	 * acceptance (验收), by reporting's rule of what is final ({@code value_standing}): per region, its
	 * acceptance queue. The office's own region's figures only at the top of the tree, which has no office above.
	 */
	@Bean
	TodoKind accept() {
		return new TodoKind("accept", 35, Set.of(Role.OFFICE), true, """
				select s.period_id, s.region_code, count(*) as items, '/reporting/acceptance?region=' || s.region_code as link
				from value_standing s join writable w on w.code = s.region_code
				where s.status = 'APPROVED' and s.in_review
				  and (s.region_code <> cast(:region as varchar)
				       or exists (select 1 from region_directory r where r.code = s.region_code and r.parent_code is null))
				group by s.period_id, s.region_code""");
	}

	/** Open periods due within the reminder window (or overdue) in which the reporter's unit still owes figures. */
	@Bean
	TodoKind closing() {
		return new TodoKind("closing", 40, Set.of(Role.REPORTER), false, """
				select period_id, region_code, count(*) as items, '/reporting?period=' || period_id as link
				from unit_owed where due_on <= :soon and (status is null or status in ('DRAFT', 'RETURNED'))
				group by period_id, region_code""");
	}

	/** Units in the office's scope that still owe figures of an open period due soon or overdue: chased on /reminders. */
	@Bean
	TodoKind lateUnits() {
		return new TodoKind("lateUnits", 50, Set.of(Role.OFFICE), true, """
				select o.period_id, null as region_code, count(distinct (o.region_code, o.department_id)) as items,
				       '/reminders?period=' || o.period_id as link
				from reporting_obligation_unit o
				join writable w on w.code = o.region_code
				join reporting_window p on p.id = o.period_id and p.open and p.due_on <= :soon
				left join reported_figure v on v.indicator_id = o.indicator_id and v.region_code = o.region_code
				     and v.period_id = o.period_id
				where v.id is null or v.status in ('DRAFT', 'RETURNED')
				group by o.period_id""");
	}

}
