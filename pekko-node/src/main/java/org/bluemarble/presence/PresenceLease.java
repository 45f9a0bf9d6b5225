package org.bluemarble.presence;

import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.bluemarble.node.CborSerializable;

/**
 * Keeps a player's presence unique in the whole cluster: a sharded, non-persistent entity per
 * player id that names the one {@link PresenceActor} (on whichever node) allowed to have the
 * character in the world. Use it before a presence enters a cell.
 *
 * <p>A first {@link Claim} from a new presence takes over: the holder is told {@link Superseded},
 * leaves its cell, ends its connection with REPLACED and answers {@link Release}; only then (or
 * when the holder stops, or after the release timeout when its node is unreachable) the claimant is
 * {@link Granted}. So the old character is out of its cell before the new one enters: never two.
 *
 * <p>The lease lives in memory only. Holders renew their claim on a timer, so after the entity
 * moves (rebalance, node loss) the state comes back with the next renewal; a renewal that finds
 * another holder loses (the lease saw a newer connection meanwhile). The entity never passivates
 * while it has a holder and passivates itself once it has none.
 */
public final class PresenceLease extends AbstractBehavior<PresenceLease.Command> {

  /** The sharded entity type; the entity id is the player id. */
  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "PresenceLease");

  /** Messages the lease handles. */
  public sealed interface Command extends CborSerializable
      permits Claim, Release, HolderStopped, ReleaseOverdue, Stop {}

  /**
   * A presence wants the player's lease.
   *
   * @param renewal true for the periodic renewal of a lease the presence was granted before (it
   *     never takes over), false for a new connection's first claim (it takes over)
   */
  public record Claim(ActorRef<PresenceActor.Command> presence, boolean renewal)
      implements Command {}

  /** The presence gives the lease up (left the world, or out of its cell after Superseded). */
  public record Release(ActorRef<PresenceActor.Command> presence) implements Command {}

  /** To a presence: it holds the lease and may enter the world. */
  public record Granted(String playerId) implements PresenceActor.Command, CborSerializable {}

  /** To a presence: another presence of the player took over; leave the world and release. */
  public record Superseded(String playerId, String reason)
      implements PresenceActor.Command, CborSerializable {}

  private record HolderStopped(ActorRef<PresenceActor.Command> presence) implements Command {}

  private enum ReleaseOverdue implements Command {
    INSTANCE
  }

  private enum Stop implements Command {
    INSTANCE
  }

  /** Registers the entity type on this node; {@code releaseTimeout} bounds a takeover's wait. */
  public static void init(ActorSystem<?> system, Duration releaseTimeout) {
    ClusterSharding.get(system)
        .init(
            Entity.of(
                    ENTITY_KEY,
                    ctx ->
                        Behaviors.<Command>setup(
                            c ->
                                Behaviors.withTimers(
                                    t ->
                                        new PresenceLease(
                                            c,
                                            t,
                                            ctx.getEntityId(),
                                            ctx.getShard(),
                                            releaseTimeout))))
                .withSettings(ClusterShardingSettings.create(system).withNoPassivationStrategy())
                .withStopMessage(Stop.INSTANCE));
  }

  private final TimerScheduler<Command> timers;
  private final String playerId;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final Duration releaseTimeout;
  private ActorRef<PresenceActor.Command> holder;
  private ActorRef<PresenceActor.Command> waiting;

  private PresenceLease(
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers,
      String playerId,
      ActorRef<ClusterSharding.ShardCommand> shard,
      Duration releaseTimeout) {
    super(ctx);
    this.timers = timers;
    this.playerId = playerId;
    this.shard = shard;
    this.releaseTimeout = releaseTimeout;
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Claim.class, this::onClaim)
        .onMessage(Release.class, r -> released(r.presence()))
        .onMessage(HolderStopped.class, s -> released(s.presence()))
        .onMessageEquals(ReleaseOverdue.INSTANCE, this::onReleaseOverdue)
        .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
        .build();
  }

  private Behavior<Command> onClaim(Claim c) {
    if (holder == null && waiting == null) {
      grant(c.presence());
    } else if (c.presence().equals(holder) || c.presence().equals(waiting)) {
      return this;
    } else if (c.renewal()) {
      c.presence().tell(new Superseded(playerId, "the player connected again elsewhere"));
    } else {
      if (waiting != null) {
        waiting.tell(new Superseded(playerId, "a newer connection of the player came first"));
      } else {
        timers.startSingleTimer(ReleaseOverdue.INSTANCE, releaseTimeout);
      }
      waiting = c.presence();
      if (holder == null) {
        grantWaiting();
      } else {
        holder.tell(new Superseded(playerId, "the player connected again elsewhere"));
      }
    }
    return this;
  }

  private Behavior<Command> released(ActorRef<PresenceActor.Command> presence) {
    if (presence.equals(waiting)) {
      waiting = null;
      timers.cancel(ReleaseOverdue.INSTANCE);
    }
    if (presence.equals(holder)) {
      getContext().unwatch(holder);
      holder = null;
      grantWaiting();
    }
    if (holder == null && waiting == null) {
      shard.tell(new ClusterSharding.Passivate<>(getContext().getSelf()));
    }
    return this;
  }

  private Behavior<Command> onReleaseOverdue() {
    if (holder != null && waiting != null) {
      getContext()
          .getLog()
          .warn(
              "presence {} of player {} did not release in {} ms: granting the newer one",
              holder,
              playerId,
              releaseTimeout.toMillis());
      getContext().unwatch(holder);
      holder = null;
      grantWaiting();
    }
    return this;
  }

  private void grantWaiting() {
    if (waiting != null) {
      ActorRef<PresenceActor.Command> next = waiting;
      waiting = null;
      timers.cancel(ReleaseOverdue.INSTANCE);
      grant(next);
    }
  }

  private void grant(ActorRef<PresenceActor.Command> presence) {
    holder = presence;
    getContext().watchWith(presence, new HolderStopped(presence));
    presence.tell(new Granted(playerId));
  }
}
