package cn.qualityportal.system.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded PostgreSQL and starts it again when it dies (a crash, the out-of-memory
 * killer, kill -9): on the same data directory and port, so PostgreSQL's crash recovery brings
 * back every committed transaction and the pool reconnects to the same URL. Meanwhile
 * {@link DatabaseFaultFilter} answers 503. When it cannot start again, or keeps dying, the portal
 * exits with a non-zero code so that a service manager (systemd, Docker) restarts the whole of it.
 */
public class DatabaseSupervisor implements AutoCloseable {

	/** What the portal is doing about its database. */
	public enum State {

		/** Running. */
		UP,
		/** Died; being started again. */
		RESTARTING,
		/** Could not be started again; the portal is exiting. */
		FAILED

	}

	/** Attempts to start a dead server before giving up. */
	static final int START_ATTEMPTS = 3;

	/** Deaths within {@link #CRASH_WINDOW} after which the portal stops trying (a crash loop). */
	static final int MAX_CRASHES = 5;

	static final Duration CRASH_WINDOW = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(DatabaseSupervisor.class);

	private final EmbeddedDatabase database;

	private final HikariDataSource pool;

	private final Consumer<String> exit;

	private final Clock clock;

	private final ScheduledExecutorService watcher;

	private final Deque<Instant> crashes = new ArrayDeque<>();

	private volatile State state = State.UP;

	private volatile String reason;

	private volatile int restarts;

	/**
	 * Set when the JVM shuts down: zonky's own shutdown hook stops PostgreSQL, in parallel with
	 * Spring's, and that stop is no crash to repair.
	 */
	private volatile boolean stopping;

	/**
	 * @param exit told the message when the supervisor gives up; the portal's own exits the JVM with code 1
	 */
	DatabaseSupervisor(EmbeddedDatabase database, HikariDataSource pool, Duration checkEvery, Consumer<String> exit,
			Clock clock) {
		this.database = database;
		this.pool = pool;
		this.exit = exit;
		this.clock = clock;
		this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "database-supervisor");
			thread.setDaemon(true);
			return thread;
		});
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "database-supervisor-stop"));
		watcher.scheduleWithFixedDelay(this::check, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Exits the JVM (code 1) after logging why; shutdown hooks stop the web server gracefully. */
	static void exitTheProcess(String message) {
		log.error(message);
		Thread exiting = new Thread(() -> System.exit(1), "database-supervisor-exit");
		exiting.start();
	}

	public State state() {
		return state;
	}

	/** Why the database is not UP, in English for the log and health; null when it is. */
	public String reason() {
		return reason;
	}

	/** How often the server has been started again since the portal started. */
	public int restarts() {
		return restarts;
	}

	public boolean available() {
		return state == State.UP;
	}

	void check() {
		if (stopping || state != State.UP || database.isRunning()) {
			return;
		}
		Instant now = clock.instant();
		crashes.addLast(now);
		while (crashes.size() > 0 && crashes.peekFirst().isBefore(now.minus(CRASH_WINDOW))) {
			crashes.removeFirst();
		}
		state = State.RESTARTING;
		reason = "The embedded PostgreSQL stopped unexpectedly; it is being started again (crash recovery)";
		log.error("{} in {}", reason, database.directory());
		if (crashes.size() > MAX_CRASHES) {
			giveUp("The embedded PostgreSQL died " + crashes.size() + " times within " + CRASH_WINDOW.toMinutes()
					+ " minutes; the portal stops instead of restarting it again. Read PostgreSQL's messages above, check free disk space and memory, and restore from a backup if the data directory is damaged (docs/operations.md).");
			return;
		}
		RuntimeException last = null;
		for (int attempt = 1; attempt <= START_ATTEMPTS && !stopping; attempt++) {
			try {
				database.restart();
				restarts++;
				// Connections to the dead server are useless; the pool opens new ones to the new server.
				pool.getHikariPoolMXBean().softEvictConnections();
				reason = null;
				state = State.UP;
				log.warn("The embedded PostgreSQL runs again after {} attempt(s); the portal carries on", attempt);
				return;
			}
			catch (RuntimeException ex) {
				last = ex;
				log.warn("Starting the embedded PostgreSQL again failed (attempt {} of {}): {}", attempt, START_ATTEMPTS,
						ex.getMessage());
				sleep(Duration.ofSeconds(2L * attempt));
			}
		}
		if (stopping) {
			return;
		}
		giveUp("The embedded PostgreSQL died and could not be started again after " + START_ATTEMPTS + " attempts: "
				+ (last == null ? "" : last.getMessage())
				+ ". The portal stops (exit code 1). Read PostgreSQL's messages above; if the data directory is damaged, restore it from a backup (java -jar portal.jar restore, docs/operations.md).");
	}

	private void giveUp(String message) {
		state = State.FAILED;
		reason = message;
		watcher.shutdown();
		exit.accept(message);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		stopping = true;
		watcher.shutdownNow();
	}

}
