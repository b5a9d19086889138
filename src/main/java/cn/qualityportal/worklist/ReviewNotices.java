package cn.qualityportal.worklist;

import java.util.List;

import cn.qualityportal.reporting.FigureReviewed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a figure's submitter in 站内消息 that it was approved, accepted or returned (with the reason),
 * reacting to reporting's {@link FigureReviewed} after the decision commits, in a transaction of its
 * own; the event publication registry keeps the event until this has run. Stored as a message key
 * and arguments, like reminders, so each reader sees it in their own language.
 */
@Component
class ReviewNotices {

	private final JdbcClient jdbc;

	ReviewNotices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void figureReviewed(FigureReviewed reviewed) {
		// Nobody is told of their own decision (a reviewer may return a figure they submitted).
		if (reviewed.submittedBy() == null || reviewed.submittedBy().equals(reviewed.decidedBy())) {
			return;
		}
		jdbc.sql("""
				insert into notification (account_id, kind, message_key, arguments, link)
				select id, 'REVIEW', :key, array[:arguments], :link
				from account_directory where username = :username and enabled""")
			.param("key", "figureReviewed." + reviewed.outcome().name())
			// {0} indicator, {1} region, {2}{3} the period as people say it (2020年度, 2020年第二季度), {4} the reason
			.param("arguments", List.of(reviewed.indicatorName(), reviewed.regionName(), Integer.toString(reviewed.year()),
					NotificationText.periodKey(reviewed.periodKind(), reviewed.periodNumber()),
					reviewed.reason() == null ? "" : reviewed.reason()))
			.param("link", "/reporting/values/" + reviewed.valueId())
			.param("username", reviewed.submittedBy())
			.update();
	}

}
