package org.bluemarble.market;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * Sliding-window price statistics of one item from its trade history: the last price, the
 * volume-weighted average, min, max and volume of the trades no older than the window. Trades must
 * be recorded in time order; old ones are dropped as the window moves. Not thread-safe.
 */
public final class PriceStatistics {
  private final String itemId;
  private final Duration window;
  private final ArrayDeque<TradeRecord> recent = new ArrayDeque<>();
  private long lastPrice;

  public PriceStatistics(String itemId, Duration window) {
    this.itemId = Objects.requireNonNull(itemId, "itemId");
    if (window == null || window.isZero() || window.isNegative()) {
      throw new MarketException(
          MarketError.INVALID_CONFIG, "window must be positive, was " + window);
    }
    this.window = window;
  }

  /**
   * Adds a trade; {@link MarketError#INVALID_CONFIG} for another item or one older than the last.
   */
  public void record(TradeRecord trade) {
    if (!trade.itemId().equals(itemId)) {
      throw new MarketException(
          MarketError.UNKNOWN_ITEM, "trade of " + trade.itemId() + " recorded for " + itemId);
    }
    if (!recent.isEmpty() && trade.at().isBefore(recent.peekLast().at())) {
      throw new MarketException(
          MarketError.INVALID_CONFIG,
          "trades must come in time order: " + trade.at() + " is before " + recent.peekLast().at());
    }
    recent.addLast(trade);
    lastPrice = trade.unitPrice();
  }

  /**
   * The statistics of the window ending at {@code now} (trades at or after {@code now - window}).
   */
  public PriceSummary summary(Instant now) {
    Instant from = now.minus(window);
    while (!recent.isEmpty() && recent.peekFirst().at().isBefore(from)) {
      recent.pollFirst();
    }
    long volume = 0;
    long min = Long.MAX_VALUE;
    long max = 0;
    int trades = 0;
    BigInteger turnover = BigInteger.ZERO;
    for (TradeRecord t : recent) {
      if (t.at().isAfter(now)) {
        continue;
      }
      trades++;
      volume = Math.addExact(volume, t.quantity());
      min = Math.min(min, t.unitPrice());
      max = Math.max(max, t.unitPrice());
      turnover =
          turnover.add(
              BigInteger.valueOf(t.unitPrice()).multiply(BigInteger.valueOf(t.quantity())));
    }
    if (trades == 0) {
      return new PriceSummary(itemId, lastPrice, 0, 0, 0, 0, 0);
    }
    long average = turnover.divide(BigInteger.valueOf(volume)).longValueExact();
    return new PriceSummary(itemId, lastPrice, average, min, max, volume, trades);
  }

  /** The trades still kept, oldest first (for snapshots). */
  public List<TradeRecord> recentTrades() {
    return List.copyOf(recent);
  }

  /** The price of the last trade ever recorded (0 before any). */
  public long lastPrice() {
    return lastPrice;
  }

  /** Statistics as a snapshot left them: {@code trades} in time order and the last price. */
  public static PriceStatistics restore(
      String itemId, Duration window, List<TradeRecord> trades, long lastPrice) {
    PriceStatistics s = new PriceStatistics(itemId, window);
    trades.forEach(s::record);
    s.lastPrice = lastPrice;
    return s;
  }
}
