package cn.qualityportal.security;

import cn.qualityportal.organisation.SignInPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	/** Session attribute: the username of the last failed sign-in, shown again in the form once. */
	static final String LAST_USERNAME = "portal.signIn.lastUsername";

	/** Longer input is no username (accounts allow 64 characters); it is not kept. */
	static final int USERNAME_MAX = 100;

	private final SignInPolicy policy;

	LoginController(SignInPolicy policy) {
		this.policy = policy;
	}

	/** The form; with a picture captcha once this session or this address failed to sign in. */
	@GetMapping("/login")
	String showForm(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		boolean required = session != null && Boolean.TRUE.equals(session.getAttribute(Captchas.REQUIRED))
				|| policy.captchaRequired(null, request.getRemoteAddr());
		model.addAttribute("captcha", required);
		if (session != null && request.getParameter("error") != null) {
			model.addAttribute("username", session.getAttribute(LAST_USERNAME));
		}
		return "login";
	}

}
