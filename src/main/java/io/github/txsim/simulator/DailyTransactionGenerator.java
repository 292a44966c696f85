package io.github.txsim.simulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Generates one day of transactions following the handbook's simulator ({@link DayDraws}), with the fraud labels of
 * {@link FraudLabeler} and the compromised terminals and customers of {@link CompromiseSchedule}.
 * <p>
 * The day is drawn in time order, a few windows of time per task, on {@code threads} threads, and handed over task by
 * task in time order: a day of any size streams through bounded memory. Every window and every transaction draws from
 * its own random streams derived from the seed, so a day's rows depend only on the settings, the seed and the date:
 * not on the thread count, the partition, or which other days are generated.
 */
public final class DailyTransactionGenerator implements AutoCloseable {

    /** A task draws windows until it expects about this many rows, so that handing it to a thread pays off. */
    private static final double ROWS_PER_TASK = 50_000;
    /** Tasks drawn or waiting ahead of the one being written, per thread. */
    private static final int TASKS_AHEAD_PER_THREAD = 2;

    private final SimulatorSettings settings;
    private final Population population;
    private final CompromiseSchedule schedule;
    private final Partition partition;
    private final int threads;
    private final int windowsPerTask;
    private final ExecutorService executor;

    public DailyTransactionGenerator(SimulatorSettings settings, Population population) {
        this(settings, population, Partition.WHOLE, 1);
    }

    /**
     * @param partition which customers to generate
     * @param threads   how many threads generate a day, 0 for one per processor (the result is the same for any
     *                  number)
     */
    public DailyTransactionGenerator(SimulatorSettings settings, Population population, Partition partition,
            int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("the generator needs 0 (one per processor) or more threads, was "
                    + threads);
        }
        threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.settings = settings;
        this.population = population;
        this.schedule = new CompromiseSchedule(settings);
        this.partition = partition;
        this.threads = threads;
        double drawsPerWindow = DayDraws.expectedDraws(population) / DayDraws.WINDOWS;
        this.windowsPerTask = (int) Math.max(1, Math.min(DayDraws.WINDOWS, Math.ceil(ROWS_PER_TASK / drawsPerWindow)));
        this.executor = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemonThreads());
    }

    public Partition partition() {
        return partition;
    }

    /** The day's rows, all in memory: for days of modest size (tests, tools); files stream them instead. */
    public DayOfTransactions generate(LocalDate date) {
        List<Transaction> rows = new ArrayList<>();
        generate(date, chunk -> chunk, rows::addAll);
        return new DayOfTransactions(date, dayIndex(date), rows);
    }

    /**
     * Streams the day: each chunk of rows (consecutive, in id order) is passed to {@code inWorker} on a generating
     * thread (to format it, say), and its result to {@code inOrder} on the calling thread, chunk after chunk in time
     * order.
     */
    public <T> void generate(LocalDate date, Function<List<Transaction>, T> inWorker, Consumer<T> inOrder) {
        long day = dayIndex(date);
        DayDraws draws = new DayDraws(settings.seed(), population, partition, day, schedule.terminalsCompromisedOn(day),
                schedule.customersCompromisedOn(day), CompromisedCards.on(day, settings.seed(), population, schedule,
                        partition, DayDraws.TIME_OF_DAY));
        int tasks = (DayDraws.WINDOWS + windowsPerTask - 1) / windowsPerTask;
        InOrder.run(executor, tasks, threads * TASKS_AHEAD_PER_THREAD, task -> {
            List<Transaction> rows = new ArrayList<>();
            int end = Math.min(DayDraws.WINDOWS, (task + 1) * windowsPerTask);
            for (int window = task * windowsPerTask; window < end; window++) {
                rows.addAll(draws.window(window));
            }
            return inWorker.apply(rows);
        }, inOrder);
    }

    private long dayIndex(LocalDate date) {
        long dayIndex = ChronoUnit.DAYS.between(settings.startDate(), date);
        if (dayIndex < 0) {
            throw new IllegalArgumentException(
                    "date " + date + " is before the simulation start date " + settings.startDate());
        }
        if ((dayIndex + 1) * Transaction.SECONDS_PER_DAY - 1 > TransactionIds.MAX_TIME_SECONDS) {
            throw new IllegalArgumentException("date " + date + " is past the last date transaction ids can number, "
                    + settings.lastDate());
        }
        return dayIndex;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "simulator-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
