package cn.qualityportal.worklist;

import cn.qualityportal.security.PortalUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Gives every page {@code navBadges}: the signed-in person's to-do and unread counts for the
 * navigation. Lazy: the one query ({@link TodoList#badges}) runs only when a page's navigation
 * reads it, so redirects, downloads and the API never pay for it. A page shown while the database
 * fails goes without badges rather than failing itself.
 */
@ControllerAdvice
class NavigationBadges {

	private static final Logger log = LoggerFactory.getLogger(NavigationBadges.class);

	private final TodoList todo;

	NavigationBadges(TodoList todo) {
		this.todo = todo;
	}

	@ModelAttribute("navBadges")
	Object navBadges() {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn == null || !(signedIn.getPrincipal() instanceof PortalUser user)) {
			return null;
		}
		return new LazyContextVariable<TodoList.Badges>() {
			@Override
			protected TodoList.Badges loadValue() {
				try {
					return todo.badges(user, Reminders.today());
				}
				catch (DataAccessException failure) {
					log.debug("Navigation badges left out: {}", failure.getMessage());
					return null;
				}
			}
		};
	}

}
