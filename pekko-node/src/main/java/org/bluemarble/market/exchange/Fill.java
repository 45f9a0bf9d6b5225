package org.bluemarble.market.exchange;

/**
 * One match between a buy and a sell order: {@code quantity} units at {@code price} copper each
 * (the resting maker's price). {@code sequence} numbers fills of one book from 1.
 */
public record Fill(
    long sequence,
    String itemId,
    String buyOrderId,
    String sellOrderId,
    String buyer,
    String seller,
    long price,
    long quantity,
    Side takerSide) {}
