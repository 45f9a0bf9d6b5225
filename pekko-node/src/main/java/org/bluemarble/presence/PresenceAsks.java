package org.bluemarble.presence;

import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.japi.function.Function2;
import org.bluemarble.account.Account;
import org.bluemarble.player.Player;
import org.bluemarble.zone.ZoneCell;

/**
 * The asks a {@link PresenceActor} makes of the sharded entities it needs (its account, its player,
 * its zone cell); each answer, or the failure, comes back to the actor as a message.
 */
final class PresenceAsks {
  private final ActorContext<PresenceActor.Command> ctx;
  private final ClusterSharding sharding;
  private final Duration askTimeout;
  private final Duration reentryTimeout;
  private Duration timeout;

  /**
   * {@code reentryTimeout}: the shorter wait of a watchdog re-entry's asks (see {@link
   * #reentering}).
   */
  PresenceAsks(ActorContext<PresenceActor.Command> ctx, Duration timeout, Duration reentryTimeout) {
    this.ctx = ctx;
    this.sharding = ClusterSharding.get(ctx.getSystem());
    this.askTimeout = timeout;
    this.reentryTimeout = reentryTimeout.compareTo(timeout) < 0 ? reentryTimeout : timeout;
    this.timeout = timeout;
  }

  /**
   * While a watchdog re-entry runs, asks wait only the re-entry timeout: during a failover an ask
   * sent before sharding re-homed the dead node's shards is lost on the way to it, and waiting the
   * full ask timeout for it would hold the player out of the world that long after the re-homing.
   */
  void reentering(boolean on) {
    timeout = on ? reentryTimeout : askTimeout;
  }

  void account(
      String accountId, Function2<Account.Reply, Throwable, PresenceActor.Command> answer) {
    ctx.ask(
        Account.Reply.class,
        sharding.entityRefFor(Account.ENTITY_KEY, accountId),
        timeout,
        Account.GetAccount::new,
        answer);
  }

  void profile(String playerId, Function2<Player.Reply, Throwable, PresenceActor.Command> answer) {
    ctx.ask(
        Player.Reply.class,
        sharding.entityRefFor(Player.ENTITY_KEY, playerId),
        timeout,
        Player.GetProfile::new,
        answer);
  }

  void cell(
      String cellId,
      Function<ActorRef<ZoneCell.Reply>, ZoneCell.Command> command,
      Function2<ZoneCell.Reply, Throwable, PresenceActor.Command> answer) {
    ctx.ask(
        ZoneCell.Reply.class,
        sharding.entityRefFor(ZoneCell.ENTITY_KEY, cellId),
        timeout,
        command,
        answer);
  }

  /** Tells the cell without waiting for an answer. */
  void tellCell(String cellId, ZoneCell.Command command) {
    sharding.entityRefFor(ZoneCell.ENTITY_KEY, cellId).tell(command);
  }

  /** The lease client of {@code playerId} for this actor. */
  LeaseHolder lease(String playerId) {
    return new LeaseHolder(sharding, playerId, ctx.getSelf());
  }
}
