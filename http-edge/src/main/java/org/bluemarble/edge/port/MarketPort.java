package org.bluemarble.edge.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The economy as the edge sees it: the marketplace, direct trades, wallets, the admin economy tools
 * and the payments credit. Money is always copper ({@code long}); the routes add the g/s/c text.
 * Refusals fail the stage with a {@link MarketRefusal} carrying the economy's error code.
 */
public interface MarketPort {

  /** One listing; {@code price} is for the whole {@code quantity}. */
  record ListingInfo(
      String id,
      String market,
      String seller,
      String itemId,
      long quantity,
      long price,
      Instant createdAt,
      Instant expiresAt,
      String status,
      String buyer) {}

  /** Search filters (null = any) and paging. */
  record ListingFilter(
      String market,
      String itemId,
      String seller,
      Long minPrice,
      Long maxPrice,
      boolean activeOnly,
      int offset,
      int limit) {}

  record ListingPage(List<ListingInfo> listings, int total, int offset, int limit) {}

  /** A completed purchase; {@code fee} is the seller's 5 % transaction fee. */
  record SaleInfo(
      String listingId,
      String market,
      String seller,
      String buyer,
      String itemId,
      long quantity,
      long price,
      long fee,
      Instant at) {}

  /** Price statistics of an item in one market over the last 24 h (copper per unit). */
  record PriceInfo(
      String market,
      String itemId,
      long lastPrice,
      long averagePrice,
      long minPrice,
      long maxPrice,
      long volume,
      int trades) {}

  /** A player's wallet and items, with the last ledger lines (newest first). */
  record WalletInfo(
      String playerId,
      long copper,
      long honor,
      Map<String, Integer> items,
      int freeSlots,
      boolean frozen,
      String frozenReason,
      List<LedgerLine> ledger,
      String trustTier) {}

  /** One applied move of a player's holdings; {@code key} names the saga step. */
  record LedgerLine(
      String key, String direction, long copper, long honor, List<Stack> items, Instant at) {}

  /** A stack of items in a request or an offer. */
  record Stack(String itemId, int quantity) {}

  /** A direct trade and its saga's status. */
  record TradeInfo(
      String tradeId,
      String first,
      String second,
      long firstCopper,
      List<Stack> firstItems,
      long secondCopper,
      List<Stack> secondItems,
      long version,
      boolean firstConfirmed,
      boolean secondConfirmed,
      String status,
      String failure) {}

  /** The treasury and the cross-entity ledger check. */
  record LedgerInfo(
      long minted,
      long burned,
      long players,
      long marketEscrow,
      long marketFees,
      long tradeEscrow,
      long undeliveredMints,
      int holdingsChecked,
      int inFlight,
      boolean balanced,
      Map<String, Long> items,
      Map<String, Long> itemsMinted) {}

  /** The read-only switch. */
  record EconomyStatus(boolean readOnly, String reason, long mintedCopper) {}

  /** The result of a mint: {@code fresh} false when the key had been used before. */
  record Minted(String key, boolean fresh) {}

  /** Order books and auctions; null when the node serves none (then their routes are absent). */
  default ExchangePort exchange() {
    return null;
  }

  // Marketplace

  CompletionStage<ListingPage> listings(ListingFilter filter);

  CompletionStage<ListingInfo> listing(String listingId);

  /**
   * Lists for {@code seller}. {@code idempotencyKey} (null: none): a repeat with the same key and
   * request answers the first one's listing and charges nothing again; with another request it
   * fails with IDEMPOTENCY_KEY_REUSED.
   */
  CompletionStage<ListingInfo> createListing(
      String seller,
      String market,
      String itemId,
      long quantity,
      long price,
      int durationDays,
      String idempotencyKey);

  CompletionStage<ListingInfo> reprice(String seller, String listingId, long price);

  CompletionStage<ListingInfo> cancel(String seller, String listingId);

  CompletionStage<ListingInfo> buy(String buyer, String listingId);

  /**
   * Buys; with an {@code idempotencyKey} (null: none) a retry of a purchase that went through
   * answers the sold listing again instead of refusing it, and buys nothing more.
   */
  default CompletionStage<ListingInfo> buy(String buyer, String listingId, String idempotencyKey) {
    return buy(buyer, listingId);
  }

  CompletionStage<List<SaleInfo>> transactions(String player, int limit);

  CompletionStage<List<PriceInfo>> prices(String itemId);

  CompletionStage<WalletInfo> wallet(String playerId);

  // Trades

  /** Opens a trade; {@code idempotencyKey} (null: none) as for {@link #createListing}. */
  CompletionStage<TradeInfo> openTrade(String first, String second, String idempotencyKey);

  CompletionStage<TradeInfo> trade(String tradeId);

  CompletionStage<TradeInfo> offer(String tradeId, String player, long copper, List<Stack> items);

  CompletionStage<TradeInfo> confirm(String tradeId, String player, long version);

  CompletionStage<TradeInfo> cancelTrade(String tradeId, String player);

  // Admin and payments

  CompletionStage<WalletInfo> freeze(String playerId, boolean frozen, String reason);

  /**
   * Gives the player trust tier {@code tier} (NEWCOMER, ESTABLISHED, TRUSTED, RESPECTED, ELITE),
   * which limits their open listings, orders and auctions and their value; refused with {@code
   * INVALID_TRUST_TIER} for another name.
   */
  CompletionStage<WalletInfo> setTrustTier(String playerId, String tier, String reason);

  /** Mints once per {@code key} (admin grants and payments), delivered to the player's wallet. */
  CompletionStage<Minted> mint(
      String key, String playerId, long copper, long honor, List<Stack> items, String reason);

  CompletionStage<EconomyStatus> status();

  CompletionStage<EconomyStatus> setReadOnly(boolean readOnly, String reason);

  CompletionStage<LedgerInfo> ledgerCheck();
}
