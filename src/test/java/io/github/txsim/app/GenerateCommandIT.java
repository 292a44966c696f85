package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.txsim.simulator.DailyFileGenerator;
import io.github.txsim.simulator.DailyTransactionGenerator;
import io.github.txsim.simulator.Partition;
import io.github.txsim.simulator.Population;
import io.github.txsim.simulator.SimulatorSettings;
import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar transaction-stream-simulator.jar generate ...}, run from the jar that {@code mvn package} builds. */
class GenerateCommandIT {

    private static final Path JAR = Path.of("target", "transaction-stream-simulator.jar");
    private static final LocalDate START = LocalDate.of(2018, 4, 1);

    @TempDir
    Path data;

    private ApplicationProcess generate(String name, String... arguments) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: it is built by 'mvn package' (or 'mvn verify')");
        Path working = Files.createDirectories(data.resolve("working-" + name));
        return new ApplicationProcess(data.resolve(name + ".log")).fromJar(JAR).in(working).jvmOption("-Xmx128m")
                .arguments("generate").arguments(arguments);
    }

    private static int exit(ApplicationProcess process) throws Exception {
        return process.start().awaitExit(Duration.ofSeconds(60));
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndExitsZero() throws Exception {
        ApplicationProcess help = generate("help", "--help");
        assertEquals(0, exit(help), help.output());
        String text = help.output().replaceAll("\\s+", " ");
        CommandLine.Model.CommandSpec spec = new CommandLine(new GenerateCommand(Clock.systemUTC())).getCommandSpec();
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                String shown = option.negatable() ? "--[no-]" + option.longestName().substring(2)
                        : option.longestName() + "=";
                assertTrue(text.contains(shown), shown + " in:\n" + text);
            }
        }
        for (String shown : List.of("(default: 50000)", "(default: 100000)", "(default: data/source)",
                "(default: today)", "(default: 1)", "(default: 42)", "(default: 0/1)", "(default: 2018-04-01)",
                "(default: true)", "(default: data/reports)")) {
            assertTrue(text.contains(shown), shown + " in:\n" + text);
        }
    }

    @Test
    void theJarsHelpDescribesTheApplicationNotCamelsRunner() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: it is built by 'mvn package' (or 'mvn verify')");
        ApplicationProcess help = new ApplicationProcess(data.resolve("jar-help.log")).fromJar(JAR)
                .in(Files.createDirectories(data.resolve("jar-help"))).arguments("--help");
        assertEquals(0, exit(help), help.output());
        String text = help.output();
        for (String expected : List.of("Usage: java [-Dkey=value ...] -jar transaction-stream-simulator.jar",
                "generate ", "docs/configuration.md", "kinesis.local.enabled")) {
            assertTrue(text.contains(expected), expected + " in:\n" + text);
        }
        assertTrue(!text.contains("Apache Camel Runner") && !text.contains(" INFO "), "Camel's own help:\n" + text);
        Properties settings = ContainerDeploymentTest.applicationProperties();
        Matcher key = Pattern.compile("\\b([a-z]+\\.[a-zA-Z.]+)=").matcher(text);
        while (key.find()) {
            assertTrue(settings.containsKey(key.group(1)), "the help names " + key.group(1) + ", a key of no setting");
        }
    }

    @Test
    void aBadOptionGetsOneLineAndExitStatusTwo() throws Exception {
        List<String[]> badOnes = List.of(new String[] {"--customerz", "5"}, new String[] {"--customers", "0"},
                new String[] {"--customers", "many"}, new String[] {"--partition", "4/4"});
        for (int i = 0; i < badOnes.size(); i++) {
            String[] bad = badOnes.get(i);
            ApplicationProcess process = generate("bad-" + i, bad);
            assertEquals(2, exit(process), process.output());
            List<String> lines = process.output().lines().toList();
            assertEquals(1, lines.size(), "one line:\n" + process.output());
            assertTrue(lines.get(0).startsWith("generate: ") && lines.get(0).endsWith("(see 'generate --help')"),
                    lines.get(0));
        }
    }

    @Test
    void theJarWritesTheSameFilesAsTheSimulatorForEachPartition() throws Exception {
        Path out = data.resolve("out");
        for (String partition : List.of("0/2", "1/2")) {
            ApplicationProcess process = generate("part" + partition.charAt(0), "--customers", "3000", "--terminals",
                    "6000", "--seed", "7", "--from", "2026-11-27", "--days", "2", "--partition", partition,
                    "--threads", "2", "--out", out.toString());
            assertEquals(0, exit(process), process.output());
            assertTrue(process.output().lines().anyMatch(line -> line.matches(
                    "Generated 2 file\\(s\\): \\d+ rows in [\\d.]+ s \\(\\d+ rows/s\\), slowest file [\\d.]+ s, "
                            + "peak RSS \\d+ MiB, process CPU [\\d.]+ s")), process.output());
        }
        assertEquals(List.of("transactions-2026-11-27-part0of2.csv", "transactions-2026-11-27-part1of2.csv",
                "transactions-2026-11-28-part0of2.csv", "transactions-2026-11-28-part1of2.csv"), Folders.fileNames(out));

        SimulatorSettings settings = new SimulatorSettings(3_000, 6_000, 5, 7, START);
        Path expected = Files.createDirectories(data.resolve("expected"));
        for (int i = 0; i < 2; i++) {
            new DailyFileGenerator(new DailyTransactionGenerator(settings, Population.generate(settings),
                    new Partition(i, 2), 1), expected, List.of(), Clock.systemUTC(), 0).generate(LocalDate.of(2026, 11, 28));
        }
        for (String name : Folders.fileNames(expected)) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(out.resolve(name)), name);
        }
    }
}
