package org.bluemarble.market.saga;

import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bluemarble.chat.Notifications;
import org.bluemarble.market.exchange.Fill;
import org.bluemarble.market.listing.ListingBoard;
import org.bluemarble.market.listing.ListingStatus;
import org.bluemarble.market.listing.MarketOp;

/**
 * The market entities' one hook to the players' notifications: called after an outcome is persisted
 * (never from an event handler, so a replay tells nobody), it posts a notice to each player
 * concerned. Ids are derived from the outcome, so a repeat counts once.
 */
public final class MarketNotices {
  private final ActorSystem<?> system;

  public MarketNotices(ActorSystem<?> system) {
    this.system = system;
  }

  /** Buy operations charged: each listing now sold to its buyer tells its seller. */
  public void listingsSold(List<MarketOp> buys, ListingBoard board) {
    for (MarketOp op : buys) {
      board
          .find(op.listingId())
          .filter(l -> l.status() == ListingStatus.SOLD && op.player().equals(l.buyer()))
          .ifPresent(
              l ->
                  Notifications.post(
                      system,
                      l.seller(),
                      "sold:" + l.id(),
                      Notifications.LISTING_SOLD,
                      "your listing sold: "
                          + l.quantity()
                          + " x "
                          + l.itemId()
                          + " for "
                          + l.price(),
                      l.id(),
                      op.at().toEpochMilli()));
    }
  }

  /** {@code previous} (null: none) no longer holds the highest bid of {@code auctionId}. */
  public void outbid(String previous, String bidder, String auctionId, long amount, Instant at) {
    if (previous != null && !previous.equals(bidder)) {
      Notifications.post(
          system,
          previous,
          "outbid:" + auctionId + ":" + at.toEpochMilli() + ":" + amount,
          Notifications.OUTBID,
          "you were outbid on auction " + auctionId + ": the highest bid is now " + amount,
          auctionId,
          at.toEpochMilli());
    }
  }

  /** {@code first} opened trade {@code tradeId} with {@code second}. */
  public void tradeOffered(String tradeId, String first, String second, Instant at) {
    Notifications.post(
        system,
        second,
        "trade:" + tradeId,
        Notifications.TRADE_OFFERED,
        first + " offers you a trade",
        tradeId,
        at.toEpochMilli());
  }

  /** An order matched: both sides of each fill hear it. */
  public void filled(List<Fill> fills, Instant at) {
    for (Fill f : fills) {
      String text = f.quantity() + " x " + f.itemId() + " at " + f.price();
      Notifications.post(
          system,
          f.buyer(),
          "fill:" + f.buyOrderId() + ":" + f.sequence(),
          Notifications.ORDER_FILLED,
          "your buy order filled: " + text,
          f.buyOrderId(),
          at.toEpochMilli());
      Notifications.post(
          system,
          f.seller(),
          "fill:" + f.sellOrderId() + ":" + f.sequence(),
          Notifications.ORDER_FILLED,
          "your sell order filled: " + text,
          f.sellOrderId(),
          at.toEpochMilli());
    }
  }
}
