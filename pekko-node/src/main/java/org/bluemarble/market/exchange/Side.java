package org.bluemarble.market.exchange;

/** Which side of the book an order rests on. */
public enum Side {
  BUY,
  SELL
}
