package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.txsim.testing.Folders;
import io.github.txsim.testing.LoopbackPorts;
import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Kinesalite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user sees when the application cannot start: one line saying why, and a non-zero exit status. Each case
 * runs the application as its own process, against the test's emulator or with no AWS settings at all (the
 * instance-metadata lookups of the AWS SDK turned off, so nothing leaves the machine).
 */
class StartupChecksIT {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    private ApplicationProcess againstAws(String name) {
        return new ApplicationProcess(data.resolve(name + ".log"))
                .set("kinesis.local.enabled", "false")
                .set("camel.component.aws2-kinesis.overrideEndpoint", "true")
                .set("camel.component.aws2-kinesis.uriEndpointOverride", KINESIS.endpoint())
                .set("camel.component.aws2-kinesis.cborEnabled", "false")
                .dataFolders(data)
                .environment("HOME", data.toString())
                .environment("AWS_EC2_METADATA_DISABLED", "true")
                .environment("AWS_ACCESS_KEY_ID", "")
                .environment("AWS_SECRET_ACCESS_KEY", "")
                .environment("AWS_SESSION_TOKEN", "")
                .environment("AWS_PROFILE", "")
                .environment("AWS_REGION", "")
                .environment("AWS_DEFAULT_REGION", "")
                .environment("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "")
                .environment("AWS_CONTAINER_CREDENTIALS_FULL_URI", "");
    }

    /** The lines the application logged at ERROR. */
    private static List<String> errors(ApplicationProcess application) {
        return application.output().lines().filter(line -> line.contains(" ERROR ")).toList();
    }

    private static void assertFailsWith(ApplicationProcess application, String message) throws Exception {
        assertEquals(1, application.start().awaitExit(Duration.ofSeconds(60)), application.output());
        List<String> errors = errors(application);
        assertEquals(1, errors.size(), "one error line:\n" + application.output());
        assertEquals("Cannot start: " + message, errors.get(0).substring(errors.get(0).indexOf(" - ") + 3));
        assertFalse(application.output().contains("SIGTERM"), "the refusal alone, no word of a signal:\n"
                + application.output());
    }

    @Test
    void aMissingStream() throws Exception {
        assertFailsWith(againstAws("missing-stream")
                        .set("kinesis.streamName", "no-such-stream")
                        .set("camel.component.aws2-kinesis.region", "eu-west-1")
                        .environment("AWS_ACCESS_KEY_ID", "local")
                        .environment("AWS_SECRET_ACCESS_KEY", "local"),
                "Kinesis stream 'no-such-stream' does not exist in region eu-west-1: create it, or set "
                        + "kinesis.streamName");
    }

    @Test
    void noCredentials() throws Exception {
        assertFailsWith(againstAws("no-credentials").set("camel.component.aws2-kinesis.region", "eu-west-1"),
                "No AWS credentials: the default provider chain (environment, ~/.aws, EC2 instance profile) found "
                        + "none; on EC2, attach an instance profile");
    }

    @Test
    void noRegion() throws Exception {
        assertFailsWith(againstAws("no-region")
                        .environment("AWS_ACCESS_KEY_ID", "local")
                        .environment("AWS_SECRET_ACCESS_KEY", "local"),
                "No AWS region: set camel.component.aws2-kinesis.region in application.properties, or AWS_REGION");
    }

    @Test
    void staticKeysAgainstAwsWithoutShowingThem() throws Exception {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        ApplicationProcess application = againstAws("static-keys")
                .set("camel.component.aws2-kinesis.overrideEndpoint", "false")
                .set("camel.component.aws2-kinesis.region", "eu-west-1")
                .set("camel.component.aws2-kinesis.accessKey", "AKIAIOSFODNN7EXAMPLE")
                .set("camel.component.aws2-kinesis.secretKey", secret);
        assertFailsWith(application, "camel.component.aws2-kinesis.accessKey is set: against AWS the credentials "
                + "come only from the default provider chain (on EC2, the instance profile); remove it from the "
                + "configuration");
        assertFalse(application.output().contains(secret), "the secret key is never logged");
    }

    @Test
    void aDataFolderThatCannotBeWritten() throws Exception {
        Path notAFolder = Files.writeString(data.resolve("plain-file"), "");
        assertFailsWith(againstAws("folder").set("folders.archive", notAFolder.resolve("archive").toString()),
                "Cannot create the data folder " + notAFolder.resolve("archive")
                        + ": java.nio.file.FileSystemException: " + notAFolder.resolve("archive") + ": Not a directory");
    }

    @Test
    void aGroupLargerThanKinesisAllows() throws Exception {
        assertFailsWith(againstAws("group").set("publish.groupSize", "600"),
                "Property publish.groupSize must be a whole number from 1 to 500, was '600'");
    }

