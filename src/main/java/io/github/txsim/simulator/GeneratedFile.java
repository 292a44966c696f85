package io.github.txsim.simulator;

import java.nio.file.Path;

/**
 * A daily file the generator wrote.
 *
 * @param path    where it lies
 * @param rows    its transactions (lines less the header)
 * @param bytes   its size
 * @param seconds how long generating and writing it took (its report not included)
 * @param report  the day's report; null when none is made
 */
public record GeneratedFile(Path path, long rows, long bytes, double seconds, Path report) {
}
