package io.github.txsim.simulator;

/**
 * A payment terminal: a location on the grid.
 *
 * @param id terminal id
 * @param x  location, 0 to 100
 * @param y  location, 0 to 100
 */
public record TerminalProfile(int id, double x, double y) {
}
