package org.bluemarble.market;

/**
 * Price statistics of one item over a window, for the analytics routes. Prices are copper per unit;
 * {@code averagePrice} is volume-weighted and rounded down; all are 0 when nothing traded in the
 * window except {@code lastPrice}, which is the last trade ever (0 if none).
 */
public record PriceSummary(
    String itemId,
    long lastPrice,
    long averagePrice,
    long minPrice,
    long maxPrice,
    long volume,
    int trades) {}