    @Test
    void aSettingOfTheRetryLayersThatOnePolicyReplacedIsRefusedWithWhatToSetInstead() throws Exception {
        assertFailsWith(againstAws("replaced").set("publish.redelivery.maximumRedeliveries", "10"),
                "publish.redelivery.maximumRedeliveries is no longer read: one retry policy replaced "
                        + "publish.recordRetry.* and publish.redelivery.*. Set publish.recordTimeout (how long a record "
                        + "is retried) and publish.retry.* (the back-off) instead; docs/configuration.md");
    }

    @Test
    void aDurationThatIsNotOneIsNamedWithItsKey() throws Exception {
        assertFailsWith(againstAws("duration").set("generator.delay", "soon"),
                "Property generator.delay must be a duration with its unit, such as 500ms, 10s, 2m or 1h30m, was "
                        + "'soon'");
    }

    @Test
    void aDurationThatCamelWouldReadAsZeroIsRefusedFromTheEnvironmentToo() throws Exception {
        assertFailsWith(againstAws("abc").environment("PUBLISH_RECORD_TIMEOUT", "abc"),
                "Property publish.recordTimeout must be a duration with its unit, such as 500ms, 10s, 2m or 1h30m, "
                        + "was 'abc'");
        assertFailsWith(againstAws("negative").set("publish.outage.maxWait", "-5m"),
                "Property publish.outage.maxWait must be auto, none or a duration with its unit, such as 500ms, 10s, "
                        + "2m or 1h30m, above 0, was '-5m'");
        assertFailsWith(againstAws("no-minutes").set("generator.period", "1h30"),
                "Property generator.period must be a duration with its unit, such as 500ms, 10s, 2m or 1h30m, above "
                        + "0, was '1h30'");
    }

    @Test
    void aKeyUnderTheApplicationsPrefixesThatIsNoSettingIsRefusedWithTheNearestOne() throws Exception {
        assertFailsWith(againstAws("labels").set("labels.feedback", "weekly"), "labels.feedback (a system property) is "
                + "not a setting of this version of the application. docs/configuration.md lists every key");
        Path settings = Files.writeString(data.resolve("mine.properties"), "publish.recordTimout=5m\n");
        assertFailsWith(againstAws("misspelt").set("app.settingsFile", settings.toString()), "publish.recordTimout "
                + "(in " + settings + ") is not a setting of this version of the application: did you mean "
                + "publish.recordTimeout? docs/configuration.md lists every key");
    }

    @Test
    void aRoutePlaceholderThatNamesNoSettingIsRefusedBeforeAnythingRuns() throws Exception {
        Path working = Files.createDirectories(data.resolve("edited"));
        Path routes = Files.createDirectories(working.resolve("routes"));
        for (String route : Folders.fileNames(Path.of("routes"))) {
            String text = Files.readString(Path.of("routes", route));
            Files.writeString(routes.resolve(route), text.replace("{{millis:publish.pollDelay}}",
                    "{{millis:publish.pollDelays}}"));
        }
        assertFailsWith(againstAws("edited-route").in(working), "file:routes/publish.yaml uses "
                + "{{millis:publish.pollDelays}}, but publish.pollDelays is not a setting of this application "
                + "(docs/configuration.md lists every key)");
    }

    @Test
    void aRefusedConnectionNamesTheEndpoint() throws Exception {
        int closedPort = LoopbackPorts.free();
        String endpoint = "http://127.0.0.1:" + closedPort;
        assertFailsWith(againstAws("refused").setAll(KINESIS.componentProperties())
                        .set("camel.component.aws2-kinesis.uriEndpointOverride", endpoint),
                "Cannot reach Kinesis at " + endpoint + ": Connection refused");
    }

    @Test
    void aManagementPortInTheEnvironmentThatCamelIgnoresIsNamedAndTheLineSaysThePortInUse() throws Exception {
        int port = LoopbackPorts.free();
        Path working = Files.createDirectories(data.resolve("working"));
        Files.writeString(working.resolve("application.properties"), "camel.management.port=" + port + "\n");
        KINESIS.createStream("management-port", 1);
        ApplicationProcess application = againstAws("management-port").in(working)
                .set("kinesis.streamName", "management-port")
                .set("camel.component.aws2-kinesis.region", "eu-west-1")
                .set("camel.management.enabled", "true")
                .set("generator.enabled", "false")
                .environment("AWS_ACCESS_KEY_ID", "local")
                .environment("AWS_SECRET_ACCESS_KEY", "local")
                .environment("CAMEL_MANAGEMENT_PORT", "1");

        assertEquals(0, application.start().awaitExit(Duration.ofSeconds(60)), application.output());
        assertTrue(application.output().contains("CAMEL_MANAGEMENT_PORT=1 is ignored: Camel skips environment "
                + "variables whose names end in _PORT"), application.output());
        assertTrue(application.output().contains("Health and metrics at http://127.0.0.1:" + port + "/observe/health"),
                application.output());
    }
}
