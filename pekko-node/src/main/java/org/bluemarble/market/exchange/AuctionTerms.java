package org.bluemarble.market.exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.bluemarble.market.Ids;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.Money;

/**
 * The seller's terms of an auction. {@code reservePrice} 0 means no reserve, {@code buyoutPrice} 0
 * means no buyout. A bid within {@code snipingWindow} of the end pushes the end to {@code bidTime +
 * snipingWindow}, so the others always get that long to answer.
 */
public record AuctionTerms(
    String auctionId,
    String seller,
    String itemId,
    long quantity,
    long startPrice,
    long minIncrement,
    long reservePrice,
    long buyoutPrice,
    Instant endsAt,
    Duration snipingWindow) {
  public AuctionTerms {
    Ids.require("auctionId", auctionId);
    Ids.require("seller", seller);
    Ids.require("itemId", itemId);
    Objects.requireNonNull(endsAt, "endsAt");
    Objects.requireNonNull(snipingWindow, "snipingWindow");
    if (quantity < 1) {
      throw new MarketException(
          MarketError.INVALID_QUANTITY, "quantity must be >= 1, was " + quantity);
    }
    Money.requirePositive("startPrice", startPrice);
    Money.requirePositive("minIncrement", minIncrement);
    Money.requireAmount("reservePrice", reservePrice);
    Money.requireAmount("buyoutPrice", buyoutPrice);
    if (buyoutPrice != 0 && buyoutPrice < Math.max(startPrice, reservePrice)) {
      throw new MarketException(
          MarketError.INVALID_AMOUNT,
          "buyoutPrice " + buyoutPrice + " must be 0 or >= start and reserve price");
    }
    if (snipingWindow.isNegative()) {
      throw new MarketException(MarketError.INVALID_CONFIG, "snipingWindow must be >= 0");
    }
  }
}
