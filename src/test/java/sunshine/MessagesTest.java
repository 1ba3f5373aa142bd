package sunshine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** Chinese and English have the same keys, and every literal key a page uses exists. */
class MessagesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*[\\w])[}(]");

    /** The bundles of spring.messages.basename in application.yml. */
    private static final List<String> BUNDLES;

    static {
        try {
            String yml = Files.readString(Path.of("src/main/resources/application.yml"));
            Matcher m = Pattern.compile("basename: (\\S+)").matcher(yml);
            assertThat(m.find())
                    .as("spring.messages.basename in application.yml")
                    .isTrue();
            BUNDLES = List.of(m.group(1).split(","));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void eachBundleIsListedOnceAndNoKeyIsInTwoBundles() throws IOException {
        assertThat(BUNDLES).contains("messages").doesNotHaveDuplicates();
        Map<String, String> owner = new HashMap<>();
        for (String bundle : BUNDLES) {
            for (String key : load(bundle + ".properties").stringPropertyNames()) {
                String before = owner.put(key, bundle);
                assertThat(before)
                        .as("key " + key + " is in " + before + " and " + bundle)
                        .isNull();
            }
        }
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        for (String bundle : BUNDLES) {
            Set<String> zh = load(bundle + ".properties").stringPropertyNames();
            Set<String> en = load(bundle + "_en.properties").stringPropertyNames();
            assertThat(new TreeSet<>(en))
                    .as("keys missing in English in " + bundle)
                    .containsAll(zh);
            assertThat(new TreeSet<>(zh))
                    .as("keys missing in Chinese in " + bundle)
                    .containsAll(en);
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : BUNDLES) {
            keys.addAll(load(bundle + ".properties").stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void chineseIsTheDefault() throws IOException {
        assertThat(load("messages.properties").getProperty("login.submit")).isEqualTo("登录");
        assertThat(load("messages_en.properties").getProperty("login.submit")).isEqualTo("Sign in");
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
