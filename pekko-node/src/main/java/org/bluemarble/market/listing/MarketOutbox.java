package org.bluemarble.market.listing;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.saga.LegCourier;
import org.bluemarble.market.saga.MarketNotices;

/**
 * What a {@link Market} sends once its events are persisted, never from an event handler (so a
 * replay sends nothing): charge legs and owed legs to the holdings, re-sent on every tick and after
 * recovery until answered; the answers a flush gathered; and the notices of listings sold. Owned by
 * the actor.
 */
final class MarketOutbox {
  private final LegCourier<Market.Command> courier;
  private final MarketNotices notices;

  MarketOutbox(LegCourier<Market.Command> courier, MarketNotices notices) {
    this.courier = courier;
    this.notices = notices;
  }

  /** The holdings answered the leg {@code key}: stop re-sending it. */
  void answered(String key) {
    courier.answered(key);
  }

  /**
   * The buy operations a flush charges, read from the state before its events apply (once charged
   * an operation is gone from the state).
   */
  static List<MarketOp> buys(MarketBatch.Flush f, MarketState before) {
    return f.events().stream()
        .filter(Market.OpCharged.class::isInstance)
        .flatMap(e -> before.op(((Market.OpCharged) e).opId()).stream())
        .filter(op -> op.kind() == MarketOp.Kind.BUY)
        .toList();
  }

  /**
   * After flush {@code f} is written: tells the sellers of the listings {@code buys} sold, posts
   * the new operations' charges, re-sends what is owed when the flush settled anything, and answers
   * the requesters.
   */
  void flushed(MarketBatch.Flush f, List<MarketOp> buys, MarketState s) {
    for (MarketOp op : buys) {
      s.board()
          .find(op.listingId())
          .filter(l -> l.status() == ListingStatus.SOLD && op.player().equals(l.buyer()))
          .ifPresent(
              l ->
                  notices.listingSold(
                      l.seller(),
                      l.id(),
                      l.quantity() + " x " + l.itemId() + " for " + l.price(),
                      op.at()));
    }
    f.started().forEach(op -> courier.send(op.charge()));
    if (f.events().stream().anyMatch(e -> !(e instanceof Market.OpStarted))) {
      resend(s);
    }
    for (MarketBatch.Outcome o : f.outcomes()) {
      tell(o.replyTo(), o.refusal() != null ? o.refusal() : s.reply(o.listingId()));
    }
  }

  /** Posts every charge still unanswered and every leg still owed. */
  void resend(MarketState state) {
    for (MarketOp op : state.ops()) {
      if (op.charge() != null) {
        courier.send(op.charge());
      }
    }
    for (Leg leg : state.pendingLegs()) {
      courier.send(leg);
    }
  }

  private static void tell(ActorRef<MarketReply> replyTo, MarketReply reply) {
    if (replyTo != null) {
      replyTo.tell(reply);
    }
  }
}
