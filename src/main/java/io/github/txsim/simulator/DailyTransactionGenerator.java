package io.github.txsim.simulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Generates one day of transactions following the handbook's simulator: per customer, Poisson(mean per day)
 * transactions; time of day {@code int(Normal(43200, 20000))}, kept only within (0, 86400); amount ~ Normal(mean,
 * std), a negative draw replaced by U(0, 2 mean), rounded to cents; the terminal uniform among those within the
 * radius (no transaction when there is none); then the fraud labels of {@link FraudLabeler}, with the compromised
 * terminals and customers of {@link CompromiseSchedule}.
 * <p>
 * Each (customer, day) draws from its own random streams derived from the seed, so a day's rows depend only on the
 * settings, the seed and the date: not on the thread count, the partition, or which other days are generated.
 * Customers are generated in chunks on {@code threads} threads, and the rows sorted by id (that is, by time).
 */
public final class DailyTransactionGenerator implements AutoCloseable {

    private static final long TRANSACTION_STREAM = 3;
    private static final long COMPROMISED_CUSTOMER_STREAM = 6;
    private static final double MEAN_TIME_OF_DAY = Transaction.SECONDS_PER_DAY / 2.0;
    private static final double STD_TIME_OF_DAY = 20_000;
    private static final int CHUNKS_PER_THREAD = 4;
    /** Below this many customers a chunk costs more to hand to a thread than to generate in place. */
    private static final int MIN_CHUNK_CUSTOMERS = 10_000;

    private final SimulatorSettings settings;
    private final Population population;
    private final CompromiseSchedule schedule;
    private final Partition partition;
    private final int threads;
    private final ExecutorService executor;

    public DailyTransactionGenerator(SimulatorSettings settings, Population population) {
        this(settings, population, Partition.WHOLE, 1);
    }

    /**
     * @param partition which customers to generate
     * @param threads   how many threads generate a day (the result is the same for any number)
     */
    public DailyTransactionGenerator(SimulatorSettings settings, Population population, Partition partition,
            int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the generator needs at least one thread, was " + threads);
        }
        this.settings = settings;
        this.population = population;
        this.schedule = new CompromiseSchedule(settings);
        this.partition = partition;
        this.threads = threads;
        this.executor = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemonThreads());
    }

    public Partition partition() {
        return partition;
    }

    public DayOfTransactions generate(LocalDate date) {
        long dayIndex = ChronoUnit.DAYS.between(settings.startDate(), date);
        if (dayIndex < 0) {
            throw new IllegalArgumentException(
                    "date " + date + " is before the simulation start date " + settings.startDate());
        }
        Day day = new Day(dayIndex, schedule.terminalsCompromisedOn(dayIndex),
                schedule.customersCompromisedOn(dayIndex));
        return new DayOfTransactions(date, dayIndex, sortedByTime(generateChunks(day)));
    }

    /**
     * The rows of all chunks in id order. The chunks hold the rows in customer order, each customer's in draw order,
     * and an id orders by (second, customer, draw): so a stable counting sort on the second of the day alone yields
     * id order, in linear time. (A comparison sort of the rows by id was a quarter of a day's generation time.)
     */
    private static List<Transaction> sortedByTime(List<List<Transaction>> chunks) {
        int[] start = new int[Transaction.SECONDS_PER_DAY + 1];
        int count = 0;
        for (List<Transaction> chunk : chunks) {
            for (Transaction t : chunk) {
                start[secondOfDay(t) + 1]++;
                count++;
            }
        }
        for (int second = 0; second < Transaction.SECONDS_PER_DAY; second++) {
            start[second + 1] += start[second];
        }
        Transaction[] sorted = new Transaction[count];
        for (List<Transaction> chunk : chunks) {
            for (Transaction t : chunk) {
                sorted[start[secondOfDay(t)]++] = t;
            }
        }
        return Arrays.asList(sorted);
    }

    private static int secondOfDay(Transaction t) {
        return (int) (t.timeSeconds() % Transaction.SECONDS_PER_DAY);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** The compromises in force on a day. */
    private record Day(long index, boolean[] compromisedTerminals, boolean[] compromisedCustomers) {
    }

    private List<List<Transaction>> generateChunks(Day day) {
        int customers = settings.customers();
        int chunks = Math.max(1, Math.min(threads * CHUNKS_PER_THREAD, customers / MIN_CHUNK_CUSTOMERS));
        int chunkSize = (customers + chunks - 1) / chunks;
        List<Callable<List<Transaction>>> tasks = new ArrayList<>();
        for (int from = 0; from < customers; from += chunkSize) {
            int start = from;
            int end = Math.min(customers, from + chunkSize);
            tasks.add(() -> generateCustomers(day, start, end));
        }
        List<List<Transaction>> results = new ArrayList<>();
        try {
            if (executor == null || tasks.size() == 1) {
                for (Callable<List<Transaction>> task : tasks) {
                    results.add(task.call());
                }
            } else {
                for (Future<List<Transaction>> future : executor.invokeAll(tasks)) {
                    results.add(future.get());
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("generating day " + day.index() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating day " + day.index(), e);
        } catch (Exception e) {
            throw new IllegalStateException("generating day " + day.index() + " failed: " + e, e);
        }
        return results;
    }

    /** The transactions of the customers with ids from .. to-1 that belong to the partition. */
    private List<Transaction> generateCustomers(Day day, int from, int to) {
        List<Transaction> rows = new ArrayList<>((to - from) * 2);
        int[] scratch = new int[population.grid().size()];
        for (int id = from; id < to; id++) {
            if (partition.includes(id)) {
                addCustomerDay(population.customers().get(id), day, scratch, rows);
            }
        }
        return rows;
    }

    private void addCustomerDay(CustomerProfile customer, Day day, int[] scratch, List<Transaction> rows) {
        UniformRandomProvider rng = new SplitMix64(
                Seeds.derive(settings.seed(), TRANSACTION_STREAM, customer.id(), day.index()));
        int count = customer.meanTransactionsPerDay() > 0
                ? PoissonSampler.of(rng, customer.meanTransactionsPerDay()).sample() : 0;
        if (count == 0) {
            return;
        }
        UniformRandomProvider customerCoin = day.compromisedCustomers()[customer.id()]
                ? new SplitMix64(Seeds.derive(settings.seed(), COMPROMISED_CUSTOMER_STREAM, customer.id(), day.index()))
                : null;
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        TerminalGrid grid = population.grid();
        for (int draw = 0; draw < count; draw++) {
            int timeOfDay = (int) (MEAN_TIME_OF_DAY + STD_TIME_OF_DAY * gaussian.sample());
            if (timeOfDay <= 0 || timeOfDay >= Transaction.SECONDS_PER_DAY) {
                continue;
            }
            double amount = customer.meanAmount() + customer.stdAmount() * gaussian.sample();
            if (amount < 0) {
                amount = Population.uniform(rng, 0, customer.meanAmount() * 2);
            }
            int terminal = grid.pick(customer.x(), customer.y(), rng, scratch);
            if (terminal < 0) {
                return;
            }
            long timeSeconds = day.index() * Transaction.SECONDS_PER_DAY + timeOfDay;
            Transaction drawn = new Transaction(TransactionIds.of(timeSeconds, customer.id(), draw), timeSeconds,
                    customer.id(), terminal, Math.round(amount * 100), 0);
            rows.add(FraudLabeler.label(drawn, day.compromisedTerminals()[terminal], customerCoin));
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
