package cn.qualityportal.worklist;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A system notification's arguments as stored: plain strings, except those naming a message key of
 * the period kinds ({@code periodKind.ANNUAL} …) or of a reminder's period ({@code reminder.period.ANNUAL},
 * {@code reminder.period.Q2} …), which are translated into the reader's language.
 * Templates call it as {@code @notificationArguments.of(arguments, #locale)}.
 */
@Component("notificationArguments")
public class NotificationText {

	private final MessageSource messages;

	NotificationText(MessageSource messages) {
		this.messages = messages;
	}

	public Object[] of(String[] stored, Locale locale) {
		return arguments(stored, messages, locale);
	}

	/**
	 * The stored argument naming a period as people say it after its year (年度, 年上半年, 年第二季度):
	 * the reminder.period.* key for a {@code PeriodKind} name and the half-year or quarter.
	 */
	static String periodKey(String kind, int number) {
		return "reminder.period." + switch (kind) {
			case "HALF_YEARLY" -> "H" + number;
			case "QUARTERLY" -> "Q" + number;
			default -> "ANNUAL";
		};
	}

	static Object[] arguments(String[] stored, MessageSource messages, Locale locale) {
		if (stored == null) {
			return new Object[0];
		}
		Object[] shown = new Object[stored.length];
		for (int i = 0; i < stored.length; i++) {
			String argument = stored[i];
			shown[i] = argument != null && argument.matches("(periodKind|reminder\\.period)\\.[A-Z0-9_]+")
					? messages.getMessage(argument, null, argument, locale) : argument;
		}
		return shown;
	}

}
