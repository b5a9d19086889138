package cn.qualityportal.security;

import java.util.List;

import cn.qualityportal.organisation.Role;
import cn.qualityportal.organisation.Unit;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the caller is, so a client can show names and decide what to offer. */
@RestController
class CurrentUserController {

	@GetMapping("/api/v1/me")
	CurrentUserView me(@AuthenticationPrincipal PortalUser user) {
		return new CurrentUserView(user.getUsername(), user.displayName(), user.roles().stream().sorted().toList(),
				user.unit());
	}

	record CurrentUserView(String username, String displayName, List<Role> roles, Unit unit) {
	}

}
