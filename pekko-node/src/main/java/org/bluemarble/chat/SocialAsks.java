package org.bluemarble.chat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.bluemarble.social.Guild;
import org.bluemarble.social.Party;
import org.bluemarble.social.SocialList;
import org.bluemarble.tracing.TraceMdc;

/**
 * How one player's {@link PresenceSocial} talks to the sharded social entities: asks to its own
 * {@link SocialList}, a {@link Guild} or a {@link Party} (refused at once when the player is in
 * none), each waiting at most {@link #PATIENCE}, and group changes told to other players' lists.
 */
final class SocialAsks {
  static final Duration PATIENCE = Duration.ofSeconds(10);

  private final ActorSystem<?> system;
  private final String playerId;

  SocialAsks(ActorSystem<?> system, String playerId) {
    this.system = system;
    this.playerId = playerId;
  }

  void setGroup(String who, SocialList.Group group, String id, boolean member) {
    ClusterSharding.get(system)
        .entityRefFor(SocialList.ENTITY_KEY, who)
        .tell(new SocialList.SetGroup(group, id, member, system.ignoreRef()));
  }

  CompletionStage<Guild.Reply> inGuild(
      String tag, Function<ActorRef<Guild.Reply>, Guild.Command> f) {
    if (tag.isEmpty()) {
      return CompletableFuture.completedFuture(new Guild.Rejected("you are not in a guild"));
    }
    return guild(tag, f);
  }

  CompletionStage<Guild.Reply> guild(String tag, Function<ActorRef<Guild.Reply>, Guild.Command> f) {
    return ask(Guild.ENTITY_KEY, tag, f);
  }

  CompletionStage<Party.Reply> inParty(
      String id, Function<ActorRef<Party.Reply>, Party.Command> f) {
    if (id.isEmpty()) {
      return CompletableFuture.completedFuture(new Party.Rejected("you are not in a party", false));
    }
    return party(id, f);
  }

  CompletionStage<Party.Reply> party(String id, Function<ActorRef<Party.Reply>, Party.Command> f) {
    return ask(Party.ENTITY_KEY, id, f);
  }

  CompletionStage<SocialList.Reply> mine(
      Function<ActorRef<SocialList.Reply>, SocialList.Command> f) {
    return ask(SocialList.ENTITY_KEY, playerId, f);
  }

  /**
   * Asks entity {@code id} of {@code key}; a guild, party or social list command asked under a
   * trace (the presence handles the session's social action with its trace id in the MDC) goes
   * wrapped with that trace, so the entity's log lines carry it.
   */
  <M, R> CompletionStage<R> ask(EntityTypeKey<M> key, String id, Function<ActorRef<R>, M> f) {
    String trace = TraceMdc.inMdc();
    return ClusterSharding.get(system)
        .entityRefFor(key, id)
        .ask(r -> underTrace(f.apply(r), trace), PATIENCE);
  }

  /** {@code command} wrapped with {@code trace} when it has one and the entity unwraps it. */
  @SuppressWarnings("unchecked")
  static <M> M underTrace(M command, String trace) {
    if (trace == null) {
      return command;
    }
    if (command instanceof Guild.Command g) {
      return (M) new Guild.UnderTrace(g, trace);
    }
    if (command instanceof Party.Command p) {
      return (M) new Party.UnderTrace(p, trace);
    }
    if (command instanceof SocialList.Command l) {
      return (M) new SocialList.UnderTrace(l, trace);
    }
    return command;
  }
}
