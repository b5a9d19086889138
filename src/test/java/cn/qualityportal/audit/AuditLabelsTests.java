package cn.qualityportal.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action and entity the code writes to the audit trail has a label in Chinese and English,
 * so the auditor's page never shows a raw key such as {@code SIGN_IN} or {@code reporting_period}.
 * The actions and entities are read from the source: every {@code audit.record(…)} call (constants
 * resolved in their file), every {@code transition(…, "ACTION")} of the reporting workflow, and the
 * rows written in SQL (figure imports, the retention purge).
 */
class AuditLabelsTests {

	private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"([^\"]*)\"");

	private static final Pattern UPPER = Pattern.compile("\"([A-Z][A-Z_]+)\"");

	private static final Pattern LOWER = Pattern.compile("\"([a-z][a-z_]*)\"");

	@Test
	void everyAuditActionAndEntityHasALabelInBothLanguages() throws IOException {
		Set<String> actions = new TreeSet<>();
		Set<String> entities = new TreeSet<>();
		List<Path> sources;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			sources = files.filter(path -> path.toString().endsWith(".java")).toList();
		}
		// Constants by their own name in their file, and as Class.NAME everywhere.
		Map<String, String> qualified = new HashMap<>();
		for (Path file : sources) {
			Matcher constant = CONSTANT.matcher(Files.readString(file));
			String type = file.getFileName().toString().replace(".java", "");
			while (constant.find()) {
				qualified.put(type + "." + constant.group(1), constant.group(2));
			}
		}
		{
			for (Path file : sources) {
				String source = Files.readString(file);
				Map<String, String> constants = new HashMap<>(qualified);
				Matcher constant = CONSTANT.matcher(source);
				while (constant.find()) {
					constants.put(constant.group(1), constant.group(2));
				}
				for (List<String> args : calls(source, "audit.record(")) {
					boolean signedIn = args.size() == 5;
					String entity = args.get(signedIn ? 0 : 1);
					Matcher literal = LOWER.matcher(entity);
					if (literal.find()) {
						entities.add(literal.group(1));
					}
					else {
						String name = entity;
						assertThat(constants).as("entity constant " + entity + " in " + file).containsKey(name);
						entities.add(constants.get(name));
					}
					Matcher action = UPPER.matcher(args.get(signedIn ? 2 : 3));
					while (action.find()) {
						actions.add(action.group(1));
					}
				}
				for (List<String> args : calls(source, "transition(")) {
					Matcher action = UPPER.matcher(args.get(args.size() - 1));
					while (action.find()) {
						actions.add(action.group(1));
					}
				}
			}
		}
		// Written in SQL: figure imports (CREATE, UPDATE of indicator_value) and the retention purge.
		actions.add("PURGE");
		entities.add("audit_log");
		assertThat(actions).contains("SIGN_IN", "APPROVE", "PUBLISH", "BREAK_GLASS_RECOVERY", "NOTE");
		assertThat(entities).contains("security", "reporting_period", "region", "task", "goal", "indicator");

		for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties labels = new Properties();
			try (InputStream in = getClass().getResourceAsStream("/" + bundle)) {
				labels.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			List<String> missing = new ArrayList<>();
			actions.stream().filter(action -> !labels.containsKey("audit.action." + action)).forEach(a -> missing.add("audit.action." + a));
			entities.stream().filter(entity -> !labels.containsKey("audit.entity." + entity)).forEach(e -> missing.add("audit.entity." + e));
			assertThat(missing).as(bundle).isEmpty();
		}
	}

	/** The top-level arguments of every call of {@code method} in the source. */
	private static List<List<String>> calls(String source, String method) {
		List<List<String>> calls = new ArrayList<>();
		for (int start = source.indexOf(method); start >= 0; start = source.indexOf(method, start + 1)) {
			List<String> args = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			int depth = 1;
			for (int i = start + method.length(); i < source.length() && depth > 0; i++) {
				char c = source.charAt(i);
				if (c == '"') {
					int end = i + 1;
					while (source.charAt(end) != '"') {
						end += source.charAt(end) == '\\' ? 2 : 1;
					}
					current.append(source, i, end + 1);
					i = end;
					continue;
				}
				if (c == '(' || c == '[' || c == '{') {
					depth++;
				}
				if (c == ')' || c == ']' || c == '}') {
					depth--;
				}
				if (depth == 0 || (c == ',' && depth == 1)) {
					args.add(current.toString().strip());
					current.setLength(0);
				}
				else {
					current.append(c);
				}
			}
			calls.add(args);
		}
		return calls;
	}

}
