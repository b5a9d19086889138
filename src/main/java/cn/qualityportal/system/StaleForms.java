package cn.qualityportal.system;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * Optimistic locking on forms: when the record changed since the user opened the form, the form
 * is shown again with the record's current values and a conflict message, never saved over.
 */
public final class StaleForms {

	public static final String CONFLICT = "conflict.changedMeanwhile";

	private StaleForms() {
	}

	/** Puts {@code current} in the model as {@code name}, carrying only the conflict message. */
	public static void showCurrent(Model model, String name, Object current) {
		BindingResult result = new BeanPropertyBindingResult(current, name);
		result.reject(CONFLICT);
		model.addAttribute(name, current);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
	}

	public static boolean isConflict(BindingResult result) {
		return result.getGlobalErrors().stream().anyMatch(error -> CONFLICT.equals(error.getCode()));
	}

}
