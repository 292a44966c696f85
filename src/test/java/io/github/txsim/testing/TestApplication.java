package io.github.txsim.testing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Sets up the application under test from a {@code @Configure} method of a {@code @CamelMainTest}: the real routes
 * from {@code routes/}, the real {@code application.properties} (named in the annotation), and per-test overrides:
 * temporary data folders, a small simulation, the emulator's endpoint, and any beans a test adds.
 */
public final class TestApplication {

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, Object> beans = new LinkedHashMap<>();

    private TestApplication() {
    }

    /**
     * The settings of most integration tests: a service run (no run-once exit) against the given stream on the
     * test's emulator, folders below {@code dataFolder}, 1,000 customers, fast polls and retries.
     */
    public static TestApplication against(Kinesalite kinesis, String stream, Path dataFolder) {
        TestApplication app = withSmallDay(dataFolder);
        app.properties.putAll(kinesis.componentProperties());
        return app.set("kinesis.local.enabled", "false")
                .set("kinesis.streamName", stream)
                .set("app.runOnce", "false");
    }

    /**
     * The settings of {@link #against}, with a fake stream in the test's memory instead of an emulator: for tests that
     * put many files through the route and check what the application did with each line, not Kinesis itself.
     */
    public static TestApplication againstFake(InMemoryKinesisClient stream, Path dataFolder) {
        return withSmallDay(dataFolder)
                .set("kinesis.local.enabled", "false")
                .set("kinesis.streamName", "fake")
                .set("app.runOnce", "false")
                .set("camel.component.aws2-kinesis.region", "us-east-1")
                .set("camel.component.aws2-kinesis.amazonKinesisClient", "#bean:fakeStream")
                .bind("fakeStream", stream);
    }

    /** The local mode as a user runs it (the application starts its own emulator), with a small day. */
    public static TestApplication localMode(Path dataFolder) {
        return withSmallDay(dataFolder).set("kinesis.local.enabled", "true");
    }

    private static TestApplication withSmallDay(Path dataFolder) {
        TestApplication app = new TestApplication();
        app.set("folders.source", dataFolder.resolve("source").toString())
                .set("folders.archive", dataFolder.resolve("archive").toString())
                .set("folders.failed", dataFolder.resolve("failed").toString())
                .set("folders.checkpoints", dataFolder.resolve("checkpoints").toString())
                .set("folders.reports", dataFolder.resolve("reports").toString())
                .set("camel.management.enabled", "false")
                .set("kinesis.rateLimit.enabled", "false")
                .set("publish.maxInFlight", "1")
                .set("simulator.customers", "1000")
                .set("simulator.terminals", "2000")
                .set("publish.pollDelay", "50ms")
                .set("publish.retry.initialDelay", "1ms")
                .set("publish.retry.maximumDelay", "20ms");
        return app;
    }

    public TestApplication set(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** Binds a bean into the registry before the application is configured. */
    public TestApplication bind(String name, Object bean) {
        beans.put(name, bean);
        return this;
    }

    /**
     * Applies the settings. They are added as a configuration instance, which Camel Main runs before the
     * configuration classes named in {@code @CamelMainTest}, so the application is wired with them.
     */
    public void applyTo(MainConfigurationProperties main) {
        main.withRoutesIncludePattern("file:routes/*.yaml");
        main.addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext context) {
                PropertiesComponent component = context.getPropertiesComponent();
                properties.forEach(component::addOverrideProperty);
                beans.forEach(context.getRegistry()::bind);
            }
        });
    }
}
