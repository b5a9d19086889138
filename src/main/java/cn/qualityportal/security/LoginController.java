package cn.qualityportal.security;

import cn.qualityportal.organisation.SignInPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

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
		return "login";
	}

}
