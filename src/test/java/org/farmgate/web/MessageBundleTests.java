package org.farmgate.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user-facing text exists in Chinese (the default bundle), English and French, and
 * every literal message key a template uses exists.
 */
class MessageBundleTests {

	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");

	@Test
	void englishHasEveryKeyOfTheChineseBundleAndNoOther() throws IOException {
		assertThat(keys("messages_en.properties")).isEqualTo(keys("messages.properties"));
	}

	@Test
	void frenchHasEveryKeyOfTheChineseBundleAndNoOther() throws IOException {
		assertThat(keys("messages_fr.properties")).isEqualTo(keys("messages.properties"));
	}

	@Test
	void noTranslationIsEmpty() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_en.properties",
				"messages_fr.properties" }) {
			Properties properties = load(bundle);
			assertThat(properties.stringPropertyNames()).as(bundle)
				.allSatisfy(key -> assertThat(properties.getProperty(key)).as(bundle + " " + key).isNotBlank());
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> known = keys("messages.properties");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!known.contains(matcher.group(1))) {
						missing.add(template.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static Set<String> keys(String bundle) throws IOException {
		return new TreeSet<>(load(bundle).stringPropertyNames());
	}

	private static Properties load(String bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundleTests.class.getResourceAsStream("/" + bundle)) {
			assertThat(in).as(bundle).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
