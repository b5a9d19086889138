package cn.qualityportal.organisation;

import cn.qualityportal.system.Refusal;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.system.StaleForms;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The system administrator's pages for accounts. Accounts are disabled, never deleted: figures keep their authors. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAccountController {

	private final UserAccountRepository accounts;

	private final DepartmentRepository departments;

	private final PasswordEncoder passwordEncoder;

	private final Passwords passwords;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	UserAccountController(UserAccountRepository accounts, DepartmentRepository departments,
			PasswordEncoder passwordEncoder, Passwords passwords, AuditTrail audit, ApplicationEventPublisher events) {
		this.events = events;
		this.accounts = accounts;
		this.departments = departments;
		this.passwordEncoder = passwordEncoder;
		this.passwords = passwords;
		this.audit = audit;
	}

	@ModelAttribute("departmentOptions")
	List<Regions.DepartmentOption> departmentOptions() {
		return departments.findActive().stream().map(Regions::option).toList();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q.strip());
		model.addAttribute("page", accounts.search(UserAccounts.normalise(q).isEmpty() ? "" : q.strip(), region,
				PageRequest.of(Math.max(page, 0), RegionController.PAGE_SIZE)));
		return "organisation/users";
	}

	@GetMapping("/new")
	String showCreateForm(Model model) {
		model.addAttribute("form", UserAccountForm.empty());
		return "organisation/userForm";
	}

	@PostMapping
	@Transactional
	String create(@Valid @ModelAttribute("form") UserAccountForm form, BindingResult result,
			RedirectAttributes redirect) {
		String username = UserAccounts.normalise(form.username());
		if (!result.hasFieldErrors("username") && accounts.existsByUsername(username)) {
			result.rejectValue("username", "validation.username.taken");
		}
		PasswordPolicy.violation(form.password(), username).ifPresent(key -> result.rejectValue("password", key));
		Department department = department(form, result);
		if (result.hasErrors()) {
			return "organisation/userForm";
		}
		UserAccount account = new UserAccount(username, form.displayName().strip(),
				passwordEncoder.encode(form.password()), java.util.EnumSet.noneOf(Role.class));
		account.update(form.displayName().strip(), department, java.util.Set.of(), form.includesSubregions());
		// An initial password is the administrator's, not its owner's: changed at the first sign-in.
		account.changePassword(account.getPasswordHash(), true);
		accounts.save(account);
		audit.record("user_account", account.getId(), "CREATE", null, state(account));
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/admin/users?q=" + username;
	}

	@GetMapping("/{id}/edit")
	String showEditForm(@PathVariable long id, Model model) {
		UserAccount account = findManageable(id);
		model.addAttribute("form", UserAccountForm.of(account));
		model.addAttribute("account", account);
		return "organisation/userForm";
	}

	@PostMapping("/{id}")
	@Transactional
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UserAccountForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		UserAccount account = findManageable(id);
		model.addAttribute("account", account);
		if (form.version() == null || form.version() != account.getVersion()) {
			StaleForms.showCurrent(model, "form", UserAccountForm.of(account));
			return "organisation/userForm";
		}
		boolean resetPassword = form.password() != null && !form.password().isEmpty();
		if (resetPassword) {
			passwords.violation(account, form.password()).ifPresent(key -> result.rejectValue("password", key));
		}
		Department department = department(form, result);
		// The username is fixed once created; its errors on this form do not matter.
		if (result.getFieldErrors().stream().anyMatch(error -> !error.getField().equals("username"))
				|| result.hasGlobalErrors()) {
			return "organisation/userForm";
		}
		Map<String, Object> before = state(account);
		account.update(form.displayName().strip(), department, java.util.Set.copyOf(account.getRoles()), form.includesSubregions());
		if (resetPassword) {
			passwords.set(account, form.password(), true);
		}
		audit.record("user_account", account.getId(), resetPassword ? "UPDATE_AND_RESET_PASSWORD" : "UPDATE", before,
				state(account));
		if (resetPassword) {
			events.publishEvent(new AccountChanged(account.getUsername(), AccountChanged.What.PASSWORD));
		}
		else if (!java.util.Objects.equals(before.get("department"), state(account).get("department"))
				|| !before.get("includesSubregions").equals(state(account).get("includesSubregions"))) {
			events.publishEvent(new AccountChanged(account.getUsername(), AccountChanged.What.UNIT_OR_SCOPE));
		}
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/admin/users?q=" + account.getUsername();
	}

	@PostMapping("/{id}/enabled")
	@Transactional
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Principal me,
			RedirectAttributes redirect) {
		UserAccount account = findManageable(id);
		if (!enabled && account.getUsername().equals(me.getName())) {
			redirect.addFlashAttribute("error", "validation.account.selfDisable");
			return "redirect:/admin/users";
		}
		account.setEnabled(enabled);
		audit.record("user_account", account.getId(), enabled ? "ENABLE" : "DISABLE", null, Map.of("username", account.getUsername()));
		events.publishEvent(new AccountChanged(account.getUsername(), AccountChanged.What.STATUS));
		redirect.addFlashAttribute("success", enabled ? "flash.activated" : "flash.deactivated");
		return "redirect:/admin/users?q=" + account.getUsername();
	}

	/**
	 * A one-time password, shown once to the administrator in the answer to this request (never
	 * stored in the session for a later page, never cached); its owner must replace it when signing in.
	 */
	@PostMapping("/{id}/reset-password")
	@Transactional
	String resetPassword(@PathVariable long id, Model model, HttpServletResponse response) {
		UserAccount account = findManageable(id);
		String oneTime = passwords.resetToOneTime(account);
		account.unlock();
		audit.record("user_account", account.getId(), "RESET_PASSWORD", null, Map.of("username", account.getUsername()));
		events.publishEvent(new AccountChanged(account.getUsername(), AccountChanged.What.PASSWORD));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("oneTimePassword", oneTime);
		model.addAttribute("oneTimeFor", account.getUsername());
		return "organisation/oneTimePassword";
	}

	/** Lifts a lock after failed sign-ins before it runs out. */
	@PostMapping("/{id}/unlock")
	@Transactional
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		UserAccount account = find(id);
		account.unlock();
		audit.record("user_account", account.getId(), "UNLOCK", null, Map.of("username", account.getUsername()));
		events.publishEvent(new AccountChanged(account.getUsername(), AccountChanged.What.LOCK));
		redirect.addFlashAttribute("success", "flash.unlocked");
		return "redirect:/admin/users?q=" + account.getUsername();
	}

	private static Map<String, Object> state(UserAccount account) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("username", account.getUsername());
		state.put("displayName", account.getDisplayName());
		state.put("department", account.getDepartment() == null ? null : account.getDepartment().getId());
		state.put("roles", account.getRoles().stream().map(Enum::name).sorted().toList());
		state.put("includesSubregions", account.isScopeIncludesSubregions());
		state.put("enabled", account.isEnabled());
		return state;
	}

	private Department department(UserAccountForm form, BindingResult result) {
		if (form.departmentId() == null) {
			return null;
		}
		Department department = departments.findById(form.departmentId()).orElse(null);
		if (department == null || !department.isActive()) {
			result.rejectValue("departmentId", "validation.department.unknown");
		}
		return department;
	}

	/**
	 * 三员分立: an administrative account (system administrator, security administrator, auditor)
	 * is not reset, disabled, renamed or re-scoped from the web by another administrator, or one
	 * could take over another's powers; it is recovered only on the server ({@link AccountRecovery}).
	 */
	private UserAccount findManageable(long id) {
		UserAccount account = find(id);
		if (account.isAdministrative()) {
			throw Refusal.forbidden();
		}
		return account;
	}

	private UserAccount find(long id) {
		return accounts.findById(id).orElseThrow(() -> new Refusal.NotFound());
	}

}
