package cn.qualityportal.security;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

import cn.hutool.captcha.CaptchaUtil;
import cn.hutool.captcha.LineCaptcha;
import cn.hutool.captcha.generator.RandomGenerator;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The picture captcha of the sign-in form (hutool-captcha, drawn on the server: no external
 * service, nothing leaves the network). Required after failed sign-ins
 * ({@link cn.qualityportal.organisation.SignInPolicy#captchaRequired}); the answer is kept in the
 * session only, and each one is good for a single attempt.
 */
@Controller
class Captchas {

	/** The answer of the picture last shown in this session. */
	static final String ANSWER = Captchas.class.getName() + ".answer";

	/** Set once this session failed to sign in: its next attempts need a captcha. */
	static final String REQUIRED = Captchas.class.getName() + ".required";

	/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/l/I). */
	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	@GetMapping("/login/captcha.png")
	ResponseEntity<byte[]> picture(HttpSession session) {
		LineCaptcha captcha = CaptchaUtil.createLineCaptcha(140, 48, 4, 30);
		captcha.setGenerator(new RandomGenerator(ALPHABET, 4));
		captcha.createCode();
		session.setAttribute(ANSWER, captcha.getCode());
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		captcha.write(png);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG).body(png.toByteArray());
	}

	/** Whether {@code answer} is this session's captcha; the captcha is used up either way. */
	static boolean solved(HttpSession session, String answer) {
		if (session == null) {
			return false;
		}
		Object expected = session.getAttribute(ANSWER);
		session.removeAttribute(ANSWER);
		return expected instanceof String code && answer != null && !answer.isBlank()
				&& code.toLowerCase(Locale.ROOT).equals(answer.strip().toLowerCase(Locale.ROOT));
	}

}
