package cn.qualityportal.worklist;

import java.time.LocalDate;
import java.util.List;

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

	/** One kind of work on the page: its entries and their items together. */
	record Section(String kind, List<TodoList.Entry> entries, long items) {
	}

	@GetMapping("/todo")
	@PreAuthorize("isAuthenticated()")
	String show(@AuthenticationPrincipal PortalUser user, Model model) {
		LocalDate today = Reminders.today();
		List<TodoList.Entry> entries = todo.entries(user, today);
		List<Section> sections = todo.applying(user)
			.stream()
			.map(kind -> {
				List<TodoList.Entry> mine = entries.stream().filter(entry -> entry.kind().equals(kind.name())).toList();
				return new Section(kind.name(), mine, mine.stream().mapToLong(TodoList.Entry::items).sum());
			})
			.toList();
		model.addAttribute("sections", sections);
		model.addAttribute("today", today);
		return "worklist/todo";
	}

}
