package cn.qualityportal.system;

import java.security.Principal;

/**
 * A part of the home page contributed by a module (a reporter's outstanding figures …), so the
 * home page shows it without depending on that module. Sections with a null model are left out.
 */
public interface HomePageSection {

	/** Thymeleaf template holding a fragment named {@code section}, given the model as {@code section}. */
	String template();

	/** What the signed-in user should see, or null for nothing. */
	Object model(Principal user);

}
