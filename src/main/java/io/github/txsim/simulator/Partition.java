package io.github.txsim.simulator;

/**
 * A share of the customers, so that n machines can generate (and publish) one day together: partition i of n holds
 * the customers whose id mod n is i. The n partitions of a day, merged, are the whole day row for row.
 *
 * @param index which partition, 0 .. count-1
 * @param count how many partitions
 */
public record Partition(int index, int count) {

    public static final Partition WHOLE = new Partition(0, 1);

    public Partition {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a partition is i/n with 0 <= i < n, was " + index + "/" + count);
        }
    }

    /** Parses {@code i/n}, such as {@code 0/1} (everything) or {@code 2/4}. */
    public static Partition parse(String text) {
        String[] parts = text.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a partition is written i/n, such as 0/1 or 2/4, was '" + text + "'");
        }
        try {
            return new Partition(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a partition is written i/n, such as 0/1 or 2/4, was '" + text + "'");
        }
    }

    public boolean isWhole() {
        return count == 1;
    }

    public boolean includes(int customerId) {
        return customerId % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
