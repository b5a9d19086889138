package cn.qualityportal.worklist;

import java.util.Set;

import cn.qualityportal.organisation.Role;

/**
 * One kind of work on the to-do list (figures to fill, to review …): a SQL select of its entries,
 * for the accounts holding one of its roles. The list page and the navigation badges put every kind
 * that applies into one statement ({@link TodoList}), so a new kind (the city's acceptance, say) is
 * one more bean of this type and costs no extra query.
 *
 * <p>The select returns {@code period_id, region_code, items, link} and may use the parameters
 * {@code :account, :region, :department, :today, :soon} and the common table expressions
 * {@code writable (code)}: the regions the account may change, and {@code unit_owed}: what the
 * account's own unit owes in the open periods ({@code period_id, region_code, indicator_id, due_on,
 * status}; status null when nothing was entered), from {@code reporting_obligation_unit}.
 *
 * @param name key of the kind: labels are {@code todo.kind.<name>}
 * @param order position on the page
 * @param roles who has this kind of work
 * @param counted whether its items count in the navigation badge (a reminder of work counted under
 *        another kind does not)
 * @param entries the select
 */
public record TodoKind(String name, int order, Set<Role> roles, boolean counted, String entries) {

	public TodoKind {
		if (!name.matches("[a-zA-Z]+")) {
			throw new IllegalArgumentException("A to-do kind's name is letters only: " + name);
		}
		roles = Set.copyOf(roles);
	}

}
