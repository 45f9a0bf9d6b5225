package org.bluemarble.market.saga;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.holdings.LegReply;

/**
 * Posts persisted {@link Leg}s of a saga to the players' {@link Holdings} and turns each answer
 * into a message to the coordinating entity. Answers come back through one message adapter of the
 * coordinator rather than an ask per leg: no temporary actor, no timeout task and no future hop per
 * leg, which the sagas' hot paths paid three to five times per operation. A leg counts as on its
 * way for {@code timeout}; a resend within that time is skipped (so a periodic resend does not
 * double the traffic), after it the leg is posted again — which is how a lost post or answer is
 * retried. The holdings' idempotency makes any duplicate harmless.
 */
public final class LegCourier<C> {
  private final ClusterSharding sharding;
  private final long timeoutNanos;
  private final ActorRef<LegReply> replies;
  private final Map<String, Long> inFlight = new HashMap<>();

  public LegCourier(ActorContext<C> context, Duration timeout, Function<LegReply, C> adapt) {
    this.sharding = ClusterSharding.get(context.getSystem());
    this.timeoutNanos = timeout.toNanos();
    this.replies = context.messageAdapter(LegReply.class, adapt::apply);
  }

  /** Posts {@code leg} unless it was posted less than the timeout ago and not answered yet. */
  public void send(Leg leg) {
    long now = System.nanoTime();
    Long sent = inFlight.get(leg.key());
    if (sent != null && now - sent < timeoutNanos) {
      return;
    }
    inFlight.put(leg.key(), now);
    sharding
        .entityRefFor(Holdings.ENTITY_KEY, leg.playerId())
        .tell(new Holdings.Post(leg, replies));
  }

  /** Marks {@code key} as answered, so the next resend may post it again. */
  public void answered(String key) {
    inFlight.remove(key);
  }
}
