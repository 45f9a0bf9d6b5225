package org.bluemarble.market.entity;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Posts persisted {@link Leg}s of a saga to the players' {@link Holdings} and turns each answer (or
 * a timeout, as {@code null}) into a message to the coordinating entity. Remembers which keys are
 * on their way so a periodic resend does not double the traffic; the holdings' idempotency makes
 * any duplicate harmless anyway.
 */
final class LegCourier<C> {
  private final ActorContext<C> context;
  private final ClusterSharding sharding;
  private final Duration timeout;
  private final Function<Answer, C> adapt;
  private final Set<String> inFlight = new HashSet<>();

  /** The answer to the leg {@code key}: {@code reply} is null when the holdings did not answer. */
  record Answer(String key, LegReply reply) {}

  LegCourier(ActorContext<C> context, Duration timeout, Function<Answer, C> adapt) {
    this.context = context;
    this.sharding = ClusterSharding.get(context.getSystem());
    this.timeout = timeout;
    this.adapt = adapt;
  }

  /** Posts {@code leg} unless it is already on its way. */
  void send(Leg leg) {
    if (!inFlight.add(leg.key())) {
      return;
    }
    context.ask(
        LegReply.class,
        sharding.entityRefFor(Holdings.ENTITY_KEY, leg.playerId()),
        timeout,
        replyTo -> new Holdings.Post(leg, replyTo),
        (reply, failure) -> adapt.apply(new Answer(leg.key(), reply)));
  }

  /** Marks {@code key} as answered, so the next resend may post it again. */
  void answered(String key) {
    inFlight.remove(key);
  }
}
