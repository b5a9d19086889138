package cn.qualityportal.system;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final List<HomePageSection> sections;

	HomeController(List<HomePageSection> sections) {
		this.sections = sections;
	}

	/**
	 * The build's version is for operators (actuator info), not on the page: users read "0.1.0-SNAPSHOT" as broken.
	 * Leadership and the office land on the progress overview; accounts that also report or review
	 * keep the home page, where their outstanding work is.
	 */
	@GetMapping("/")
	String show(Principal user, HttpServletRequest request, Model model) {
		if ((request.isUserInRole("LEADER") || request.isUserInRole("OFFICE")) && !request.isUserInRole("REPORTER")
				&& !request.isUserInRole("REVIEWER")) {
			return "redirect:/dashboards";
		}
		List<Map.Entry<String, Object>> shown = new ArrayList<>();
		for (HomePageSection section : sections) {
			Object content = section.model(user);
			if (content != null) {
				shown.add(Map.entry(section.template(), content));
			}
		}
		model.addAttribute("sections", shown);
		return "home";
	}

}
