package io.github.txsim.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.txsim.kinesis.KinesisSink;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsTest {

    private final CamelContext context = new DefaultCamelContext();
    private final Settings properties = new Settings(context.getPropertiesComponent());
    private static final SettingTable TABLE = new SettingTable(Set.of("folders", "publish", "generator"), List.of(
            Setting.path("folders.source"), Setting.duration("publish.readLock.minAge"),
            Setting.positiveDuration("generator.period")));

    @Test
    void aGroupLargerThanKinesisAllowsIsRefusedWithTheKeyAndTheLimit() {
        context.getPropertiesComponent().addOverrideProperty("publish.groupSize", "600");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> properties.get(Setting.integer("publish.groupSize", 1, KinesisSink.MAX_RECORDS_PER_REQUEST)));

        assertEquals("Property publish.groupSize must be a whole number from 1 to 500, was '600'", e.getMessage());
    }

    @Test
    void aDurationIsWrittenAsAUserWouldWriteItAndReadsBackTheSame() {
        Map<String, Duration> written = Map.of("5d", Duration.ofDays(5), "1d12h", Duration.ofHours(36), "250ms",
                Duration.ofMillis(250), "1h30m", Duration.ofMinutes(90), "0", Duration.ZERO);
        written.forEach((text, duration) -> {
            assertEquals(text, Durations.format(duration));
            assertEquals(duration, Durations.parse(Durations.format(duration)));
        });
    }

    @Test
    void aMissingKeyIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> properties.text("kinesis.streamName"));
        assertEquals("Property kinesis.streamName is not set: add it to application.properties", e.getMessage());
    }

    @Test
    void relativeFoldersResolveAgainstTheWorkingDirectory() {
        context.getPropertiesComponent().addOverrideProperty("folders.source", "data/source");

        assertEquals(Path.of("").toAbsolutePath().resolve("data/source"), properties.get(Setting.path("folders.source")));
        assertEquals(Path.of("").toAbsolutePath().resolve("data/source").toString(),
                PropertyFunction.path(TABLE, properties).apply("folders.source"));
    }

    @Test
    void flagsAreTrueOrFalseOnly() {
        context.getPropertiesComponent().addOverrideProperty("app.runOnce", "yes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> properties.get(Setting.flag("app.runOnce")));
        assertEquals("Property app.runOnce must be true or false, was 'yes'", e.getMessage());
    }

    @Test
    void theRoutesDurationsAreMillisecondsAndABadOneNamesItsKey() {
        context.getPropertiesComponent().addOverrideProperty("publish.readLock.minAge", "10s");
        context.getPropertiesComponent().addOverrideProperty("generator.period", "soon");

        assertEquals("10000", PropertyFunction.millis(TABLE, properties).apply("publish.readLock.minAge"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PropertyFunction.millis(TABLE, properties).apply("generator.period"));
        assertEquals("Property generator.period must be a duration with its unit, such as 500ms, 10s, 2m or 1h30m, above "
                + "0, was 'soon'",
                e.getMessage());
    }

    @Test
    void aDurationWithoutItsUnitIsRefusedWithItsKeyButZeroNeedsNone() {
        context.getPropertiesComponent().addOverrideProperty("publish.pollDelay", "1000");
        context.getPropertiesComponent().addOverrideProperty("generator.delay", "0");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> properties.get(Setting.duration("publish.pollDelay")));
        assertEquals("Property publish.pollDelay must be a duration with its unit, such as 500ms, 10s, 2m or 1h30m, was "
                + "'1000'", e.getMessage());
        assertEquals(Duration.ZERO, properties.get(Setting.duration("generator.delay")));
    }

    @Test
    void durationsThatCamelWouldReadAsZeroOrAsSomethingElseAreRefused() {
        for (String value : List.of("abc", "ten", "forever", "-5m", "-1s", "1h30", "1.5s", "5 m", "m", "30mss", "1s1m")) {
            context.getPropertiesComponent().addOverrideProperty("publish.recordTimeout", value);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> properties.get(Setting.duration("publish.recordTimeout")), value);
            assertEquals("Property publish.recordTimeout must be a duration with its unit, such as 500ms, 10s, 2m or "
                    + "1h30m, was '" + value + "'", e.getMessage());
        }
    }

    @Test
    void durationsTakeEveryUnitLargestFirst() {
        Map<String, Duration> durations = Map.of("250ms", Duration.ofMillis(250), "10s", Duration.ofSeconds(10),
                "2m", Duration.ofMinutes(2), "1h30m", Duration.ofMinutes(90), "1d12h", Duration.ofHours(36),
                "1m30s500ms", Duration.ofMillis(90_500), "0", Duration.ZERO, "0s", Duration.ZERO, "10S",
                Duration.ofSeconds(10));
        durations.forEach((value, expected) -> {
            context.getPropertiesComponent().addOverrideProperty("publish.recordTimeout", value);
            assertEquals(expected, properties.get(Setting.duration("publish.recordTimeout")), value);
        });
    }

    @Test
    void aDurationWhereZeroMakesNoSenseMustBeAboveZero() {
        context.getPropertiesComponent().addOverrideProperty("publish.pollDelay", "0s");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> properties.get(Setting.positiveDuration("publish.pollDelay")));
        assertEquals("Property publish.pollDelay must be a duration with its unit, such as 500ms, 10s, 2m or 1h30m, "
                + "above 0, was '0s'", e.getMessage());
    }
}
