package io.github.txsim.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What this process has used so far: CPU time and peak resident memory, for summary lines. */
public final class ProcessResources {

    private ProcessResources() {
    }

    /** CPU time of the whole process (all threads), in seconds; 0 where the JVM does not tell. */
    public static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime()) / 1e9;
        }
        return 0;
    }

    /** Peak resident set size (VmHWM), in MiB; 0 where /proc does not tell. */
    public static long peakRssMib() {
        try (Stream<String> status = Files.lines(Path.of("/proc/self/status"))) {
            return status.filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
