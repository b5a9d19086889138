package cn.qualityportal.reporting;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid's line under an added (新增) target names its baseline year as people write years: a
 * first-use browser check read "2,017年以来", because MessageFormat groups an Integer's digits.
 */
class IncrementHintTests {

	@Test
	void theBaselineYearIsWrittenWithoutAThousandsSeparatorInBothLanguages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);

		assertThat(messages.getMessage("reporting.increment.cumulative", new Object[] { 2017 }, Locale.SIMPLIFIED_CHINESE))
			.contains("2017年以来").doesNotContain("2,017");
		assertThat(messages.getMessage("reporting.increment.cumulative", new Object[] { 2017 }, Locale.ENGLISH))
			.contains("since 2017,").doesNotContain("2,017");
	}

}
