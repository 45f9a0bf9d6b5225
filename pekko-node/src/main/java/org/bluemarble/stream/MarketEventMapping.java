package org.bluemarble.stream;

import static org.bluemarble.stream.ProtoValues.leg;
import static org.bluemarble.stream.ProtoValues.ms;
import static org.bluemarble.stream.ProtoValues.refusal;
import static org.bluemarble.stream.ProtoValues.str;

import java.util.List;
import org.bluemarble.market.exchange.AuctionHouse;
import org.bluemarble.market.exchange.AuctionTerms;
import org.bluemarble.market.exchange.OrderBookEntity;
import org.bluemarble.market.listing.Market;
import org.bluemarble.market.listing.MarketOp;
import org.bluemarble.protocol.events.v1.AuctionLegSettled;
import org.bluemarble.protocol.events.v1.AuctionOpened;
import org.bluemarble.protocol.events.v1.AuctionRejected;
import org.bluemarble.protocol.events.v1.AuctionSettled;
import org.bluemarble.protocol.events.v1.AuctionSubmitted;
import org.bluemarble.protocol.events.v1.BidAccepted;
import org.bluemarble.protocol.events.v1.BidFailed;
import org.bluemarble.protocol.events.v1.BidSubmitted;
import org.bluemarble.protocol.events.v1.EconomyEvent;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.bluemarble.protocol.events.v1.MarketLegsSettled;
import org.bluemarble.protocol.events.v1.MarketListingCancelled;
import org.bluemarble.protocol.events.v1.MarketListingsExpired;
import org.bluemarble.protocol.events.v1.MarketOpCharged;
import org.bluemarble.protocol.events.v1.MarketOpFailed;
import org.bluemarble.protocol.events.v1.MarketOpStarted;
import org.bluemarble.protocol.events.v1.OrderAccepted;
import org.bluemarble.protocol.events.v1.OrderBookLegSettled;
import org.bluemarble.protocol.events.v1.OrderCancelled;
import org.bluemarble.protocol.events.v1.OrderRejected;
import org.bluemarble.protocol.events.v1.OrderSubmitted;

/** The places of exchange: markets (listings), order books and auction houses. */
final class MarketEventMapping implements EventMapping {
  @Override
  public Domain domain() {
    return Domain.ECONOMY;
  }

  @Override
  public List<Class<?>> eventTypes() {
    return List.of(Market.Event.class, OrderBookEntity.Event.class, AuctionHouse.Event.class);
  }

  @Override
  public void map(Object event, EventEnvelope.Builder into) {
    EconomyEvent.Builder b = EconomyEvent.newBuilder();
    if (event instanceof Market.Event e) {
      market(e, b);
    } else if (event instanceof OrderBookEntity.Event e) {
      book(e, b);
    } else if (event instanceof AuctionHouse.Event e) {
      auction(e, b);
    } else {
      throw ProtoValues.unknown(event);
    }
    into.setEconomy(b);
  }

