package cn.qualityportal.dashboards;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Renders explanations in the reader's language, and figures, for templates: {@code ${@explain.of(row.explanation)}}. */
@Component("explain")
class Explain {

	private final MessageSource messages;

	Explain(MessageSource messages) {
		this.messages = messages;
	}

	public String of(MessageSourceResolvable explanation) {
		return messages.getMessage(explanation, LocaleContextHolder.getLocale());
	}

	/** A figure as people write it: at most two decimals, no trailing zeros ("5", "93.1", "92.32"). */
	public String number(java.math.BigDecimal value) {
		return value == null ? "—" : plain(value);
	}

	static String plain(java.math.BigDecimal value) {
		return value.setScale(Math.min(2, Math.max(0, value.scale())), java.math.RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}

}
