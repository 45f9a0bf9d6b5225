package org.bluemarble.market.saga;

import java.time.Instant;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bluemarble.chat.Notifications;

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

  /** {@code seller}'s listing {@code listingId} sold ({@code what}: quantity, item and price). */
  public void listingSold(String seller, String listingId, String what, Instant at) {
    Notifications.post(
        system,
        seller,
        "sold:" + listingId,
        Notifications.LISTING_SOLD,
        "your listing sold: " + what,
        listingId,
        at.toEpochMilli());
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

  /**
   * {@code owner}'s order {@code orderId} matched in fill {@code sequence} of its book ({@code
   * side}: "buy" or "sell"; {@code what}: quantity, item and price).
   */
  public void orderFilled(
      String owner, String orderId, long sequence, String side, String what, Instant at) {
    Notifications.post(
        system,
        owner,
        "fill:" + orderId + ":" + sequence,
        Notifications.ORDER_FILLED,
        "your " + side + " order filled: " + what,
        orderId,
        at.toEpochMilli());
  }
}