  private static void market(Market.Event event, EconomyEvent.Builder b) {
    if (event instanceof Market.OpStarted e) {
      MarketOp op = e.op();
      MarketOpStarted.Builder m =
          MarketOpStarted.newBuilder()
              .setMarketId(str(e.marketId()))
              .setOpId(str(op.opId()))
              .setOpKind(str(op.kind()))
              .setListingId(str(op.listingId()))
              .setPlayer(str(op.player()))
              .setItemId(str(op.itemId()))
              .setQuantity(op.quantity())
              .setPrice(op.price())
              .setDurationDays(op.durationDays())
              .setTier(str(op.tier()))
              .setAtMs(ms(op.at()));
      if (op.charge() != null) {
        m.setCharge(leg(op.charge()));
      }
      b.setMarketOpStarted(m);
    } else if (event instanceof Market.OpCharged e) {
      b.setMarketOpCharged(
          MarketOpCharged.newBuilder()
              .setMarketId(str(e.marketId()))
              .setOpId(str(e.opId()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof Market.OpFailed e) {
      MarketOpFailed.Builder m =
          MarketOpFailed.newBuilder()
              .setMarketId(str(e.marketId()))
              .setOpId(str(e.opId()))
              .setRefusal(refusal(e.error(), e.message()));
      if (e.refund() != null) {
        m.setRefund(leg(e.refund()));
      }
      b.setMarketOpFailed(m);
    } else if (event instanceof Market.ListingCancelled e) {
      b.setMarketListingCancelled(
          MarketListingCancelled.newBuilder()
              .setMarketId(str(e.marketId()))
              .setListingId(str(e.listingId()))
              .setSeller(str(e.seller()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof Market.ListingsExpired e) {
      b.setMarketListingsExpired(
          MarketListingsExpired.newBuilder().setMarketId(str(e.marketId())).setAtMs(ms(e.at())));
    } else if (event instanceof Market.LegsSettled e) {
      b.setMarketLegsSettled(
          MarketLegsSettled.newBuilder().setMarketId(str(e.marketId())).addAllKeys(e.keys()));
    } else {
      throw ProtoValues.unknown(event);
    }
  }

  private static void book(OrderBookEntity.Event event, EconomyEvent.Builder b) {
    if (event instanceof OrderBookEntity.OrderSubmitted e) {
      OrderSubmitted.Builder m =
          OrderSubmitted.newBuilder()
              .setBookId(str(e.bookId()))
              .setOrderId(str(e.order().id()))
              .setOwner(str(e.order().owner()))
              .setSide(str(e.order().side()))
              .setLimitPrice(e.order().limitPrice())
              .setQuantity(e.order().quantity())
              .setAtMs(ms(e.at()));
      if (e.charge() != null) {
        m.setCharge(leg(e.charge()));
      }
      b.setOrderSubmitted(m);
    } else if (event instanceof OrderBookEntity.OrderAccepted e) {
      b.setOrderAccepted(
          OrderAccepted.newBuilder()
              .setBookId(str(e.bookId()))
              .setOrderId(str(e.orderId()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof OrderBookEntity.OrderRejected e) {
      b.setOrderRejected(
          OrderRejected.newBuilder()
              .setBookId(str(e.bookId()))
              .setOrderId(str(e.orderId()))
              .setRefusal(refusal(e.error(), e.message())));
    } else if (event instanceof OrderBookEntity.OrderCancelled e) {
      b.setOrderCancelled(
          OrderCancelled.newBuilder()
              .setBookId(str(e.bookId()))
              .setOrderId(str(e.orderId()))
              .setOwner(str(e.owner()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof OrderBookEntity.LegSettled e) {
      b.setOrderBookLegSettled(
          OrderBookLegSettled.newBuilder().setBookId(str(e.bookId())).setKey(str(e.key())));
    } else {
      throw ProtoValues.unknown(event);
    }
  }

  private static void auction(AuctionHouse.Event event, EconomyEvent.Builder b) {
    if (event instanceof AuctionHouse.AuctionSubmitted e) {
      AuctionTerms t = e.terms();
      AuctionSubmitted.Builder m =
          AuctionSubmitted.newBuilder()
              .setMarket(str(e.market()))
              .setAuctionId(str(t.auctionId()))
              .setSeller(str(t.seller()))
              .setItemId(str(t.itemId()))
              .setQuantity(t.quantity())
              .setStartPrice(t.startPrice())
              .setMinIncrement(t.minIncrement())
              .setReservePrice(t.reservePrice())
              .setBuyoutPrice(t.buyoutPrice())
              .setEndsAtMs(ms(t.endsAt()))
              .setAtMs(ms(e.at()));
      if (e.charge() != null) {
        m.setCharge(leg(e.charge()));
      }
      b.setAuctionSubmitted(m);
    } else if (event instanceof AuctionHouse.AuctionOpened e) {
      b.setAuctionOpened(
          AuctionOpened.newBuilder()
              .setMarket(str(e.market()))
              .setAuctionId(str(e.auctionId()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof AuctionHouse.AuctionRejected e) {
      b.setAuctionRejected(
          AuctionRejected.newBuilder()
              .setMarket(str(e.market()))
              .setAuctionId(str(e.auctionId()))
              .setRefusal(refusal(e.error(), e.message())));
    } else if (event instanceof AuctionHouse.BidSubmitted e) {
      BidSubmitted.Builder m =
          BidSubmitted.newBuilder()
              .setMarket(str(e.market()))
              .setBidId(str(e.bidId()))
              .setAuctionId(str(e.auctionId()))
              .setBidder(str(e.bidder()))
              .setAmount(e.amount())
              .setAtMs(ms(e.at()));
      if (e.charge() != null) {
        m.setCharge(leg(e.charge()));
      }
      b.setBidSubmitted(m);
    } else if (event instanceof AuctionHouse.BidAccepted e) {
      b.setBidAccepted(
          BidAccepted.newBuilder()
              .setMarket(str(e.market()))
              .setBidId(str(e.bidId()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof AuctionHouse.BidFailed e) {
      BidFailed.Builder m =
          BidFailed.newBuilder()
              .setMarket(str(e.market()))
              .setBidId(str(e.bidId()))
              .setRefusal(refusal(e.error(), e.message()));
      if (e.refund() != null) {
        m.setRefund(leg(e.refund()));
      }
      b.setBidFailed(m);
    } else if (event instanceof AuctionHouse.AuctionSettled e) {
      b.setAuctionSettled(
          AuctionSettled.newBuilder()
              .setMarket(str(e.market()))
              .setAuctionId(str(e.auctionId()))
              .setAtMs(ms(e.at())));
    } else if (event instanceof AuctionHouse.LegSettled e) {
      b.setAuctionLegSettled(
          AuctionLegSettled.newBuilder().setMarket(str(e.market())).setKey(str(e.key())));
    } else {
      throw ProtoValues.unknown(event);
    }
  }
}
