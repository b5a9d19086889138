package cn.qualityportal.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final ObjectProvider<BuildProperties> build;

	HomeController(ObjectProvider<BuildProperties> build) {
		this.build = build;
	}

	@GetMapping("/")
	String show(Model model) {
		BuildProperties properties = build.getIfAvailable();
		model.addAttribute("version", properties == null ? "dev" : properties.getVersion());
		return "home";
	}

}
