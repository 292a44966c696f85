package io.github.txsim.simulator;

/**
 * Derives the seed of an independent random stream from the simulation seed and a key, such as (customer, day).
 * <p>
 * Commons RNG seeds one generator from one value but has no way to name a sub-stream by a tuple of integers, which
 * is what makes a day's rows independent of which other days or customers are generated. The mixing function is the
 * SplitMix64 finaliser (Steele, Lea and Flood, 2014), applied once per key element.
 */
public final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    public static long derive(long seed, long... keys) {
        long h = mix(seed + GOLDEN_GAMMA);
        for (long key : keys) {
            h = extend(h, key);
        }
        return h;
    }

    /**
     * The seed of a stream keyed one element further: {@code extend(derive(seed, a), b) == derive(seed, a, b)}, so a
     * loop over ids derives each id's seed from a prefix derived once.
     */
    public static long extend(long derived, long key) {
        return mix(derived ^ mix(key + GOLDEN_GAMMA));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
