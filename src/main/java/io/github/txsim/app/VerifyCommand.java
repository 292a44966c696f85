package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.github.txsim.publish.DestinationType;
import io.github.txsim.labels.LabelSettings;
import io.github.txsim.labels.PendingLabels;
import io.github.txsim.publish.Destinations;
import io.github.txsim.settings.Settings;
import io.github.txsim.verification.FileResult;
import io.github.txsim.verification.LabelCheck;
import io.github.txsim.publish.RecordSource;
import io.github.txsim.verification.Verifier;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar transaction-stream-simulator.jar verify [--since TIME] FILE...}: reads the destination that
 * {@code publish.sink} chooses back and reconciles it with the files ({@link Verifier}); exit status 1 when a row of a
 * file is missing. It reaches the destination as the application does (a Kinesis stream through camel-aws2-kinesis's
 * options, {@code camel.component.aws2-kinesis.*}, and the same safety checks; a Kafka topic through
 * {@code kafka.*}); a local server keeps its records only while the application runs, so there the application
 * verifies its own run ({@code app.verify}).
 */
@Command(name = "verify", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        versionProvider = CommandLines.Version.class,
        description = {"Reads the destination of publish.sink back (a Kinesis stream, a Kafka topic) and reconciles "
                + "it with the files: for each file the records found, missing (with their line numbers) and "
                + "duplicated, and the records of the destination that belong to none of the files. Exit status 1 "
                + "when a row is missing.", ""},
        footer = {"", "It needs kinesis:ListShards, kinesis:GetShardIterator and kinesis:GetRecords on the stream "
                + "(deploy/iam-policy-verify.json)."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files with a TRANSACTION_ID column")
    List<Path> files;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Read the records that arrived from this time on, such as 2026-11-28T00:00:00Z "
                    + "(default: the oldest record)")
    Instant since;

    @Option(names = {"--name", "--stream", "--topic"}, paramLabel = "NAME",
            descriptionKey = CommandSettings.DESTINATION_NAME,
            description = "The stream or topic to read (default: ${DEFAULT-VALUE}, the destination's setting: "
                    + "kinesis.streamName, kafka.topic)")
    String name;

    @Option(names = "--labels", negatable = true, paramLabel = "",
            description = "Also reconcile the label stream (kinesis.labels.streamName, kafka.labels.topic, "
                    + "files.labels.folder) with the files: each fraud row's label once, sent or waiting in "
                    + "folders.checkpoints/labels; none for a genuine row; a settlement marker a day (default: when "
                    + "labels.mode is delayed or both)")
    Boolean labels;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static int run(String[] args) {
        return CommandLines.execute(new VerifyCommand(), args);
    }

    /** The label stream reconciled with the files; answers whether a label was missing or wrong. */
    private boolean verifyLabels(DestinationType type, Settings properties, CamelContext context) throws Exception {
        Settings labelStream = properties.with(type.nameKey(), properties.text(type.labelsNameKey()));
        Path waitingFolder = DataFolders.from(properties).checkpoints().resolve("labels");
        Set<String> waiting = Set.of();
        if (Files.isDirectory(waitingFolder)) {
            try (PendingLabels store = PendingLabels.open(waitingFolder)) {
                waiting = store.waitingIds();
            }
        }
        LabelCheck.Result result = LabelCheck.verify(files, type.configure(labelStream).reader(context), since,
                waiting);
        spec.commandLine().getOut().println(result.summary());
        return result.failed();
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
            Settings properties = new Settings(context.getPropertiesComponent());
            DestinationType type = Destinations.available().chosen(properties);
            if (name != null) {
                properties = properties.with(type.nameKey(), name);
            }
            RecordSource source = type.configure(properties).reader(context);
            Verifier.Report report = Verifier.verify(files, source, since);
            for (FileResult file : report.files()) {
                spec.commandLine().getOut().println(file.summary(report.destination()));
            }
            spec.commandLine().getOut().println(report.othersLine());
            boolean labelsWrong = (labels != null ? labels : LabelSettings.mode(properties).stream())
                    && verifyLabels(type, properties, context);
            return report.anyMissing() || labelsWrong ? 1 : 0;
        }
    }
}
