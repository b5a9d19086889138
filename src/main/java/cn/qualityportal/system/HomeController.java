package cn.qualityportal.system;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final ObjectProvider<BuildProperties> build;

	private final List<HomePageSection> sections;

	HomeController(ObjectProvider<BuildProperties> build, List<HomePageSection> sections) {
		this.build = build;
		this.sections = sections;
	}

	/**
	 * Leadership and the office land on the progress overview; accounts that also report or review
	 * keep the home page, where their outstanding work is.
	 */
	@GetMapping("/")
	String show(Principal user, HttpServletRequest request, Model model) {
		if ((request.isUserInRole("LEADER") || request.isUserInRole("OFFICE")) && !request.isUserInRole("REPORTER")
				&& !request.isUserInRole("REVIEWER")) {
			return "redirect:/dashboards";
		}
		BuildProperties properties = build.getIfAvailable();
		model.addAttribute("version", properties == null ? "dev" : properties.getVersion());
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
