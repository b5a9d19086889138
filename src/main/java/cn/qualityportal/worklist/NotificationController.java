package cn.qualityportal.worklist;

import cn.qualityportal.security.PortalUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 站内消息: the signed-in person's notification centre (reminders, digests, announcements), marking
 * one or all read, and the address reminders are e-mailed to. Only ever the person's own messages.
 */
@Controller
@RequestMapping("/notifications")
@PreAuthorize("isAuthenticated()")
class NotificationController {

	/** RFC 5321's longest address; the database checks the shape. */
	static final int EMAIL_MAX = 254;

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("page", notifications.page(user.id(), unread, page));
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("email", notifications.email(user.id()));
		return "worklist/notifications";
	}

	/** Marks a message read and, when asked, goes where it leads (a path on the portal). */
	@PostMapping("/{id}/read")
	String read(@PathVariable long id, @RequestParam(defaultValue = "false") boolean open,
			@AuthenticationPrincipal PortalUser user) {
		String link = notifications.markRead(user.id(), id);
		if (link == null) {
			throw new cn.qualityportal.system.Refusal(org.springframework.http.HttpStatus.NOT_FOUND, "error.404.detail");
		}
		return open && link.startsWith("/") && !link.startsWith("//") ? "redirect:" + link : "redirect:/notifications";
	}

	@PostMapping("/read-all")
	String readAll(@AuthenticationPrincipal PortalUser user, RedirectAttributes redirect) {
		notifications.markAllRead(user.id());
		redirect.addFlashAttribute("success", "notifications.allRead");
		return "redirect:/notifications";
	}

	@PostMapping("/settings")
	String settings(@RequestParam(defaultValue = "") String email, @AuthenticationPrincipal PortalUser user,
			RedirectAttributes redirect) {
		String address = email.strip();
		if (address.length() > EMAIL_MAX || (!address.isEmpty() && !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			redirect.addFlashAttribute("error", "notifications.emailInvalid");
			return "redirect:/notifications";
		}
		notifications.setEmail(user.id(), user.getUsername(), address);
		redirect.addFlashAttribute("success", "notifications.emailSaved");
		return "redirect:/notifications";
	}

}
