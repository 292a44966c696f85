package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import io.github.txsim.kafka.TopicReader;
import io.github.txsim.kinesis.ConnectionSafety;
import io.github.txsim.kinesis.KinesisStream;
import io.github.txsim.kinesis.StreamReader;
import io.github.txsim.verification.FileResult;
import io.github.txsim.verification.RecordSource;
import io.github.txsim.verification.Verifier;
import org.apache.camel.CamelContext;
import org.apache.camel.component.aws2.kinesis.Kinesis2Component;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.PropertyBindingSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar transaction-stream-simulator.jar verify [--since TIME] FILE...}: reads the stream back and
 * reconciles it with the files ({@link Verifier}); exit status 1 when a row of a file is missing. It reaches the
 * stream as the application does, through camel-aws2-kinesis's options ({@code camel.component.aws2-kinesis.*} in
 * application.properties or as -D system properties) and the same safety checks; the local emulator keeps its
 * records only while the application runs, so there the application verifies its own run ({@code app.verify}).
 */
@Command(name = "verify", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        versionProvider = CommandLines.Version.class,
        description = {"Reads the Kinesis stream (with publish.sink=kafka, the Kafka topic of kafka.*) back and "
                + "reconciles it with the files: for each file the records found, missing (with their line numbers) and duplicated, and the records of the stream that belong "
                + "to none of the files. Exit status 1 when a row is missing.", ""},
        footer = {"", "It needs kinesis:ListShards, kinesis:GetShardIterator and kinesis:GetRecords on the stream "
                + "(deploy/iam-policy-verify.json)."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files with a TRANSACTION_ID column")
    List<Path> files;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Read the records that arrived from this time on, such as 2026-11-28T00:00:00Z "
                    + "(default: the stream's oldest record)")
    Instant since;

    @Option(names = "--stream", paramLabel = "NAME", descriptionKey = "kinesis.streamName",
            description = "The stream (default: ${DEFAULT-VALUE})")
    String stream;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static int run(String[] args) {
        return CommandLines.execute(new VerifyCommand(), args);
    }

    @Override
    public Integer call() throws Exception {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
            }
        }
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation(CommandSettings.propertyLocations());
            AppProperties properties = new AppProperties(context.getPropertiesComponent());
            RecordSource source;
            if (properties.text("publish.sink").equalsIgnoreCase("kafka")) {
                // the topic as the application reaches it (kafka.*); a local broker lives only while the application runs
                source = new TopicReader(KafkaSettings.options(properties, null));
            } else {
                configureKinesisComponent(context);
                context.start();
                KinesisStream kinesis = new KinesisStream(context, stream, false, 0);
                kinesis.start();
                source = new StreamReader(kinesis.client(), stream);
            }
            Verifier.Report report = Verifier.verify(files, source, since);
            for (FileResult file : report.files()) {
                spec.commandLine().getOut().println(file.summary());
            }
            spec.commandLine().getOut().println(report.othersLine());
            return report.anyMissing() ? 1 : 0;
        }
    }

    /**
     * Binds the camel-aws2-kinesis options, as Camel Main does for the application, from the properties files and
     * the system properties, after the checks the application makes ({@link ConnectionSafety}).
     */
    private static void configureKinesisComponent(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        Map<String, Object> options = new HashMap<>();
        Set<String> keys = new HashSet<>();
        properties.loadProperties(key -> key.startsWith(ConnectionSafety.PREFIX)).stringPropertyNames()
                .forEach(keys::add);
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(ConnectionSafety.PREFIX))
                .forEach(keys::add);
        for (String key : keys) {
            properties.resolveProperty(key).map(String::strip).filter(value -> !value.isEmpty())
                    .ifPresent(value -> options.put(key.substring(ConnectionSafety.PREFIX.length()), value));
        }
        ConnectionSafety.check(option -> Optional.ofNullable((String) options.get(option)));
        Kinesis2Component component = context.getComponent("aws2-kinesis", Kinesis2Component.class);
        // through the component's generated configurer, as Camel Main binds them: reflection over the configuration
        // would load the Kinesis Client Library's types, which the jar leaves out
        PropertyBindingSupport.build().withConfigurer(component.getComponentPropertyConfigurer()).withReflection(false)
                .withIgnoreCase(true).withMandatory(true).bind(context, component, options);
    }
}
