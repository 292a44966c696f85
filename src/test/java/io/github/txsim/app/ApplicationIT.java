package io.github.txsim.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.TestApplication;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the integration tests that run the application's real routes and settings in the test's JVM: a
 * kinesalite per test class, and per test a stream of its own and data folders below a temporary folder, with the
 * test's settings on top of {@link TestApplication#against}.
 */
@CamelMainTest(configurationClasses = TransactionStreamConfiguration.class,
        propertyPlaceholderLocations = "file:application.properties")
abstract class ApplicationIT {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    final String stream = getClass().getSimpleName().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID();

    /** The shards of the test's stream. */
    int shards() {
        return 1;
    }

    /** The test's own settings and beans. */
    TestApplication settings(TestApplication application) throws Exception {
        return application;
    }

    @Configure
    void configure(MainConfigurationProperties main) throws Exception {
        KINESIS.createStream(stream, shards());
        settings(TestApplication.against(KINESIS, stream, data)).applyTo(main);
    }

    Path source() {
        return data.resolve("source");
    }

    Path archive() {
        return data.resolve("archive");
    }

    Path failed() {
        return data.resolve("failed");
    }

    /** The data of every record in the test's stream, shard by shard, oldest first. */
    List<String> received() {
        return KINESIS.dataOf(stream);
    }
}
