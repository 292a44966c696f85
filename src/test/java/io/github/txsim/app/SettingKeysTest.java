package io.github.txsim.app;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingKeysTest {

    private final SettingKeys keys = new SettingKeys(AllSettings.table());

    @Test
    void everyKeyOfApplicationPropertiesIsKnownCommentedOutOrNot() throws Exception {
        assertDoesNotThrow(() -> keys.check(ConfigurationReferenceTest.applicationProperties().keySet(), "the file"));
        assertDoesNotThrow(() -> keys.check(List.of("app.settingsFile", "camel.main.anything", "java.home",
                "benchmark.cases"), "a system property"));
    }

    @Test
    void aMisspeltKeyIsRefusedWithTheNearestKnownOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> keys.check(List.of("publish.recordTimout"), "a system property"));
        assertEquals("publish.recordTimout (a system property) is not a setting of this version of the application: did "
                + "you mean publish.recordTimeout? docs/configuration.md lists every key", e.getMessage());
    }

    @Test
    void aKeyOfAnotherVersionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> keys.check(List.of("labels.feedback"), "a system property"));
        assertEquals("labels.feedback (a system property) is not a setting of this version of the application. "
                + "docs/configuration.md lists every key", e.getMessage());
    }

    @Test
    void aRetiredKeyIsRefusedWithWhatReplacedIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> keys.checkEnvironment(Set.of("PUBLISH_REDELIVERY_MAXIMUM_REDELIVERIES")));
        assertEquals("publish.redelivery.maximumRedeliveries is no longer read: one retry policy replaced "
                + "publish.recordRetry.* and publish.redelivery.*. Set publish.recordTimeout (how long a record is "
                + "retried) and publish.retry.* (the back-off) instead; docs/configuration.md", e.getMessage());
    }

    @Test
    void aKeyThatMovedUnderItsDestinationIsRefusedWithItsNewName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> keys.check(List.of("publish.rateLimit.share"), "a system property"));
        assertEquals("publish.rateLimit.share (a system property) was renamed kinesis.rateLimit.share: set that "
                + "instead (what one destination reads lives under its prefix, what all share under publish.); "
                + "docs/configuration.md", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> keys.check(List.of("kinesis.partitionKeyColumn"),
                "/etc/txsim.properties"));
        assertEquals("kinesis.partitionKeyColumn (/etc/txsim.properties) was renamed publish.partitionKeyColumn: set "
                + "that instead (what one destination reads lives under its prefix, what all share under publish.); "
                + "docs/configuration.md", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> keys.checkEnvironment(Set.of("PUBLISH_AGGREGATION")));
        assertEquals("The environment variable PUBLISH_AGGREGATION (publish.aggregation) was renamed: set "
                + "KINESIS_AGGREGATION (kinesis.aggregation) instead; docs/configuration.md", e.getMessage());
    }

    @Test
    void environmentVariablesAreCheckedUnderTheApplicationsOwnPrefixes() {
        assertDoesNotThrow(() -> keys.checkEnvironment(Set.of("PUBLISH_RECORD_TIMEOUT", "PUBLISH_RECORDTIMEOUT",
                "SIMULATOR_PARTITION", "KAFKA_HEAP_OPTS", "KINESIS_SERVICE_HOST", "APP_HOME", "PATH")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> keys.checkEnvironment(Set.of("PUBLISH_RECORD_TIMOUT")));
        assertEquals("The environment variable PUBLISH_RECORD_TIMOUT is not a setting of this version of the "
                + "application: did you mean PUBLISH_RECORD_TIMEOUT (publish.recordTimeout)? docs/configuration.md lists every key",
                e.getMessage());
    }
}
