package cn.qualityportal.system;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

	@GetMapping("/")
	String show(Principal user, Model model) {
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
