package cn.qualityportal.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every label comes from the message bundles: a template with literal words, or a key missing
 * from either language, fails the build.
 */
class TemplateMessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Text between tags that contains a letter (Latin or Han); "…" placeholders are fine. */
	private static final Pattern LITERAL_TEXT = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");

	/** Attributes people read, written without th:. */
	private static final Pattern LITERAL_ATTRIBUTE = Pattern
		.compile("\\s(?:title|alt|placeholder|aria-label)=\"([^\"]*\\p{L}[^\"]*)\"");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");

	@Test
	void templatesHaveNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			String html = withoutCommentsAndScripts(Files.readString(template));
			collect(LITERAL_TEXT.matcher(html), template, literals);
			collect(LITERAL_ATTRIBUTE.matcher(html), template, literals);
		}
		assertThat(literals).as("literal text in templates; use th:text=\"#{key}\"").isEmpty();
	}

	@Test
	void everyKeyUsedInTemplatesExistsInBothLanguages() throws IOException {
		Properties chinese = load("messages.properties");
		Properties english = load("messages_en.properties");
		Set<String> used = new TreeSet<>();
		for (Path template : templates()) {
			Matcher keys = MESSAGE_KEY.matcher(Files.readString(template));
			while (keys.find()) {
				used.add(keys.group(1));
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(chinese.stringPropertyNames()).containsAll(used);
		assertThat(english.stringPropertyNames()).containsAll(used);
	}

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	@Test
	void theDefaultBundleIsChinese() throws IOException {
		assertThat(load("messages.properties").getProperty("app.name")).isEqualTo("质量强区目标管理平台");
	}

	@Test
	void theDetectorFindsLiteralText() {
		List<String> found = new ArrayList<>();
		collect(LITERAL_TEXT.matcher("<p th:text=\"#{a}\">…</p><span>保存</span>"), Path.of("t.html"), found);
		collect(LITERAL_ATTRIBUTE.matcher("<input placeholder=\"Name\">"), Path.of("t.html"), found);
		assertThat(found).hasSize(2);
	}

	private static void collect(Matcher matcher, Path template, List<String> into) {
		while (matcher.find()) {
			if (!matcher.group(1).isBlank()) {
				into.add(template.getFileName() + ": " + matcher.group(1).strip());
			}
		}
	}

	private static String withoutCommentsAndScripts(String html) {
		return html.replaceAll("(?s)<!--.*?-->", "")
			.replaceAll("(?s)<script\\b[^>]*>.*?</script>", "<script></script>")
			.replaceAll("(?s)<style\\b[^>]*>.*?</style>", "<style></style>");
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(file -> file.toString().endsWith(".html")).toList();
		}
	}

	private static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources", bundle))) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
