package cn.qualityportal.worklist;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.qualityportal.organisation.DataScope;
import cn.qualityportal.organisation.Regions;
import cn.qualityportal.organisation.Role;
import cn.qualityportal.security.PortalUser;
import cn.qualityportal.system.Confirmation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's announcements (通知公告): the form, what it published, and publishing, which is
 * confirmed first (it reaches every recipient at once and cannot be recalled).
 */
@Controller
@RequestMapping("/announcements")
@PreAuthorize("hasRole('OFFICE')")
class AnnouncementController {

	private final Announcements announcements;

	private final Regions regions;

	AnnouncementController(Announcements announcements, Regions regions) {
		this.announcements = announcements;
		this.regions = regions;
	}

	@GetMapping
	String list(DataScope scope, @AuthenticationPrincipal PortalUser user, Model model) {
		return show(model, scope, user, "", "", null, Set.of());
	}

	@PostMapping
	String publish(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "") String region, @RequestParam(name = "roles", required = false) List<String> roles,
			@RequestParam(name = Confirmation.PARAM, defaultValue = "false") boolean confirmed, DataScope scope,
			@AuthenticationPrincipal PortalUser user, Model model, RedirectAttributes redirect) {
		String cleanTitle = title.strip();
		String cleanBody = body.strip();
		Set<Role> audience = EnumSet.noneOf(Role.class);
		for (String role : roles == null ? List.<String>of() : roles) {
			Announcements.AUDIENCES.stream().filter(r -> r.name().equals(role)).forEach(audience::add);
		}
		String problem = cleanTitle.isEmpty() || cleanTitle.length() > Announcements.TITLE_MAX ? "announcements.titleInvalid"
				: cleanBody.isEmpty() || cleanBody.length() > Announcements.BODY_MAX ? "announcements.bodyInvalid"
				: !region.matches("[0-9]{6}") || !scope.covers(region) ? "announcements.regionInvalid"
				: audience.isEmpty() ? "announcements.rolesRequired" : null;
		if (problem != null) {
			model.addAttribute("error", problem);
			return show(model, scope, user, cleanTitle, cleanBody, region, audience);
		}
		if (!confirmed) {
			Confirmation confirmation = new Confirmation("announcements.confirmTitle", "announcements.confirmMessage",
					new Object[] { cleanTitle, announcements.recipients(region, audience) }, "/announcements",
					new java.util.LinkedHashMap<>(), "/announcements")
				.with("title", cleanTitle)
				.with("body", cleanBody)
				.with("region", region);
			// Several values of one name: the confirmation posts them joined, read back as a list.
			confirmation = confirmation.with("roles", String.join(",", audience.stream().map(Role::name).toList()));
			return Confirmation.show(model, confirmation);
		}
		int recipients = announcements.publish(cleanTitle, cleanBody, region, audience, user.getUsername(), scope);
		redirect.addFlashAttribute("recipientCount", recipients);
		redirect.addFlashAttribute("success", "announcements.published");
		return "redirect:/announcements";
	}

	private String show(Model model, DataScope scope, PortalUser user, String title, String body, String region,
			Set<Role> audience) {
		model.addAttribute("regions", regions.optionsWithin(scope));
		model.addAttribute("audiences", Announcements.AUDIENCES);
		model.addAttribute("formTitle", title);
		model.addAttribute("formBody", body);
		model.addAttribute("region", region != null ? region : user.unit() == null ? "" : user.unit().regionCode());
		model.addAttribute("chosen", audience);
		model.addAttribute("published", announcements.published(scope));
		model.addAttribute("titleMax", Announcements.TITLE_MAX);
		model.addAttribute("bodyMax", Announcements.BODY_MAX);
		return "worklist/announcements";
	}

}
