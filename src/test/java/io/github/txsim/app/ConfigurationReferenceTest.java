package io.github.txsim.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/configuration.md and application.properties list the same keys with the same defaults. A key left commented
 * out in application.properties ({@code #key=example}) is documented as {@code (unset)}.
 */
class ConfigurationReferenceTest {

    private static final String UNSET = "(unset)";
    private static final Pattern SETTING = Pattern.compile("^(#)?([a-z][A-Za-z0-9.-]*)=(.*)$");
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([^`]+)` \\| (?:`([^`]*)`|\\(unset\\)) \\|");

    static Map<String, String> applicationProperties() throws IOException {
        Map<String, String> keys = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("application.properties"), StandardCharsets.UTF_8)) {
            Matcher m = SETTING.matcher(line.strip());
            if (m.matches()) {
                keys.put(m.group(2), m.group(1) != null ? UNSET : m.group(3).strip());
            }
        }
        return keys;
    }

    static Map<String, String> reference() throws IOException {
        Map<String, String> keys = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("docs", "configuration.md"), StandardCharsets.UTF_8)) {
            Matcher m = DOCUMENTED.matcher(line);
            if (m.find()) {
                keys.put(m.group(1), m.group(2) != null ? m.group(2) : UNSET);
            }
        }
        return keys;
    }

    @Test
    void theReferenceListsEveryKeyOfApplicationPropertiesWithItsDefault() throws IOException {
        Map<String, String> properties = applicationProperties();

        assertEquals(properties, reference());
        assertTrue(properties.size() > 50, "the keys were read: " + properties.size());
    }
}
