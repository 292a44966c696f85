package io.github.txsim.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A day's figures counted the plain way, for the tests to check the report against: lines split at commas, sets of
 * ids, exact decimal sums, and the fraud flag column (TX_FRAUD) rather than the scenario.
 */
public final class FileFigures {

    public long rows;
    public long frauds;
    public final long[] scenarios = new long[4];
    public final long[] perHour = new long[24];
    public final Set<Integer> customers = new HashSet<>();
    public final Set<Integer> terminals = new HashSet<>();
    public final Set<Integer> defraudedCustomers = new HashSet<>();
    public final Set<Integer> compromisedTerminals = new HashSet<>();
    public BigDecimal amountSum = BigDecimal.ZERO;
    public BigDecimal amountSquareSum = BigDecimal.ZERO;

    /** Each date's figures, in date order, over the files. */
    public static Map<String, FileFigures> of(List<Path> files) throws IOException {
        Map<String, FileFigures> days = new TreeMap<>();
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<String> header = Arrays.asList(reader.readLine().split(","));
                Map<String, Integer> at = new HashMap<>();
                header.forEach(name -> at.put(name, header.indexOf(name)));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String[] values = line.split(",");
                    String time = values[at.get("TX_DATETIME")];
                    FileFigures day = days.computeIfAbsent(time.substring(0, 10), date -> new FileFigures());
                    day.add(time, Integer.parseInt(values[at.get("CUSTOMER_ID")]),
                            Integer.parseInt(values[at.get("TERMINAL_ID")]), new BigDecimal(values[at.get("TX_AMOUNT")]),
                            values[at.get("TX_FRAUD")].equals("1"), Integer.parseInt(values[at.get("TX_FRAUD_SCENARIO")]));
                }
            }
        }
        return days;
    }

    private void add(String time, int customer, int terminal, BigDecimal amount, boolean fraud, int scenario) {
        rows++;
        perHour[Integer.parseInt(time.substring(11, 13))]++;
        customers.add(customer);
        terminals.add(terminal);
        scenarios[scenario]++;
        amountSum = amountSum.add(amount);
        amountSquareSum = amountSquareSum.add(amount.multiply(amount));
        if (fraud) {
            frauds++;
            defraudedCustomers.add(customer);
            if (scenario == 2) {
                compromisedTerminals.add(terminal);
            }
        }
    }

    public double meanAmount() {
        return amountSum.doubleValue() / rows;
    }

    public double amountStandardDeviation() {
        double mean = meanAmount();
        return Math.sqrt(amountSquareSum.doubleValue() / rows - mean * mean);
    }
}
