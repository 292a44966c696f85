package io.github.txsim.simulator;

/**
 * A customer of the handbook's model: a location on the grid and its spending habits.
 *
 * @param id                     customer id
 * @param x                      location, 0 to 100
 * @param y                      location, 0 to 100
 * @param meanAmount             mean transaction amount
 * @param stdAmount              standard deviation of the amount (half the mean)
 * @param meanTransactionsPerDay the Poisson mean of the daily transaction count
 */
public record CustomerProfile(int id, double x, double y, double meanAmount, double stdAmount,
        double meanTransactionsPerDay) {
}
