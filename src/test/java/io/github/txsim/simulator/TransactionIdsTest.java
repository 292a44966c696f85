package io.github.txsim.simulator;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransactionIdsTest {

    @Test
    void anIdReadsAsTheSecondThenTheCustomerThenItsNumberWithinTheSecond() {
        assertEquals(270_950_401_002_880_431L, TransactionIds.of(270_950_401, 288_043, 1));
    }

    @Test
    void idsFollowTimeThenCustomerThenNumber() {
        long last = TransactionIds.of(1_000, TransactionIds.MAX_CUSTOMERS - 1, TransactionIds.MAX_PER_SECOND - 1);
        assertTrue(last < TransactionIds.of(1_001, 0, 0), "the last id of a second is below the first of the next");
        assertTrue(TransactionIds.of(1_000, 7, 9) < TransactionIds.of(1_000, 8, 0));
    }

    @Test
    void theLargestIdFitsASignedSixtyFourBitInteger() {
        long largest = TransactionIds.of(TransactionIds.MAX_TIME_SECONDS, TransactionIds.MAX_CUSTOMERS - 1,
                TransactionIds.MAX_PER_SECOND - 1);
        assertTrue(largest > 0 && largest <= Long.MAX_VALUE, "largest id " + largest);
        assertTrue(Long.MAX_VALUE - largest < 1_000_000_000L, "the scheme leaves less than one second unused");
    }

    @Test
    void theLastDateIsTwoHundredNinetyTwoYearsAfterTheStart() {
        SimulatorSettings settings = new SimulatorSettings(10, 10, 5, 1, LocalDate.of(2018, 4, 1));
        assertEquals(LocalDate.of(2310, 7, 10), settings.lastDate());
        long lastSecond = (settings.lastDate().toEpochDay() - settings.startDate().toEpochDay() + 1)
                * Transaction.SECONDS_PER_DAY - 1;
        assertTrue(lastSecond <= TransactionIds.MAX_TIME_SECONDS, "the last date's last second has ids");
        assertTrue(lastSecond + Transaction.SECONDS_PER_DAY > TransactionIds.MAX_TIME_SECONDS, "the next day has not");
    }

    @Test
    void valuesBeyondTheSchemeAreRefusedWithTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransactionIds.of(5, 3, TransactionIds.MAX_PER_SECOND));
        assertTrue(e.getMessage().contains("at most 10 transactions within one second"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TransactionIds.of(5, TransactionIds.MAX_CUSTOMERS, 0));
        assertThrows(IllegalArgumentException.class, () -> TransactionIds.of(TransactionIds.MAX_TIME_SECONDS + 1, 0, 0));
    }

    @Test
    void aDatePastTheLastOneIsRefusedByTheGenerator() {
        SimulatorSettings settings = new SimulatorSettings(10, 10, 5, 1, LocalDate.of(2018, 4, 1));
        DailyTransactionGenerator generator = new DailyTransactionGenerator(settings, Population.generate(settings));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> generator.generate(settings.lastDate().plusDays(1)));
        assertTrue(e.getMessage().contains("past the last date transaction ids can number, 2310-07-10"),
                e.getMessage());
        assertEquals(settings.lastDate(), generator.generate(settings.lastDate()).date());
    }
}
