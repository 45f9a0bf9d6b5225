package org.bluemarble.market.exchange;

import java.util.List;
import org.bluemarble.market.PriceSummary;
import org.bluemarble.node.CborSerializable;

/**
 * The aggregated depth of one order book: price levels best first (bids high to low, asks low to
 * high), with the price statistics of its fills over the last 24 h. Prices are copper per unit.
 */
public record BookDepth(
    String market, String itemId, List<Level> bids, List<Level> asks, PriceSummary prices)
    implements CborSerializable {

  /** All resting quantity at one price and how many orders make it up. */
  public record Level(long price, long quantity, int orders) {}

  public BookDepth {
    bids = List.copyOf(bids);
    asks = List.copyOf(asks);
  }
}
