package org.bluemarble.market.node;

import java.util.ArrayList;
import java.util.List;
import org.bluemarble.edge.port.MarketPort.EconomyStatus;
import org.bluemarble.edge.port.MarketPort.LedgerInfo;
import org.bluemarble.edge.port.MarketPort.LedgerLine;
import org.bluemarble.edge.port.MarketPort.ListingInfo;
import org.bluemarble.edge.port.MarketPort.PriceInfo;
import org.bluemarble.edge.port.MarketPort.SaleInfo;
import org.bluemarble.edge.port.MarketPort.Stack;
import org.bluemarble.edge.port.MarketPort.TradeInfo;
import org.bluemarble.edge.port.MarketPort.WalletInfo;
import org.bluemarble.edge.port.MarketRefusal;
import org.bluemarble.market.LedgerReport;
import org.bluemarble.market.PriceSummary;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.listing.Listing;
import org.bluemarble.market.listing.MarketReply;
import org.bluemarble.market.listing.Sale;
import org.bluemarble.market.trade.TradeReply;
import org.bluemarble.market.trade.TradeView;
import org.bluemarble.market.treasury.TreasuryStatus;

/**
 * The entities' replies as {@link org.bluemarble.edge.port.MarketPort} records, for {@link
 * NodeMarketPort}: a refused reply becomes a thrown {@link MarketRefusal} with the {@code
 * MarketError} name as its code.
 */
final class MarketPortRecords {
  private MarketPortRecords() {}

  static SaleInfo saleInfo(Sale s) {
    return new SaleInfo(
        s.listingId(),
        s.marketId(),
        s.seller(),
        s.buyer(),
        s.itemId(),
        s.quantity(),
        s.price(),
        s.fee(),
        s.at());
  }

  /** One price line per market, {@code summaries} in the order of {@code markets}. */
  static List<PriceInfo> prices(String itemId, List<String> markets, List<PriceSummary> summaries) {
    List<PriceInfo> out = new ArrayList<>();
    for (int i = 0; i < summaries.size(); i++) {
      PriceSummary p = summaries.get(i);
      out.add(
          new PriceInfo(
              markets.get(i),
              itemId,
              p.lastPrice(),
              p.averagePrice(),
              p.minPrice(),
              p.maxPrice(),
              p.volume(),
              p.trades()));
    }
    return out;
  }

  static List<ItemStack> stacks(List<Stack> items) {
    return items.stream().map(s -> new ItemStack(s.itemId(), s.quantity())).toList();
  }

  static ListingInfo listingOrThrow(MarketReply reply) {
    if (reply instanceof MarketReply.MarketRefused r) {
      throw new MarketRefusal(r.error().name(), r.message());
    }
    return info(((MarketReply.ListingDone) reply).listing());
  }

  static ListingInfo info(Listing l) {
    return new ListingInfo(
        l.id(),
        l.id().substring(0, l.id().indexOf('.')),
        l.seller(),
        l.itemId(),
        l.quantity(),
        l.price(),
        l.createdAt(),
        l.expiresAt(),
        l.status().name(),
        l.buyer());
  }

  static TradeInfo tradeOrThrow(TradeReply reply) {
    if (reply instanceof TradeReply.TradeRefused r) {
      throw new MarketRefusal(r.error().name(), r.message());
    }
    TradeView t = ((TradeReply.TradeDone) reply).trade();
    if (t.first() == null) {
      throw new MarketRefusal("NOT_FOUND", "no trade " + t.tradeId());
    }
    return new TradeInfo(
        t.tradeId(),
        t.first(),
        t.second(),
        t.firstOffer().money(),
        t.firstOffer().items().stream().map(s -> new Stack(s.itemId(), s.quantity())).toList(),
        t.secondOffer().money(),
        t.secondOffer().items().stream().map(s -> new Stack(s.itemId(), s.quantity())).toList(),
        t.version(),
        t.firstConfirmed(),
        t.secondConfirmed(),
        t.status(),
        t.failure());
  }

  /** {@code h} as a wallet; a player without a tier of its own shows {@code defaultTier}. */
  static WalletInfo wallet(HoldingsView h, String defaultTier) {
    return new WalletInfo(
        h.playerId(),
        h.copper(),
        h.honor(),
        h.items(),
        h.freeSlots(),
        h.frozen(),
        h.frozenReason(),
        h.recentLegs().stream()
            .map(
                l ->
                    new LedgerLine(
                        l.key(),
                        l.direction(),
                        l.copper(),
                        l.honor(),
                        l.items().stream().map(s -> new Stack(s.itemId(), s.quantity())).toList(),
                        l.at()))
            .toList(),
        h.trustTier() == null ? defaultTier : h.trustTier());
  }

  static EconomyStatus status(TreasuryStatus s) {
    return new EconomyStatus(s.readOnly(), s.readOnlyReason(), s.mintedCopper());
  }

  static LedgerInfo ledger(LedgerReport r) {
    return new LedgerInfo(
        r.minted(),
        r.burned(),
        r.players(),
        r.marketEscrow(),
        r.marketFees(),
        r.tradeEscrow(),
        r.undeliveredMints(),
        r.holdingsChecked(),
        r.inFlight(),
        r.balanced(),
        r.items(),
        r.itemsMinted());
  }
}
