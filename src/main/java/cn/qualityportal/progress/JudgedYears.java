package cn.qualityportal.progress;

import cn.qualityportal.reporting.PeriodClosed;
import cn.qualityportal.reporting.PeriodOpened;
import cn.qualityportal.reporting.PeriodReopened;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the default judged year (the latest closed annual period, {@link ProgressBoard#defaultYear()})
 * and the year before it (which the overview compares with) materialised, so the first dashboard
 * after the office closes a period is served from statuses computed in the background. Reacts to
 * reporting's period events instead of asking reporting for the default year on every refresh round.
 */
@Component
class JudgedYears {

	private final ProgressStore store;

	private final ProgressBoard board;

	JudgedYears(ProgressStore store, ProgressBoard board) {
		this.store = store;
		this.board = board;
	}

	/** Asks for the default judged year and the year before it to be kept fresh; returns the default year. */
	int keepDefault() {
		int year = board.defaultYear();
		store.request(year, false);
		store.request(year - 1, false);
		return year;
	}

	@ApplicationModuleListener
	void periodClosed(PeriodClosed closed) {
		keepDefault();
	}

	@ApplicationModuleListener
	void periodReopened(PeriodReopened reopened) {
		keepDefault();
	}

	@ApplicationModuleListener
	void periodOpened(PeriodOpened opened) {
		keepDefault();
	}

}
