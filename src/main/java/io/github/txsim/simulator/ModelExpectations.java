package io.github.txsim.simulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Map;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The model's expected values for a day's file, to set beside what a file holds (the data report). They are exact
 * means of the model's random draws given the population (the customers' profiles and the terminals' locations) and
 * the day's compromised terminals and customers:
 * <ul>
 * <li>customer c pays {@code rate(c) = mean(c) x P(time of day kept)} times a day (0 without a terminal within the
 * radius), so the rows are the sum of the rates and the customers who pay the sum of {@code 1 - exp(-rate(c))};</li>
 * <li>each of c's n(c) terminals draws {@code rate(c) / n(c)} of them, so terminal t takes {@code lambda(t)}, the sum
 * over its customers, and pays out with probability {@code 1 - exp(-lambda(t))};</li>
 * <li>an amount is Normal(m, s m) with a negative draw replaced by U(0, 2m): its mean and square are m and m^2 times
 * constants ({@link #AMOUNT_FACTOR}, {@link #AMOUNT_SQUARE_FACTOR}); of a compromised customer's N payments in its
 * window, N ~ Poisson(14 rate(c)), floor(N / 3) are fraud and 5 times larger: a share of
 * {@code E[floor(N / 3)] / E[N]} of them ({@link #cardFraudShare}), a little under a third;</li>
 * <li>the scenarios take precedence as {@link FraudLabeler} says: 3 over 2 over 1.</li>
 * </ul>
 * Per-terminal rates need each customer's terminals listed; when that is more than {@link #TERMINAL_LOOKUPS} look-ups
 * (the default population already, and any national one, with hundreds to thousands of terminals per customer), every
 * terminal is taken to draw the mean share of the rows instead: there the rates are alike enough for the
 * approximation to stay within half a percent (ModelExpectationsTest).
 */
public final class ModelExpectations {

    /** The most terminal look-ups (customers x terminals within the radius) spent on per-terminal rates. */
    static final double TERMINAL_LOOKUPS = 10_000_000;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    /** s: a customer's standard deviation of amounts over its mean m. */
    private static final double SPREAD = Population.AMOUNT_SPREAD;
    /** P(Normal(m, s m) < 0): the draws replaced by U(0, 2m). */
    private static final double NEGATIVE = STANDARD_NORMAL.cumulativeProbability(-1 / SPREAD);
    /** E[amount] / m: the normal's part above 0 (m P + s m phi), and the uniform's mean m. */
    static final double AMOUNT_FACTOR = (1 - NEGATIVE) + SPREAD * STANDARD_NORMAL.density(1 / SPREAD) + NEGATIVE;
    /** E[amount^2] / m^2: the normal's part above 0 ((m^2 + s^2 m^2) P + m s m phi), and the uniform's 4 m^2 / 3. */
    static final double AMOUNT_SQUARE_FACTOR = (1 + SPREAD * SPREAD) * (1 - NEGATIVE)
            + SPREAD * STANDARD_NORMAL.density(1 / SPREAD) + 4.0 / 3 * NEGATIVE;
    private static final int FACTOR = FraudScenario.CUSTOMER_AMOUNT_FACTOR;

    private final SimulatorSettings settings;
    private final Population population;
    private final Partition partition;
    private final CompromiseSchedule schedule;
    private final double terminalLookups;
    private final TimeOfDay timeOfDay = new TimeOfDay();
    private DayIndependent base;

    public ModelExpectations(SimulatorSettings settings, Population population, Partition partition) {
        this(settings, population, partition, TERMINAL_LOOKUPS);
    }

    /** @param terminalLookups the most look-ups spent on per-terminal rates; beyond, they are approximated */
    ModelExpectations(SimulatorSettings settings, Population population, Partition partition,
            double terminalLookups) {
        this.settings = settings;
        this.population = population;
        this.partition = partition;
        this.schedule = new CompromiseSchedule(settings);
        this.terminalLookups = terminalLookups;
    }

    /** The share of a day's transactions that falls in each hour, 0 to 23 (24 numbers that add up to 1). */
    public double[] hourShares() {
        double kept = timeOfDay.probability(0, Transaction.SECONDS_PER_DAY);
        double[] shares = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            shares[hour] = timeOfDay.probability(hour * 3600, (hour + 1) * 3600) / kept;
        }
        return shares;
    }

    /** What the model expects of the date's file (the partition's). */
    public synchronized ExpectedDay day(LocalDate date) {
        if (base == null) {
            base = new DayIndependent();
        }
        long day = ChronoUnit.DAYS.between(settings.startDate(), date);
        BitSet terminals = schedule.terminalsCompromisedOn(day);
        BitSet customers = schedule.customersCompromisedOn(day);
        double s1 = base.overThreshold;
        double s2 = 0;
        double s3 = 0;
        double amounts = base.amountSum;
        double squares = base.amountSquareSum;
        double share = (double) terminals.cardinality() / settings.terminals();
        // a compromised customer: about a third of its payments are scenario 3, 5 times larger, and neither 1 nor 2
        for (int c = customers.nextSetBit(0); c >= 0; c = customers.nextSetBit(c + 1)) {
            if (!partition.includes(c)) {
                continue;
            }
            CustomerProfile customer = population.customer(c);
            double rate = base.rate(customer);
            double compromisedShare = base.compromisedShare(customer, terminals, share);
            double fraudShare = cardFraudShare(rate);
            s3 += fraudShare * rate;
            s2 -= fraudShare * rate * compromisedShare;
            s1 -= fraudShare * rate * overThreshold(customer) * (1 - compromisedShare);
            amounts += fraudShare * rate * (FACTOR - 1) * AMOUNT_FACTOR * customer.meanAmount();
            squares += fraudShare * rate * (FACTOR * FACTOR - 1) * AMOUNT_SQUARE_FACTOR * square(customer.meanAmount());
        }
        // the other payments at a compromised terminal are scenario 2, and not 1
        if (base.lambda != null) {
            for (int t = terminals.nextSetBit(0); t >= 0; t = terminals.nextSetBit(t + 1)) {
                s2 += base.lambda[t];
                s1 -= base.overThresholdAt[t];
            }
        } else {
            s2 += (base.rows - s3) * share;
            s1 *= 1 - share;
        }
        return new ExpectedDay(base.rows, base.customers, base.terminals(), base.lambda == null, Map.of(
                FraudScenario.AMOUNT, s1, FraudScenario.COMPROMISED_TERMINAL, s2, FraudScenario.COMPROMISED_CUSTOMER, s3),
                amounts, squares);
    }

    /**
     * The share of a compromised customer's payments that scenario 3 makes fraud: {@code E[floor(N / k)] / E[N]} for
     * N ~ Poisson(w x rate), w the window's days and k {@link FraudScenario#CUSTOMER_FRAUD_ONE_IN} (the sum over N
     * up to far in its tail).
     */
    static double cardFraudShare(double rate) {
        double mean = FraudScenario.CUSTOMER_WINDOW_DAYS * rate;
        if (mean <= 0) {
            return 0;
        }
        int last = (int) Math.ceil(mean + 12 * Math.sqrt(mean) + 30);
        double probability = Math.exp(-mean);
        double frauds = 0;
        for (int n = 1; n <= last; n++) {
            probability *= mean / n;
            frauds += probability * (n / FraudScenario.CUSTOMER_FRAUD_ONE_IN);
        }
        return frauds / mean;
    }

    /** P(amount above the scenario 1 threshold) for mean amounts from 0 in steps of {@link #TAIL_STEP}. */
    private static final double TAIL_STEP = 0.001;
    private static final double[] TAIL = tail();

    private static double[] tail() {
        double threshold = FraudScenario.AMOUNT_THRESHOLD_CENTS / 100.0;
        double[] tail = new double[(int) Math.round(100 / TAIL_STEP) + 2];
        for (int i = 1; i < tail.length; i++) {
            double mean = i * TAIL_STEP;
            tail[i] = STANDARD_NORMAL.survivalProbability((threshold - mean) / (mean * SPREAD));
        }
        return tail;
    }

    /**
     * P(amount above the scenario 1 threshold): only the normal draw can be, the uniform one stays below 2m. The
     * standard deviation is a fixed share of the mean, so it depends on the mean alone: read from a table made once (linear
     * between its points, a millionth apart in relative terms), since computing it for each of ten million customers
     * took most of the expected values' time.
     */
    private static double overThreshold(CustomerProfile customer) {
        double at = Math.min(customer.meanAmount() / TAIL_STEP, TAIL.length - 1.000_001);
        int below = (int) at;
        return TAIL[below] + (at - below) * (TAIL[below + 1] - TAIL[below]);
    }

    private static double square(double value) {
        return value * value;
    }

    /** The sums over the partition's customers that do not depend on the day. */
    private final class DayIndependent {
        final double kept = timeOfDay.probability(0, Transaction.SECONDS_PER_DAY);
        final TerminalGrid grid = population.grid();
        final int[] within;
        /** Per terminal: its rate, and the rate of its payments above the threshold; null when approximated. */
        final double[] lambda;
        final double[] overThresholdAt;
        double rows;
        double customers;
        double overThreshold;
        double amountSum;
        double amountSquareSum;

        DayIndependent() {
            double lookups = (double) settings.customers() / partition.count() * settings.terminals()
                    * Math.min(1, Math.PI * square(settings.radius()) / 10_000);
            boolean exact = lookups <= terminalLookups;
            within = exact ? new int[grid.size()] : null;
            lambda = exact ? new double[settings.terminals()] : null;
            overThresholdAt = exact ? new double[settings.terminals()] : null;
            for (int c = partition.index(); c < settings.customers(); c += partition.count()) {
                CustomerProfile customer = population.customer(c);
                int terminals = exact ? grid.within(customer.x(), customer.y(), within)
                        : grid.hasWithin(customer.x(), customer.y()) ? 1 : 0;
                if (terminals == 0) {
                    continue;
                }
                double rate = customer.meanTransactionsPerDay() * kept;
                double over = rate * overThreshold(customer);
                rows += rate;
                customers += -Math.expm1(-rate);
                overThreshold += over;
                amountSum += rate * AMOUNT_FACTOR * customer.meanAmount();
                amountSquareSum += rate * AMOUNT_SQUARE_FACTOR * square(customer.meanAmount());
                for (int k = 0; exact && k < terminals; k++) {
                    lambda[within[k]] += rate / terminals;
                    overThresholdAt[within[k]] += over / terminals;
                }
            }
        }

        /** The customer's expected payments a day, 0 without a terminal within the radius. */
        double rate(CustomerProfile customer) {
            return grid.hasWithin(customer.x(), customer.y()) ? customer.meanTransactionsPerDay() * kept : 0;
        }

        /** The share of the customer's terminals that are compromised ({@code overall} when approximated). */
        double compromisedShare(CustomerProfile customer, BitSet compromised, double overall) {
            if (within == null) {
                return overall;
            }
            int n = grid.within(customer.x(), customer.y(), within);
            int hit = 0;
            for (int k = 0; k < n; k++) {
                hit += compromised.get(within[k]) ? 1 : 0;
            }
            return n == 0 ? 0 : (double) hit / n;
        }

        double terminals() {
            if (lambda == null) {
                return -settings.terminals() * Math.expm1(-rows / settings.terminals());
            }
            double sum = 0;
            for (double rate : lambda) {
                sum += -Math.expm1(-rate);
            }
            return sum;
        }
    }
}
