package org.bluemarble.market.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;
import org.bluemarble.market.listing.MarketReply.MarketRefused;
import org.bluemarble.market.saga.RepeatCheck;

/**
 * What a {@link Market} gathers between two journal writes so that one write carries many
 * operations (group commit per market): operations started but not yet persisted (their listings
 * count as reserved), charge answers and acknowledged legs. Nothing here is acknowledged to anyone
 * before it is persisted. Losing the batch in a crash is harmless: an unpersisted start was never
 * answered nor charged, and the holdings' answers are final, so re-posting the persisted charges
 * and owed legs after recovery gets the same answers again. Mutable, owned by the actor.
 */
final class MarketBatch {
  /** A reply to send once the batch's events are persisted; {@code refusal} null = the listing. */
  record Outcome(ActorRef<MarketReply> replyTo, String listingId, MarketRefused refusal) {}

  /** The events of one flush, what to post after it and whom to answer. */
  record Flush(List<Market.Event> events, List<MarketOp> started, List<Outcome> outcomes) {}

  private final String marketId;
  private final List<MarketOp> starting = new ArrayList<>();
  private final Set<String> reserved = new HashSet<>();
  private final Map<String, LegReply> answers = new LinkedHashMap<>();
  private final Set<String> settled = new HashSet<>();
  private final Map<String, ActorRef<MarketReply>> waiting = new HashMap<>();

  /** Repeats of a keyed request, answered with the first request's outcome (by op id). */
  private final Map<String, List<ActorRef<MarketReply>>> followers = new HashMap<>();

  MarketBatch(String marketId) {
    this.marketId = marketId;
  }

  /** Whether an unpersisted operation holds {@code listingId}. */
  boolean reserves(String listingId) {
    return reserved.contains(listingId);
  }

  /** Throws {@link #busy} while an operation on {@code listingId} waits for the next flush. */
  void requireFree(String listingId, MarketError error) {
    if (reserves(listingId)) {
      throw busy(listingId, error);
    }
  }

  boolean isEmpty() {
    return starting.isEmpty() && answers.isEmpty() && settled.isEmpty();
  }

  /** How many openings of {@code seller} wait for the next flush. */
  int openingsOf(String seller) {
    int n = 0;
    for (MarketOp op : starting) {
      if (op.kind() == MarketOp.Kind.OPEN && op.player().equals(seller)) {
        n++;
      }
    }
    return n;
  }

  void start(MarketOp op, ActorRef<MarketReply> replyTo) {
    starting.add(op);
    reserved.add(op.listingId());
    waiting.put(op.opId(), replyTo);
  }

  /** The OPEN operation gathered but not yet persisted for {@code listingId}, if any. */
  Optional<MarketOp> startingOpen(String listingId) {
    return starting.stream()
        .filter(op -> op.kind() == MarketOp.Kind.OPEN && op.listingId().equals(listingId))
        .findFirst();
  }

  /** Answers {@code replyTo} like the request that started {@code opId}, once it is settled. */
  void follow(String opId, ActorRef<MarketReply> replyTo) {
    followers.computeIfAbsent(opId, k -> new ArrayList<>()).add(replyTo);
  }

  private static final RepeatCheck REPEATS =
      new RepeatCheck(
          "listing",
          "opened",
          "a different body (seller, market, item, quantity, price or duration)");

  /**
   * Answers {@code cmd} if it repeats an opening (a listing id already taken, from a retry with the
   * same idempotency key, {@link org.bluemarble.market.saga.IdempotentIds#listing}): by joining the
   * operation still under way (its requester is told its outcome when it settles), or at once with
   * the listing it created. A refused opening leaves nothing behind, so its repeat is simply tried
   * again (it charged nothing either time).
   *
   * @return true when {@code cmd} was a repeat and is taken care of; false when its id is new
   * @throws MarketException IDEMPOTENCY_KEY_REUSED when the id was used for a different request
   */
  boolean answeredRepeat(MarketState state, Market.OpenListing cmd) {
    Optional<MarketOp> running = startingOpen(cmd.listingId());
    if (running.isEmpty()) {
      for (MarketOp op : state.ops()) {
        if (op.kind() == MarketOp.Kind.OPEN && op.listingId().equals(cmd.listingId())) {
          running = Optional.of(op);
        }
      }
    }
    Optional<MarketOp> joined =
        REPEATS.earlier(
            cmd.listingId(),
            running,
            op ->
                op.player().equals(cmd.seller())
                    && op.itemId().equals(cmd.itemId())
                    && op.quantity() == cmd.quantity()
                    && op.price() == cmd.price()
                    && op.durationDays() == cmd.durationDays());
    if (joined.isPresent()) {
      follow(joined.get().opId(), cmd.replyTo());
      return true;
    }
    Optional<Listing> listed =
        REPEATS.earlier(
            cmd.listingId(),
            state.board().find(cmd.listingId()),
            l ->
                l.seller().equals(cmd.seller())
                    && l.itemId().equals(cmd.itemId())
                    && l.quantity() == cmd.quantity()
                    && l.price() == cmd.price()
                    && Duration.between(l.createdAt(), l.expiresAt()).toDays()
                        == cmd.durationDays());
    listed.ifPresent(l -> cmd.replyTo().tell(new MarketReply.ListingDone(l)));
    return listed.isPresent();
  }

