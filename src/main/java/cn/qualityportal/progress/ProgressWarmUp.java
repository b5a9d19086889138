package cn.qualityportal.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Materialises the default year's statuses (and the year before, which the overview compares
 * with) in the background once the portal is up, so the first leader to open a dashboard after a
 * restart or a large load does not wait for it (about 4 s at province scale). Off with
 * {@code portal.progress.warm-up=false}.
 */
@Component
class ProgressWarmUp {

	private static final Logger log = LoggerFactory.getLogger(ProgressWarmUp.class);

	private final ProgressBoard board;

	private final boolean enabled;

	ProgressWarmUp(ProgressBoard board, @Value("${portal.progress.warm-up:true}") boolean enabled) {
		this.board = board;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		if (!enabled) {
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				int year = board.defaultYear();
				long started = System.nanoTime();
				board.refresh(year, false);
				board.refresh(year - 1, false);
				log.info("Progress statuses of {} and {} are up to date ({} ms)", year, year - 1,
						(System.nanoTime() - started) / 1_000_000);
			}
			catch (RuntimeException failed) {
				// Only a head start: the first read computes whatever is still missing.
				log.warn("Could not warm up progress statuses: {}", failed.getMessage());
			}
		}, "progress-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

}
