package cn.qualityportal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may name which database object (docs/architecture.md "Tables and what each module
 * publishes"): a module names its own objects and what other modules publish, nothing else.
 * Finds the names a piece of SQL uses, in Java string literals and text blocks or in a migration
 * split into statements, and reports each use of another module's unpublished object.
 * {@link DatabaseOwnershipTests} runs it over the main code.
 */
final class SqlOwnership {

	/** One use of another module's unpublished object: where, by which module, which object and its owner. */
	record Violation(String where, String module, String name, String owner) {

		@Override
		public String toString() {
			return where + " " + module + " " + name;
		}

	}

	private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

	// Lower case only: SQL here is written in lower case, JPQL names entities (Target), which Modulith checks.
	// The name is a look-ahead, so "update on indicator" finds "on" and then "indicator".
	private static final Pattern TABLE = Pattern.compile(
			"\\b(?:from|join|into|update|table|on|copy|truncate|view|exists)\\s+(?:only\\s+|if\\s+(?:not\\s+)?exists\\s+)?(?=([a-z_][a-z0-9_]*)\\b)");

	private static final Pattern CALL = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*\\(");

	private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");

	private final Map<String, String> owners = new LinkedHashMap<>();

	private final Set<String> published = new TreeSet<>();

	void owns(String module, String name, boolean publishes) {
		String before = owners.putIfAbsent(name, module);
		if (before != null && !before.equals(module)) {
			throw new IllegalStateException(name + " is claimed by " + before + " and " + module);
		}
		if (publishes) {
			published.add(name);
		}
	}

	String ownerOf(String name) {
		return owners.get(name);
	}

	/** The uses of foreign, unpublished objects in the string literals of a Java source file. */
	List<Violation> checkJava(String where, String module, String source) {
		return check(where, module, sqlOf(source));
	}

	/**
	 * The uses of foreign, unpublished objects in a migration. Each statement belongs to the module
	 * that owns what it creates or changes (a trigger: the module whose function it runs); a
	 * statement that names nothing owned (an extension, a do block) belongs to the migration's first
	 * owned statement's module.
	 */
	List<Violation> checkMigration(String where, String script) {
		return checkMigration(where, statements(LINE_COMMENT.matcher(script).replaceAll(" ")), Set.of());
	}

	/** A migration's file name and text. */
	record Migration(String name, String script) {
	}

	/**
	 * The uses of foreign, unpublished objects in the migrations, given in the order Flyway applies
	 * them. Only the definition in force is checked: a view, function or trigger that a later
	 * migration replaces ({@code create or replace}, or dropped and created again) or drops is no
	 * longer in the database, so what its old definition named is not read any more. Installed
	 * migrations cannot be edited; a new one that redefines an object over published views is how an
	 * old crossing goes. Statements that change data or tables (an {@code update}, an {@code alter
	 * table}) ran once and stay checked.
	 */
	List<Violation> checkMigrations(List<Migration> migrations) {
		List<List<String>> scripts = new ArrayList<>();
		Map<String, int[]> latest = new LinkedHashMap<>();
		for (int m = 0; m < migrations.size(); m++) {
			List<String> statements = statements(LINE_COMMENT.matcher(migrations.get(m).script()).replaceAll(" "));
			scripts.add(statements);
			for (int s = 0; s < statements.size(); s++) {
				String key = definition(statements.get(s));
				if (key != null) {
					latest.put(key, new int[] { m, s });
				}
			}
		}
		List<Violation> found = new ArrayList<>();
		for (int m = 0; m < migrations.size(); m++) {
			List<String> statements = scripts.get(m);
			Set<Integer> superseded = new TreeSet<>();
			for (int s = 0; s < statements.size(); s++) {
				String key = definition(statements.get(s));
				if (key != null && (key.startsWith("drop ") || latest.get(key)[0] != m || latest.get(key)[1] != s
						|| latest.containsKey("drop " + key) && isLater(latest.get("drop " + key), m, s))) {
					superseded.add(s);
				}
			}
			found.addAll(checkMigration(migrations.get(m).name(), statements, superseded));
		}
		return found;
	}

	private static boolean isLater(int[] position, int migration, int statement) {
		return position[0] > migration || position[0] == migration && position[1] > statement;
	}

	private static final Pattern DEFINES = Pattern.compile(
			"^(drop\\s+)?(?:create\\s+(?:or\\s+replace\\s+)?)?(?:constraint\\s+)?(materialized\\s+view|view|function|trigger)\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)(?:\\s.*?\\bon\\s+(?:only\\s+)?([a-z_][a-z0-9_]*))?",
			Pattern.DOTALL);

	/**
	 * The object a statement defines ("view name", "function name", "trigger name on table"), or
	 * drops ("drop " and the same); null for any other statement. A trigger is named with its table,
	 * as PostgreSQL names it.
	 */
	static String definition(String statement) {
		String s = statement.strip().toLowerCase();
		if (!s.startsWith("create") && !s.startsWith("drop")) {
			return null;
		}
		Matcher defines = DEFINES.matcher(s);
		if (!defines.lookingAt() || s.startsWith("create") == (defines.group(1) != null)) {
			return null;
		}
		String kind = defines.group(2).replaceAll("\\s+", " ");
		if (kind.equals("trigger") && defines.group(4) == null) {
			return null;
		}
		String key = kind + " " + defines.group(3) + (kind.equals("trigger") ? " on " + defines.group(4) : "");
		return defines.group(1) != null ? "drop " + key : key;
	}

	private List<Violation> checkMigration(String where, List<String> statements, Set<Integer> superseded) {
		List<Violation> found = new ArrayList<>();
		String fallback = null;
		List<String> unowned = new ArrayList<>();
		for (int i = 0; i < statements.size(); i++) {
			String statement = statements.get(i);
			String owner = ownerOfStatement(statement);
			if (superseded.contains(i)) {
				statement = "";
			}
			if (owner == null) {
				if (fallback == null) {
					unowned.add(statement);
				}
				else {
					found.addAll(check(where, fallback, statement));
				}
				continue;
			}
			if (fallback == null) {
				fallback = owner;
				for (String early : unowned) {
					found.addAll(check(where, owner, early));
				}
			}
			found.addAll(check(where, owner, statement));
		}
		return found;
	}

	/** Names a migration creates (tables, views, functions) that no module claims. */
	List<String> unclaimed(String script) {
		List<String> names = new ArrayList<>();
		Matcher created = Pattern
			.compile("\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+|materialized\\s+)?(?:table|view|function)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)")
			.matcher(LINE_COMMENT.matcher(script.toLowerCase()).replaceAll(" "));
		while (created.find()) {
			if (!owners.containsKey(created.group(1))) {
				names.add(created.group(1));
			}
		}
		return names;
	}

	private String ownerOfStatement(String statement) {
		String s = statement.strip().toLowerCase();
		Matcher trigger = Pattern.compile("^create\\s+(?:or\\s+replace\\s+)?(?:constraint\\s+)?trigger\\b.*?\\bexecute\\s+(?:function|procedure)\\s+([a-z_][a-z0-9_]*)", Pattern.DOTALL).matcher(s);
		if (trigger.find()) {
			return owners.get(trigger.group(1));
		}
		Matcher index = Pattern.compile("^create\\s+(?:unique\\s+)?index\\b.*?\\bon\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)", Pattern.DOTALL).matcher(s);
		if (index.find()) {
			return owners.get(index.group(1));
		}
		Matcher named = Pattern.compile(
				"^(?:create\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+|materialized\\s+)?(?:table|view|function)|alter\\s+(?:table|view|function)|comment\\s+on\\s+(?:table|view|column|function)|insert\\s+into|update|delete\\s+from|drop\\s+(?:table|view|function)|analyze|vacuum)\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?(?:only\\s+)?([a-z_][a-z0-9_]*)")
			.matcher(s);
		return named.find() ? owners.get(named.group(1)) : null;
	}

	/**
	 * The other modules whose published views and functions the SQL of a Java source names: the
	 * dependencies its SQL has, which the module must declare like those of its imports.
	 */
	Set<String> publishersNamedBy(String module, String source) {
		Set<String> publishers = new TreeSet<>();
		for (String name : namesIn(sqlOf(source))) {
			String owner = owners.get(name);
			if (owner != null && !owner.equals(module) && published.contains(name)) {
				publishers.add(owner);
			}
		}
		return publishers;
	}

	private static String sqlOf(String javaSource) {
		StringBuilder sql = new StringBuilder();
		Matcher strings = STRING.matcher(javaSource);
		while (strings.find()) {
			sql.append(strings.group(1) != null ? strings.group(1) : strings.group(2)).append('\n');
		}
		return sql.toString();
	}

	private List<Violation> check(String where, String module, String sql) {
		List<Violation> found = new ArrayList<>();
		for (String name : namesIn(sql)) {
			String owner = owners.get(name);
			if (owner != null && !owner.equals(module) && !published.contains(name)) {
				found.add(new Violation(where, module, name, owner));
			}
		}
		return found;
	}

	/** The tables, views and functions a piece of SQL names. */
	private static Set<String> namesIn(String sql) {
		Set<String> names = new TreeSet<>();
		Matcher tables = TABLE.matcher(sql);
		while (tables.find()) {
			names.add(tables.group(1));
		}
		// A foreign key names the owner's identity, which is no read of its rows.
		Matcher calls = CALL.matcher(sql.replaceAll("\\breferences\\s+[a-z_][a-z0-9_]*", "references"));
		while (calls.find()) {
			names.add(calls.group(1));
		}
		return names;
	}

	/** Statements of a script without comments: split at semicolons outside quotes and dollar-quoted bodies. */
	static List<String> statements(String script) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		String dollar = null;
		for (int i = 0; i < script.length(); i++) {
			char c = script.charAt(i);
			if (dollar != null) {
				if (script.startsWith(dollar, i)) {
					current.append(dollar);
					i += dollar.length() - 1;
					dollar = null;
					continue;
				}
			}
			else if (quoted) {
				quoted = c != '\'';
			}
			else if (c == '\'') {
				quoted = true;
			}
			else if (c == '$') {
				Matcher tag = Pattern.compile("\\$[a-zA-Z_]*\\$").matcher(script).region(i, script.length());
				if (tag.lookingAt()) {
					dollar = tag.group();
					current.append(dollar);
					i += dollar.length() - 1;
					continue;
				}
			}
			else if (c == ';') {
				statements.add(current.toString());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		if (!current.toString().isBlank()) {
			statements.add(current.toString());
		}
		return statements;
	}

}
