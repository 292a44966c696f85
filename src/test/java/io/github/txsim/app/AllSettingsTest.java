package io.github.txsim.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.txsim.settings.SettingTable;
import io.github.txsim.settings.Settings;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AllSettingsTest {

    private final SettingTable table = AllSettings.table();

    @Test
    void theTableAndTheControlPanelListTheSameKeys() throws IOException {
        Set<String> listed = ConfigurationReferenceTest.applicationProperties().keySet().stream()
                .filter(table::isOurs).collect(Collectors.toCollection(TreeSet::new));
        listed.add("app.settingsFile"); // named only by a system property or the environment: documented, not listed

        assertEquals(listed, new TreeSet<>(table.keys()));
    }

    @Test
    void theShippedValuesPassTheirChecks() {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation("file:application.properties");

        assertDoesNotThrow(() -> table.check(new Settings(context.getPropertiesComponent())));
    }

    @Test
    void aBadValueIsRefusedEvenForADestinationNotChosen() {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation("file:application.properties");
        context.getPropertiesComponent().addOverrideProperty("kafka.compression", "brotli");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.check(new Settings(context.getPropertiesComponent())));
        assertEquals("Property kafka.compression must be none, gzip, snappy, lz4 or zstd, was 'brotli'",
                e.getMessage());
    }

    @Test
    void everyPlaceholderOfTheRoutesNamesASettingOfItsType() throws IOException {
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.toList()) {
                String text = Files.readString(route, StandardCharsets.UTF_8);
                assertDoesNotThrow(() -> table.checkPlaceholders(route.toString(), text), route.toString());
            }
        }
    }

    @Test
    void aPlaceholderThatIsNotASettingOrNotOfItsFunctionsTypeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.checkPlaceholders("routes/publish.yaml", "delay: \"{{millis:publish.pollDelays}}\""));
        assertEquals("routes/publish.yaml uses {{millis:publish.pollDelays}}, but publish.pollDelays is not a setting "
                + "of this application (docs/configuration.md lists every key)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> table.checkPlaceholders("routes/publish.yaml", "uri: file:{{path:publish.pollDelay}}"));
        assertEquals("routes/publish.yaml uses {{path:publish.pollDelay}}, but publish.pollDelay is not a path "
                + "setting", e.getMessage());
        assertDoesNotThrow(() -> table.checkPlaceholders("r.yaml", "{{env:HOME}} {{camel.main.name}} "
                + "{{generator.enabled}}"));
    }
}
