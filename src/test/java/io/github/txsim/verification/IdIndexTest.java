package io.github.txsim.verification;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdIndexTest {

    /** Ids as the generator makes them: seconds x 10^9 + customer x 10 + n, sparse within each second. */
    private static long[] generatorLikeIds(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return LongStream.generate(() -> (273_283_200L + random.nextInt(86_400)) * 1_000_000_000L
                + random.nextInt(10_000_000) * 10L + random.nextInt(2)).limit(count).distinct().sorted().toArray();
    }

    @Test
    void idsAddedInOrderAreRankedByTheirPlace() {
        long[] ids = generatorLikeIds(50_000, 1);
        IdIndex index = new IdIndex();
        for (long id : ids) {
            index.add(id);
        }
        index.seal();
        assertEquals(ids.length, index.size());
        for (int rank = 0; rank < ids.length; rank++) {
            assertEquals(rank, index.rankOf(ids[rank]));
            assertEquals(-1, index.rankOf(ids[rank] + 5), "an id between two of the file's");
        }
        assertEquals(-1, index.rankOf(1));
        assertEquals(-1, index.rankOf(Long.MAX_VALUE));
    }

    @Test
    void idsOutOfOrderAreSortedWhenSealedAndARepeatedIdCountsOnce() {
        long[] ids = generatorLikeIds(20_000, 2);
        IdIndex index = new IdIndex();
        SplittableRandom random = new SplittableRandom(3);
        long[] shuffled = ids.clone();
        for (int i = shuffled.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = swap;
        }
        for (long id : shuffled) {
            index.add(id);
        }
        index.add(shuffled[0]);
        index.seal();
        assertEquals(ids.length, index.size());
        for (int rank = 0; rank < ids.length; rank++) {
            assertEquals(rank, index.rankOf(ids[rank]));
        }
    }
}
