package io.github.txsim.report;

import java.time.LocalDate;

import io.github.txsim.simulator.FraudScenario;

/**
 * What a report shows of one day, counted row by row in one pass: counts per hour and per fraud scenario, the amounts'
 * histograms (genuine and fraudulent apart) and moments, and which customers and terminals paid or were defrauded.
 * Memory does not grow with the rows: fixed arrays, and sets of ids ({@link IdSet}: a few bits per id present once
 * settled, at most 8 KiB per 65,536 ids).
 */
public final class DayFigures {

    /** The amounts' histogram: bins of this width from 0, the last holding everything above. */
    public static final int AMOUNT_BIN_WIDTH = 10;
    public static final int AMOUNT_BINS = 101;

    private final LocalDate date;
    private final long[] perHour = new long[24];
    private final long[] perScenario = new long[FraudScenario.values().length + 1];
    private final long[] genuineAmounts = new long[AMOUNT_BINS];
    private final long[] fraudAmounts = new long[AMOUNT_BINS];
    private final IdSet customers = new IdSet();
    private final IdSet terminals = new IdSet();
    private final IdSet defraudedCustomers = new IdSet();
    private final IdSet compromisedTerminals = new IdSet();
    private final LabelDelays labelDelays = new LabelDelays();
    private long rows;
    private double amountSum;
    private double amountSquareSum;

    public DayFigures(LocalDate date) {
        this.date = date;
    }

    /**
     * Counts one transaction of the day.
     *
     * @param secondOfDay   0 to 86399
     * @param fraudScenario 0 for a genuine payment, 1 to 3 for a fraud
     */
    public void add(int secondOfDay, int customerId, int terminalId, long amountCents, int fraudScenario) {
        rows++;
        perHour[secondOfDay / 3600]++;
        perScenario[fraudScenario]++;
        int bin = (int) Math.min(AMOUNT_BINS - 1, Math.max(0, amountCents / (100L * AMOUNT_BIN_WIDTH)));
        (fraudScenario == 0 ? genuineAmounts : fraudAmounts)[bin]++;
        double amount = amountCents / 100.0;
        amountSum += amount;
        amountSquareSum += amount * amount;
        customers.add(customerId);
        terminals.add(terminalId);
        if (fraudScenario != FraudScenario.NONE) {
            defraudedCustomers.add(customerId);
            if (fraudScenario == FraudScenario.COMPROMISED_TERMINAL.number()) {
                compromisedTerminals.add(terminalId);
            }
        }
    }

    /** Makes the ids counted so far compact: called once a file is done (memory then holds what matters). */
    public void settle() {
        customers.settle();
        terminals.settle();
        defraudedCustomers.settle();
        compromisedTerminals.settle();
    }

    public LocalDate date() {
        return date;
    }

    public long rows() {
        return rows;
    }

    public long perHour(int hour) {
        return perHour[hour];
    }

    /** Rows labelled by the scenario, 1 to 3 (0: genuine rows). */
    public long scenario(int scenario) {
        return perScenario[scenario];
    }

    public long frauds() {
        return rows - perScenario[0];
    }

    public long genuineAmounts(int bin) {
        return genuineAmounts[bin];
    }

    public long fraudAmounts(int bin) {
        return fraudAmounts[bin];
    }

    public double amountSum() {
        return amountSum;
    }

    public double amountSquareSum() {
        return amountSquareSum;
    }

    /** Customers with at least one transaction. */
    public int customers() {
        return customers.cardinality();
    }

    /** Terminals with at least one transaction. */
    public int terminals() {
        return terminals.cardinality();
    }

    /** The largest customer id of the day's rows; -1 for none. */
    public long largestCustomerId() {
        return customers.largest();
    }

    /** The largest terminal id of the day's rows; -1 for none. */
    public long largestTerminalId() {
        return terminals.largest();
    }

    /** Cards with at least one fraudulent transaction: the handbook's compromised cards of the day. */
    public int defraudedCustomers() {
        return defraudedCustomers.cardinality();
    }

    /** When the day's frauds become known: counted only when the report follows labels ({@link ReportData}). */
    public LabelDelays labelDelays() {
        return labelDelays;
    }

    /** Terminals with at least one scenario 2 fraud (a compromised terminal that was used). */
    public int compromisedTerminals() {
        return compromisedTerminals.cardinality();
    }
}
