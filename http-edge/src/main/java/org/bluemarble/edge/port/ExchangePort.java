package org.bluemarble.edge.port;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The order books and auction houses as the edge sees them (HTTP routes and game-protocol messages
 * use the same port). Money is copper; prices of orders are per unit, of auctions for the whole
 * lot. {@code market} null means the first configured market. Refusals fail the stage with a {@link
 * MarketRefusal} carrying the economy's error code.
 */
public interface ExchangePort {

  /** One order; {@code status} PENDING, OPEN, FILLED, CANCELLED or REJECTED ({@code reason}). */
  record OrderInfo(
      String orderId,
      String market,
      String itemId,
      String owner,
      String side,
      long limitPrice,
      long quantity,
      long filled,
      long remaining,
      String status,
      String reason,
      Instant at) {}

  /** All resting quantity at one price. */
  record LevelInfo(long price, long quantity, int orders) {}

  /** Depth of one book, best levels first, with the 24 h price statistics of its fills. */
  record DepthInfo(
      String market,
      String itemId,
      List<LevelInfo> bids,
      List<LevelInfo> asks,
      long lastPrice,
      long averagePrice,
      long volume,
      int trades) {}

  /**
   * One auction; {@code status} PENDING, RUNNING, BOUGHT_OUT, SOLD, UNSOLD or REJECTED. The reserve
   * stays secret ({@code reserveMet} only).
   */
  record AuctionInfo(
      String auctionId,
      String market,
      String seller,
      String itemId,
      long quantity,
      long startPrice,
      long minIncrement,
      long buyoutPrice,
      boolean reserveMet,
      String highestBidder,
      long highestBid,
      int bids,
      Instant endsAt,
      String status,
      String reason) {}

  /** The terms a seller offers an auction under (0 = no reserve / no buyout). */
  record AuctionRequest(
      String market,
      String itemId,
      long quantity,
      long startPrice,
      long minIncrement,
      long reservePrice,
      long buyoutPrice,
      long durationMinutes) {}

  /** Places a limit order ({@code side} BUY or SELL); answered after escrow and matching. */
  /**
   * Places a limit order. {@code idempotencyKey} (null: none): a repeat with the same key and order
   * answers the first order as it is now; another order under the key fails with
   * IDEMPOTENCY_KEY_REUSED.
   */
  CompletionStage<OrderInfo> placeOrder(
      String player,
      String market,
      String itemId,
      String side,
      long limitPrice,
      long quantity,
      String idempotencyKey);

  CompletionStage<OrderInfo> cancelOrder(String player, String orderId);

  CompletionStage<OrderInfo> order(String orderId);

  /**
   * {@code player}'s orders in the book of {@code itemId}, newest first; {@code itemId} null:
   * across the books of {@code market} the player last placed orders in (a bounded number of
   * books).
   */
  CompletionStage<List<OrderInfo>> orders(String player, String market, String itemId, int limit);

  CompletionStage<DepthInfo> depth(String market, String itemId, int levels);

  /**
   * Opens an auction. {@code idempotencyKey} (null: none): a repeat with the same key and terms
   * answers the auction as it is now; other terms under the key fail with IDEMPOTENCY_KEY_REUSED.
   */
  CompletionStage<AuctionInfo> createAuction(
      String seller, AuctionRequest request, String idempotencyKey);

  CompletionStage<AuctionInfo> bid(String player, String auctionId, long amount);

  CompletionStage<AuctionInfo> buyout(String player, String auctionId);

  CompletionStage<AuctionInfo> auction(String auctionId);

  /** Auctions of a market (of {@code itemId} if not null), ending soonest first. */
  CompletionStage<List<AuctionInfo>> auctions(
      String market, String itemId, boolean runningOnly, int limit);
}
