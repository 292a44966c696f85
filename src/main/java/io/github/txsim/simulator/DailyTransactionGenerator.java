package io.github.txsim.simulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Generates one day of transactions following the handbook's simulator: per customer, Poisson(mean per day)
 * transactions; time of day {@code int(Normal(43200, 20000))}, kept only within (0, 86400); amount ~ Normal(mean,
 * std), a negative draw replaced by U(0, 2 mean), rounded to cents; the terminal uniform among those within the
 * radius (no transaction when there is none).
 * <p>
 * Each (customer, day) draws from its own random stream derived from the seed, so a day's rows depend only on the
 * configuration, the seed and the date.
 */
public final class DailyTransactionGenerator {

    private static final long TRANSACTION_STREAM = 3;
    private static final double MEAN_TIME_OF_DAY = Transaction.SECONDS_PER_DAY / 2.0;
    private static final double STD_TIME_OF_DAY = 20_000;

    private final SimulatorSettings settings;
    private final Population population;
    private final FraudLabeler labeler = new FraudLabeler();

    public DailyTransactionGenerator(SimulatorSettings settings, Population population) {
        this.settings = settings;
        this.population = population;
    }

    public DayOfTransactions generate(LocalDate date) {
        long dayIndex = ChronoUnit.DAYS.between(settings.startDate(), date);
        if (dayIndex < 0) {
            throw new IllegalArgumentException(
                    "date " + date + " is before the simulation start date " + settings.startDate());
        }
        TerminalGrid grid = population.grid();
        int[] nearby = new int[grid.size()];
        List<Transaction> rows = new ArrayList<>();
        for (CustomerProfile customer : population.customers()) {
            addCustomerDay(customer, dayIndex, grid, nearby, rows);
        }
        rows.sort(Comparator.comparingLong(Transaction::transactionId));
        return new DayOfTransactions(date, dayIndex, rows);
    }

    private void addCustomerDay(CustomerProfile customer, long dayIndex, TerminalGrid grid, int[] nearby,
            List<Transaction> rows) {
        UniformRandomProvider rng = new SplitMix64(
                Seeds.derive(settings.seed(), TRANSACTION_STREAM, customer.id(), dayIndex));
        int count = customer.meanTransactionsPerDay() > 0
                ? PoissonSampler.of(rng, customer.meanTransactionsPerDay()).sample() : 0;
        if (count == 0) {
            return;
        }
        int available = grid.within(customer.x(), customer.y(), nearby);
        if (available == 0) {
            return;
        }
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int draw = 0; draw < count; draw++) {
            int timeOfDay = (int) (MEAN_TIME_OF_DAY + STD_TIME_OF_DAY * gaussian.sample());
            if (timeOfDay <= 0 || timeOfDay >= Transaction.SECONDS_PER_DAY) {
                continue;
            }
            double amount = customer.meanAmount() + customer.stdAmount() * gaussian.sample();
            if (amount < 0) {
                amount = Population.uniform(rng, 0, customer.meanAmount() * 2);
            }
            long amountCents = Math.round(amount * 100);
            int terminal = nearby[rng.nextInt(available)];
            long timeSeconds = dayIndex * Transaction.SECONDS_PER_DAY + timeOfDay;
            Transaction transaction = new Transaction(TransactionIds.of(timeSeconds, customer.id(), draw),
                    timeSeconds, customer.id(), terminal, amountCents, 0);
            rows.add(labeler.label(transaction));
        }
    }
}
