package org.bluemarble.market.orderbook;

/** Which side of the book an order rests on. */
public enum Side {
  BUY,
  SELL
}
