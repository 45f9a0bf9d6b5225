package org.bluemarble.edge.market;

import java.time.Instant;
import java.util.List;
import org.bluemarble.edge.market.MarketHttp.Amount;
import org.bluemarble.edge.port.MarketPort;

/** The JSON shapes of the marketplace routes: every sum as copper and as g/s/c text. */
final class MarketViews {
  private MarketViews() {}

  record Listing(
      String id,
      String market,
      String seller,
      String itemId,
      long quantity,
      Amount price,
      Amount unitPrice,
      Instant createdAt,
      Instant expiresAt,
      String status,
      String buyer) {}

  record ListingPage(List<Listing> listings, int total, int page, int pageSize) {}

  record Sale(
      String listingId,
      String market,
      String seller,
      String buyer,
      String itemId,
      long quantity,
      Amount price,
      Amount fee,
      Instant at) {}

  record Transactions(List<Sale> transactions) {}

  record Price(
      String market,
      Amount lastPrice,
      Amount averagePrice,
      Amount minPrice,
      Amount maxPrice,
      long volume,
      int trades) {}

  record Prices(String itemId, List<Price> markets) {}

  static Listing listing(MarketPort.ListingInfo l) {
    return new Listing(
        l.id(),
        l.market(),
        l.seller(),
        l.itemId(),
        l.quantity(),
        Amount.of(l.price()),
        Amount.of(l.price() / Math.max(1, l.quantity())),
        l.createdAt(),
        l.expiresAt(),
        l.status(),
        l.buyer());
  }

  static ListingPage page(MarketPort.ListingPage p, int pageSize) {
    return new ListingPage(
        p.listings().stream().map(MarketViews::listing).toList(),
        p.total(),
        p.offset() / pageSize + 1,
        pageSize);
  }

  static Transactions transactions(List<MarketPort.SaleInfo> sales) {
    return new Transactions(
        sales.stream()
            .map(
                s ->
                    new Sale(
                        s.listingId(),
                        s.market(),
                        s.seller(),
                        s.buyer(),
                        s.itemId(),
                        s.quantity(),
                        Amount.of(s.price()),
                        Amount.of(s.fee()),
                        s.at()))
            .toList());
  }

  static Prices prices(String itemId, List<MarketPort.PriceInfo> prices) {
    return new Prices(
        itemId,
        prices.stream()
            .map(
                p ->
                    new Price(
                        p.market(),
                        Amount.of(p.lastPrice()),
                        Amount.of(p.averagePrice()),
                        Amount.of(p.minPrice()),
                        Amount.of(p.maxPrice()),
                        p.volume(),
                        p.trades()))
            .toList());
  }

  record Wallet(
      String playerId,
      Amount balance,
      long honor,
      java.util.Map<String, Integer> items,
      int freeSlots,
      boolean frozen,
      String trustTier) {}

  static Wallet wallet(MarketPort.WalletInfo w) {
    return new Wallet(
        w.playerId(),
        Amount.of(w.copper()),
        w.honor(),
        w.items(),
        w.freeSlots(),
        w.frozen(),
        w.trustTier());
  }
}
