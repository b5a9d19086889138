package cn.qualityportal.publication;

import java.math.BigDecimal;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Explanations in the reader's language and figures as people write them, for the publication templates. */
@Component("publicText")
public class PublicText {

	private final MessageSource messages;

	PublicText(MessageSource messages) {
		this.messages = messages;
	}

	public String explain(MessageSourceResolvable explanation) {
		return explanation == null ? "" : messages.getMessage(explanation, LocaleContextHolder.getLocale());
	}

	/** The same digits as the downloads and the API (no rounding, no trailing zeros). */
	public String number(BigDecimal value) {
		return value == null ? "—" : IndicatorSheet.plain(value);
	}

}
