package org.bluemarble.edge.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bluemarble.edge.port.ExchangePort;
import org.bluemarble.edge.port.MarketPort;
import org.bluemarble.protocol.v1.AuctionUpdate;
import org.bluemarble.protocol.v1.ItemAmount;
import org.bluemarble.protocol.v1.ListingInfo;
import org.bluemarble.protocol.v1.ListingPage;
import org.bluemarble.protocol.v1.ListingUpdate;
import org.bluemarble.protocol.v1.OrderUpdate;
import org.bluemarble.protocol.v1.TradeUpdate;
import org.bluemarble.protocol.v1.WalletUpdate;

/** The one place mapping the economy's port records to their protobuf messages. */
final class EconomyProto {
  private EconomyProto() {}

  static WalletUpdate wallet(MarketPort.WalletInfo w) {
    WalletUpdate.Builder b =
        WalletUpdate.newBuilder()
            .setCopper(w.copper())
            .setHonor(w.honor())
            .setFreeSlots(w.freeSlots())
            .setFrozen(w.frozen());
    for (Map.Entry<String, Integer> e : w.items().entrySet()) {
      b.addItems(item(e.getKey(), e.getValue()));
    }
    return b.build();
  }

  static ListingInfo listing(MarketPort.ListingInfo l) {
    return ListingInfo.newBuilder()
        .setListingId(l.id())
        .setSeller(l.seller())
        .setItem(item(l.itemId(), l.quantity()))
        .setPrice(l.price())
        .setStatus(l.status())
        .setExpiresAtMs(millis(l.expiresAt()))
        .build();
  }

  static ListingUpdate listingUpdate(MarketPort.ListingInfo l) {
    return ListingUpdate.newBuilder().setListing(listing(l)).build();
  }

  static ListingPage page(MarketPort.ListingPage p) {
    return ListingPage.newBuilder()
        .addAllListings(p.listings().stream().map(EconomyProto::listing).toList())
        .setTotal(p.total())
        .build();
  }

  static OrderUpdate order(ExchangePort.OrderInfo o) {
    return OrderUpdate.newBuilder()
        .setOrderId(o.orderId())
        .setItemId(o.itemId())
        .setSide(o.side())
        .setLimitPrice(o.limitPrice())
        .setQuantity(o.quantity())
        .setFilled(o.filled())
        .setStatus(o.status())
        .build();
  }

  static AuctionUpdate auction(ExchangePort.AuctionInfo a) {
    return AuctionUpdate.newBuilder()
        .setAuctionId(a.auctionId())
        .setItem(item(a.itemId(), a.quantity()))
        .setHighestBidder(a.highestBidder() == null ? "" : a.highestBidder())
        .setHighestBid(a.highestBid())
        .setEndsAtMs(millis(a.endsAt()))
        .setStatus(a.status())
        .build();
  }

  static TradeUpdate trade(MarketPort.TradeInfo t) {
    return TradeUpdate.newBuilder()
        .setTradeId(t.tradeId())
        .setFirst(t.first())
        .setSecond(t.second())
        .setFirstCopper(t.firstCopper())
        .addAllFirstItems(t.firstItems().stream().map(EconomyProto::item).toList())
        .setSecondCopper(t.secondCopper())
        .addAllSecondItems(t.secondItems().stream().map(EconomyProto::item).toList())
        .setVersion(t.version())
        .setFirstConfirmed(t.firstConfirmed())
        .setSecondConfirmed(t.secondConfirmed())
        .setStatus(t.status())
        .build();
  }

  static List<MarketPort.Stack> stacks(List<ItemAmount> items) {
    return items.stream()
        .map(i -> new MarketPort.Stack(i.getItemId(), Math.toIntExact(i.getQuantity())))
        .toList();
  }

  private static ItemAmount item(MarketPort.Stack s) {
    return item(s.itemId(), s.quantity());
  }

  private static ItemAmount item(String itemId, long quantity) {
    return ItemAmount.newBuilder()
        .setItemId(itemId)
        .setQuantity((int) Math.min(quantity, Integer.MAX_VALUE))
        .build();
  }

  private static long millis(Instant at) {
    return at == null ? 0 : at.toEpochMilli();
  }
}
