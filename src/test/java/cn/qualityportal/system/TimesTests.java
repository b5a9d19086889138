package cn.qualityportal.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every moment a page shows is Beijing time, whatever zone it arrived in. */
class TimesTests {

	private final Times times = new Times();

	@Test
	void aMomentInUtcReadsAsBeijingTime() {
		assertThat(times.minutes(Instant.parse("2026-11-30T17:05:09Z"))).isEqualTo("2026-12-01 01:05");
		assertThat(times.seconds(OffsetDateTime.of(2026, 11, 30, 2, 0, 9, 0, ZoneOffset.UTC)))
			.isEqualTo("2026-11-30 10:00:09");
	}

	@Test
	void noMomentReadsAsADash() {
		assertThat(times.minutes(null)).isEqualTo("—");
	}

}
