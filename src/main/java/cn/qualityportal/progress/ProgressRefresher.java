package cn.qualityportal.progress;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes statuses in the background, so no reader waits for a recomputation and no writer for
 * a reader. Every {@code portal.progress.refresh-interval} (250 ms) it asks which judged years have
 * changes ahead of their last refresh (a probe or two each) and recomputes them; after a round that
 * recomputed something the next one waits at least {@code portal.progress.refresh-min-gap} (2 s), so
 * under a steady stream of writes the statuses, and what pages keep while they are the same, change
 * every two seconds rather than four times a second (the load test's overview was recomputed after
 * each round), while a change after a quiet spell is still taken up within 250 ms. It recomputes years never
 * computed first, then the newest; the default year and the year before (which the overview
 * compares with) are always kept ({@link JudgedYears}: asked for at the start, then whenever a period
 * is opened, closed or reopened), so the first dashboard after a restart or a bulk load is served
 * from materialised rows. Across instances one refresher runs at a time (advisory lock, tried
 * without waiting: an instance that finds it taken leaves the work to the holder). Off with
 * {@code portal.progress.background=false}; readers then recompute themselves ({@link ProgressBoard}).
 */
@Component
class ProgressRefresher {

	private static final Logger log = LoggerFactory.getLogger(ProgressRefresher.class);

	private final ProgressStore store;

	private final JudgedYears judgedYears;

	private final boolean enabled;

	private final Duration interval;

	private final Duration minGap;

	private volatile Thread thread;

	/** Whether the default judged year was asked for since the start; later {@link JudgedYears} keeps it. */
	private boolean kept;

	/** Rounds since the change log was last pruned. */
	private int sincePrune;

	ProgressRefresher(ProgressStore store, JudgedYears judgedYears, @Value("${portal.progress.background:true}") boolean enabled,
			@Value("${portal.progress.refresh-interval:250ms}") Duration interval,
			@Value("${portal.progress.refresh-min-gap:2s}") Duration minGap) {
		this.store = store;
		this.judgedYears = judgedYears;
		this.enabled = enabled;
		this.interval = interval;
		this.minGap = minGap;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!enabled || thread != null) {
			return;
		}
		Thread started = new Thread(this::loop, "progress-refresher");
		started.setDaemon(true);
		thread = started;
		started.start();
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		Thread running = thread;
		thread = null;
		if (running != null) {
			running.interrupt();
			try {
				running.join(10_000);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void loop() {
		Duration pause = interval;
		while (thread == Thread.currentThread()) {
			try {
				pause = runOnce() > 0 && minGap.compareTo(interval) > 0 ? minGap : interval;
			}
			catch (RuntimeException failed) {
				// The database may be restarting (DatabaseSupervisor): try again later, never give up.
				log.warn("Could not refresh progress statuses: {}", failed.getMessage());
				pause = Duration.ofSeconds(5);
			}
			try {
				Thread.sleep(pause.toMillis());
			}
			catch (InterruptedException interrupted) {
				return;
			}
		}
	}

	/** One round: recomputes every judged year with pending changes; returns how many indicators. */
	int runOnce() {
		if (!kept) {
			judgedYears.keepDefault();
			kept = true;
		}
		int recomputed = 0;
		// One judged year at a time, asking again after each which comes first (years never computed,
		// then the newest), so a year a reader asks for mid-round does not wait for the whole round.
		// Each year once per round: changes written meanwhile wait for the next round (refresh-min-gap).
		Set<List<Object>> refreshed = new HashSet<>();
		for (int round = 0; round < 1000; round++) {
			Map.Entry<List<Object>, ProgressStore.State> next = store.states()
				.entrySet()
				.stream()
				.filter(entry -> entry.getValue().pending() && !refreshed.contains(entry.getKey()))
				.findFirst()
				.orElse(null);
			if (next == null) {
				break;
			}
			refreshed.add(next.getKey());
			int judged = (Integer) next.getKey().get(0);
			boolean submitted = (Boolean) next.getKey().get(1);
			long started = System.nanoTime();
			int indicators = store.refresh(judged, submitted, false);
			if (indicators < 0) {
				return recomputed; // another instance is refreshing; it sees the same changes
			}
			recomputed += indicators;
			if (indicators > 0) {
				log.info("Progress statuses of {}{} recomputed: {} indicators in {} ms", judged,
						submitted ? " (with submitted figures)" : "", indicators, (System.nanoTime() - started) / 1_000_000);
			}
		}
		// The change log grows with every write; once a round has absorbed changes (or about once a
		// minute) what every kept year has absorbed is deleted.
		if (recomputed > 0 || ++sincePrune >= 240) {
			sincePrune = 0;
			store.prune();
		}
		return recomputed;
	}

}