  /**
   * Gathers the holdings' answer to leg {@code reply.key()}: a charge of an open operation (keys
   * {@code chargePrefix + opId}), or the acknowledgement of a leg the market owes. A refund's key
   * extends its charge's key: only an open operation's own key is a charge.
   */
  void answered(MarketState state, LegReply reply, String chargePrefix) {
    String key = reply.key();
    String opId = key.startsWith(chargePrefix) ? key.substring(chargePrefix.length()) : "";
    if (state.op(opId).isPresent()) {
      chargeAnswered(opId, reply);
    } else if (reply instanceof LegReply.LegDone && state.pendingLeg(key).isPresent()) {
      legDone(key);
    }
  }

  private void chargeAnswered(String opId, LegReply reply) {
    answers.put(opId, reply);
  }

  private void legDone(String key) {
    settled.add(key);
  }

  /**
   * Drains what is ready into events. At most one OPEN per seller is settled per flush: the tier
   * limits are checked against the state before the flush's events apply, so two openings of one
   * seller would otherwise be checked against the same count; the second waits for the next flush.
   */
  Flush drain(MarketState state, Instant now) {
    List<Market.Event> events = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    List<MarketOp> started = List.copyOf(starting);
    for (MarketOp op : started) {
      events.add(new Market.OpStarted(marketId, op));
    }
    starting.clear();
    reserved.clear();
    Set<String> openingSellers = new HashSet<>();
    for (Iterator<Map.Entry<String, LegReply>> it = answers.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, LegReply> answer = it.next();
      MarketOp op = state.op(answer.getKey()).orElse(null);
      if (op != null
          && op.kind() == MarketOp.Kind.OPEN
          && answer.getValue() instanceof LegReply.LegDone
          && !openingSellers.add(op.player())) {
        continue;
      }
      it.remove();
      if (op != null) {
        settle(state, op, answer.getValue(), now, events, outcomes);
      }
    }
    List<String> keys = settled.stream().filter(k -> state.pendingLeg(k).isPresent()).toList();
    settled.clear();
    if (!keys.isEmpty()) {
      events.add(new Market.LegsSettled(marketId, keys));
    }
    return new Flush(events, started, outcomes);
  }

  private void settle(
      MarketState state,
      MarketOp op,
      LegReply reply,
      Instant now,
      List<Market.Event> events,
      List<Outcome> outcomes) {
    List<ActorRef<MarketReply>> recipients = new ArrayList<>();
    recipients.add(waiting.remove(op.opId()));
    recipients.addAll(followers.getOrDefault(op.opId(), List.of()));
    followers.remove(op.opId());
    if (reply instanceof LegReply.LegRefused r) {
      events.add(new Market.OpFailed(marketId, op.opId(), r.error(), r.message(), null));
      answer(recipients, outcomes, null, new MarketRefused(r.error(), r.message()));
      return;
    }
    if (op.kind() == MarketOp.Kind.OPEN) {
      try {
        state.board().checkCreate(state.newListing(op), MarketState.ANY_FUNDS, Long.MAX_VALUE);
      } catch (MarketException e) {
        Leg c = op.charge();
        Leg refund = Leg.in(c.key() + ":refund", c.playerId(), c.copper(), c.items());
        events.add(new Market.OpFailed(marketId, op.opId(), e.error(), e.getMessage(), refund));
        answer(recipients, outcomes, null, new MarketRefused(e.error(), e.getMessage()));
        return;
      }
    }
    events.add(new Market.OpCharged(marketId, op.opId(), now));
    answer(recipients, outcomes, op.listingId(), null);
  }

  private static void answer(
      List<ActorRef<MarketReply>> recipients,
      List<Outcome> outcomes,
      String listingId,
      MarketRefused refusal) {
    for (ActorRef<MarketReply> r : recipients) {
      outcomes.add(new Outcome(r, listingId, refusal));
    }
  }

  /** The refusal for a command on a listing an unpersisted operation holds. */
  static MarketException busy(String listingId, MarketError error) {
    return new MarketException(error, "listing " + listingId + " is busy with another operation");
  }
}
