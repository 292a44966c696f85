package io.github.txsim.app;

import java.nio.file.Path;
import java.util.Optional;

import io.github.txsim.labels.LabelSettings;
import io.github.txsim.labels.ReportDelay;

import io.github.txsim.report.DayReports;
import io.github.txsim.report.ReportPage;
import io.github.txsim.settings.Settings;
import io.github.txsim.simulator.ModelExpectations;
import io.github.txsim.simulator.Partition;
import io.github.txsim.simulator.Population;
import io.github.txsim.simulator.SimulatorSettings;

/** The data reports as the application and its commands make them: pages set against the configured model. */
final class Reports {

    private Reports() {
    }

    /** The reports of the days the generator writes, into the folder. */
    static DayReports forGeneratedDays(SimulatorSettings settings, Population population, Partition partition,
            Path folder, Optional<ReportDelay> labelDelay) {
        return new DayReports(folder, page(settings, population, partition),
                madeBy() + ", from the rows as they were generated", labelDelay);
    }

    /** When the reports follow labels that arrive later (labels.mode delayed or both): the model of their delays. */
    static Optional<ReportDelay> labelDelay(Settings settings, long seed) {
        LabelSettings labels = LabelSettings.read(settings, seed);
        return labels.mode().stream() ? Optional.of(labels.delay()) : Optional.empty();
    }

    static ReportPage page(SimulatorSettings settings, Population population, Partition partition) {
        return new ReportPage(settings, new ModelExpectations(settings, population, partition));
    }

    static String madeBy() {
        return "Made by " + new CommandLines.Version().getVersion()[0];
    }
}
