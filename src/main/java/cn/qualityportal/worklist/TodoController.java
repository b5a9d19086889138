package cn.qualityportal.worklist;

import java.time.LocalDate;

import cn.qualityportal.security.PortalUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 待办: the signed-in person's work, each entry linking to the page where it is done. */
@Controller
class TodoController {

	private final TodoList todo;

	TodoController(TodoList todo) {
		this.todo = todo;
	}

	@GetMapping("/todo")
	@PreAuthorize("isAuthenticated()")
	String show(@AuthenticationPrincipal PortalUser user, Model model) {
		LocalDate today = Reminders.today();
		model.addAttribute("entries", todo.entries(user, today));
		model.addAttribute("kinds", todo.applying(user));
		model.addAttribute("today", today);
		return "worklist/todo";
	}

}
