package cn.qualityportal.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.ui.Model;

/**
 * The page that asks before an action that cannot be undone (deleting a file, removing a link,
 * publishing a ranking) or that takes effect at once for many (closing a period, withdrawing a publication): it says what will happen and posts the same request
 * again with {@code confirmed=true}. A plain page, so it works without JavaScript under the CSP;
 * {@code confirm.js} may turn it into a dialog. Handlers act only when {@link #PARAM} is true.
 */
public record Confirmation(String titleKey, String messageKey, Object[] args, String action, Map<String, String> fields,
		String cancelUrl) {

	public static final String PARAM = "confirmed";

	public static final String VIEW = "confirm";

	/** Puts the confirmation on the model and names its view. */
	public static String show(Model model, String titleKey, String messageKey, Object[] args, String action,
			String cancelUrl) {
		return show(model, new Confirmation(titleKey, messageKey, args, action, new LinkedHashMap<>(), cancelUrl));
	}

	/**
	 * The same for an action that can be undone later (a closed period can be reopened, a withdrawn
	 * document published again): the page does not claim it cannot be.
	 */
	public static String showReversible(Model model, String titleKey, String messageKey, Object[] args, String action,
			String cancelUrl) {
		model.addAttribute("reversible", true);
		return show(model, titleKey, messageKey, args, action, cancelUrl);
	}

	public static String show(Model model, Confirmation confirmation) {
		model.addAttribute("confirmation", confirmation);
		return VIEW;
	}

	/** The same confirmation, also posting {@code name=value} again. */
	public Confirmation with(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(fields);
		more.put(name, value);
		return new Confirmation(titleKey, messageKey, args, action, more, cancelUrl);
	}

}
