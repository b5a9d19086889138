package cn.qualityportal.organisation;

import cn.qualityportal.system.Refusal;
import java.security.Principal;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;

import jakarta.validation.Valid;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every signed-in user changes their own password here, proving they know the current one. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

	private final UserAccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Passwords passwords;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	PasswordController(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Passwords passwords,
			ApplicationEventPublisher events, AuditTrail audit) {
		this.audit = audit;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.passwords = passwords;
		this.events = events;
	}

	@GetMapping
	String showForm(Model model) {
		model.addAttribute("form", PasswordChangeForm.empty());
		return "organisation/passwordForm";
	}

	@PostMapping
	@Transactional
	String update(@Valid @ModelAttribute("form") PasswordChangeForm form, BindingResult result, Principal principal,
			RedirectAttributes redirect) {
		UserAccount account = accounts.findByUsername(principal.getName())
			.orElseThrow(() -> new Refusal.NotFound());
		if (!result.hasFieldErrors("currentPassword")
				&& !passwordEncoder.matches(form.currentPassword(), account.getPasswordHash())) {
			result.rejectValue("currentPassword", "validation.password.current");
		}
		if (!result.hasFieldErrors("newPassword")) {
			passwords.violation(account, form.newPassword()).ifPresent(key -> result.rejectValue("newPassword", key));
		}
		if (!result.hasFieldErrors("confirmation") && !form.confirmation().equals(form.newPassword())) {
			result.rejectValue("confirmation", "validation.password.confirmation");
		}
		if (!result.hasFieldErrors("newPassword") && form.newPassword().equals(form.currentPassword())) {
			result.rejectValue("newPassword", "validation.password.same");
		}
		if (result.hasErrors()) {
			return "organisation/passwordForm";
		}
		passwords.set(account, form.newPassword(), false);
		audit.record("user_account", account.getId(), "CHANGE_OWN_PASSWORD", null, Map.of("username", account.getUsername()));
		events.publishEvent(new AccountChanged(account.getUsername(), AccountChanged.What.OWN_PASSWORD));
		redirect.addFlashAttribute("success", "flash.passwordChanged");
		return "redirect:/";
	}

}
