package cn.qualityportal.organisation;

import cn.qualityportal.system.Refusal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.qualityportal.audit.AuditTrail;
import cn.qualityportal.system.StaleForms;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security administrator's page (三员分立): who holds which role. Only here are roles granted
 * or revoked; the system administrator, the security administrator and the auditor hold their
 * role alone, and nobody changes their own roles. Every change is audited and ends the account's
 * sessions, so a revoked role is gone at once.
 */
@Controller
@RequestMapping("/security/roles")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class RoleController {

	private final UserAccountRepository accounts;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	RoleController(UserAccountRepository accounts, AuditTrail audit, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q.strip());
		model.addAttribute("page", accounts.search(q.strip(), "", PageRequest.of(Math.max(page, 0), RegionController.PAGE_SIZE)));
		model.addAttribute("allRoles", Role.values());
		return "organisation/roles";
	}

	@PostMapping("/{id}")
	@Transactional
	String update(@PathVariable long id, @RequestParam(required = false) Set<Role> roles, @RequestParam long version,
			java.security.Principal me, RedirectAttributes redirect) {
		UserAccount account = accounts.findById(id).orElseThrow(() -> new Refusal.NotFound());
		Set<Role> granted = roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		String refusal = violation(account, granted, me.getName(), version);
		if (refusal != null) {
			redirect.addFlashAttribute("error", refusal);
			return "redirect:/security/roles?q=" + account.getUsername();
		}
		List<String> before = names(account.getRoles());
		account.grant(granted);
		audit.record(me.getName(), "user_account", account.getId(), "ROLE_CHANGE", Map.of("roles", before),
				Map.of("username", account.getUsername(), "roles", names(granted)), null);
		// Roles travel in the session: its sessions end, so the change holds at once, not at its next sign-in.
		events.publishEvent(new AccountChanged(account.getUsername(), AccountChanged.What.ROLES));
		redirect.addFlashAttribute("success", "flash.saved");
		return "redirect:/security/roles?q=" + account.getUsername();
	}

	/** The message key of the rule a grant breaks, or null. */
	static String violation(UserAccount account, Set<Role> roles, String actor, long version) {
		if (account.getVersion() != version) {
			return StaleForms.CONFLICT;
		}
		if (account.getUsername().equals(actor)) {
			return "validation.roles.self";
		}
		if (roles.stream().anyMatch(Role::isAdministrative) && roles.size() > 1) {
			return "validation.roles.exclusive";
		}
		return null;
	}

	private static List<String> names(Set<Role> roles) {
		return roles.stream().map(Enum::name).sorted().toList();
	}

}
