package org.bluemarble.edge.market;

import java.time.Instant;
import java.util.List;
import org.bluemarble.edge.market.MarketHttp.Amount;
import org.bluemarble.edge.port.ExchangePort;

/** The JSON shapes of the order book and auction routes: every sum as copper and g/s/c text. */
final class ExchangeViews {
  private ExchangeViews() {}

  record Order(
      String orderId,
      String market,
      String itemId,
      String side,
      Amount limitPrice,
      long quantity,
      long filled,
      long remaining,
      String status,
      String reason,
      Instant at) {}

  record Orders(List<Order> orders) {}

  record Level(Amount price, long quantity, int orders) {}

  record Depth(
      String market,
      String itemId,
      List<Level> bids,
      List<Level> asks,
      Amount lastPrice,
      Amount averagePrice,
      long volume,
      int trades) {}

  record Auction(
      String auctionId,
      String market,
      String seller,
      String itemId,
      long quantity,
      Amount startPrice,
      Amount minIncrement,
      Amount buyoutPrice,
      boolean reserveMet,
      String highestBidder,
      Amount highestBid,
      int bids,
      Instant endsAt,
      String status,
      String reason) {}

  record Auctions(List<Auction> auctions) {}

  static Order order(ExchangePort.OrderInfo o) {
    return new Order(
        o.orderId(),
        o.market(),
        o.itemId(),
        o.side(),
        Amount.of(o.limitPrice()),
        o.quantity(),
        o.filled(),
        o.remaining(),
        o.status(),
        o.reason(),
        o.at());
  }

  static Orders orders(List<ExchangePort.OrderInfo> orders) {
    return new Orders(orders.stream().map(ExchangeViews::order).toList());
  }

  static Depth depth(ExchangePort.DepthInfo d) {
    return new Depth(
        d.market(),
        d.itemId(),
        d.bids().stream().map(ExchangeViews::level).toList(),
        d.asks().stream().map(ExchangeViews::level).toList(),
        Amount.of(d.lastPrice()),
        Amount.of(d.averagePrice()),
        d.volume(),
        d.trades());
  }

  private static Level level(ExchangePort.LevelInfo l) {
    return new Level(Amount.of(l.price()), l.quantity(), l.orders());
  }

  static Auction auction(ExchangePort.AuctionInfo a) {
    return new Auction(
        a.auctionId(),
        a.market(),
        a.seller(),
        a.itemId(),
        a.quantity(),
        Amount.of(a.startPrice()),
        Amount.of(a.minIncrement()),
        Amount.of(a.buyoutPrice()),
        a.reserveMet(),
        a.highestBidder(),
        Amount.of(a.highestBid()),
        a.bids(),
        a.endsAt(),
        a.status(),
        a.reason());
  }

  static Auctions auctions(List<ExchangePort.AuctionInfo> auctions) {
    return new Auctions(auctions.stream().map(ExchangeViews::auction).toList());
  }
}
