package cn.qualityportal.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.springframework.stereotype.Component;

/**
 * The one rule for showing a moment: Beijing time (Asia/Shanghai), whatever zone the server or
 * the database session runs in. PostgreSQL hands {@code timestamptz} over as UTC, and the JVM of a
 * server is often UTC too, so formatting a time as it arrives showed UTC. Pages use it as
 * {@code ${@times.minutes(t)}} or {@code ${@times.seconds(t)}}; SQL that formats in the query uses
 * {@code at time zone 'Asia/Shanghai'} with the same zone.
 */
@Component("times")
public class Times {

	/** Where every reader of the portal is. */
	public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(BEIJING);

	/** {@code moment} in Beijing time to the minute; "—" for none. */
	public String minutes(Object moment) {
		return format(moment, MINUTES);
	}

	/** {@code moment} in Beijing time to the second; "—" for none. */
	public String seconds(Object moment) {
		return format(moment, SECONDS);
	}

	/** The same for code that renders outside a template (PDFs, exports). */
	public static String format(Object moment, DateTimeFormatter pattern) {
		Instant instant = instant(moment);
		return instant == null ? "—" : pattern.withZone(BEIJING).format(instant);
	}

	private static Instant instant(Object moment) {
		if (moment == null) {
			return null;
		}
		if (moment instanceof Instant instant) {
			return instant;
		}
		if (moment instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (moment instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (moment instanceof java.util.Date date) {
			return date.toInstant();
		}
		if (moment instanceof TemporalAccessor temporal) {
			return Instant.from(temporal);
		}
		throw new IllegalArgumentException("Not a moment: " + moment.getClass().getName());
	}

}
