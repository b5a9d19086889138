package cn.qualityportal.dashboards;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Renders explanations in the reader's language for templates: {@code ${@explain.of(row.explanation)}}. */
@Component("explain")
class Explain {

	private final MessageSource messages;

	Explain(MessageSource messages) {
		this.messages = messages;
	}

	public String of(MessageSourceResolvable explanation) {
		return messages.getMessage(explanation, LocaleContextHolder.getLocale());
	}

}
