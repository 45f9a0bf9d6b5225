package org.bluemarble.social;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;
import org.bluemarble.tracing.SealedTypeIds;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.tracing.Traced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A party of up to {@link PartyState#MAX_MEMBERS} players: sharded by a random party id,
 * event-sourced, so it outlives the node that hosted it (sharding starts it on another node, which
 * replays its journal). Rules in {@link PartyState}.
 */
public final class Party
    extends EventSourcedBehaviorWithEnforcedReplies<Party.Command, Party.Event, PartyState> {

  private static final Logger LOG = LoggerFactory.getLogger(Party.class);

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Party");

  /** Registers the entity type with Cluster Sharding on this node; events are tagged by slice. */
  public static void init(ActorSystem<?> system, int slices) {
    ClusterSharding.get(system)
        .init(
            Entity.of(
                ENTITY_KEY,
                ctx ->
                    create(
                        ctx.getEntityId(),
                        EntityTags.tag(ENTITY_KEY.name(), ctx.getEntityId(), slices))));
  }

  public static Behavior<Command> create(String partyId, String eventTag) {
    return new Party(partyId, eventTag);
  }

  // Commands

  /** Everything a Party accepts. */
  public sealed interface Command extends CborSerializable
      permits Invite, Accept, Leave, Kick, SetLeader, Get, UnderTrace {
    ActorRef<Reply> replyTo();
  }

  /**
   * {@code command} sent under the W3C trace {@code traceId} (a player's session, see {@code
   * SocialAsks}): handled as {@code command}, with the trace id in the MDC of the entity's log
   * lines.
   */
  public record UnderTrace(
      @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "t")
          @JsonTypeIdResolver(SealedTypeIds.class)
          Command command,
      String traceId)
      implements Command, Traced {
    @Override
    public ActorRef<Reply> replyTo() {
      return command.replyTo();
    }
  }

  /** {@code by} invites {@code playerId}; the first invitation forms the party. */
  public record Invite(String by, String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** An invited player joins. */
  public record Accept(String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** A member leaves. */
  public record Leave(String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** The leader removes a member (or withdraws an invitation). */
  public record Kick(String by, String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** The leader hands over to a member. */
  public record SetLeader(String by, String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** The party as it stands. */
  public record Get(ActorRef<Reply> replyTo) implements Command {}

  // Replies

  /** What a Party answers. */
  public sealed interface Reply extends CborSerializable permits Summary, Rejected {}

  /**
   * The party after the command; {@code formed} false when it never was or has disbanded; {@code
   * removed} who left with this command (empty when nobody).
   */
  public record Summary(
      String partyId,
      boolean formed,
      String leader,
      List<String> members,
      Set<String> invited,
      String removed)
      implements Reply {}

  /** Refused; nothing changed. {@code permission}: the role lacked the right. */
  public record Rejected(String message, boolean permission) implements Reply {}

  // Events

  /** Facts of a party, each carrying its id. */
  public sealed interface Event extends CborSerializable
      permits PartyFormed, PlayerInvited, PlayerJoined, PlayerLeft, LeaderChanged, PartyDisbanded {}

  public record PartyFormed(String partyId, String leaderId) implements Event {}

  public record PlayerInvited(String partyId, String playerId, String by) implements Event {}

  public record PlayerJoined(String partyId, String playerId) implements Event {}

  /** {@code by} is the kicking leader, empty when the player left. */
  public record PlayerLeft(String partyId, String playerId, String by) implements Event {}

  public record LeaderChanged(String partyId, String leaderId) implements Event {}

  public record PartyDisbanded(String partyId) implements Event {}

  private final String partyId;
  private final String eventTag;

  private Party(String partyId, String eventTag) {
    super(PersistenceId.of(ENTITY_KEY.name(), partyId));
    this.partyId = partyId;
    this.eventTag = eventTag;
  }

  @Override
  public PartyState emptyState() {
    return PartyState.EMPTY;
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(eventTag);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(100, 2);
  }

  @Override
  public CommandHandlerWithReply<Command, Event, PartyState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(
            UnderTrace.class,
            (s, c) -> TraceMdc.handle(c, LOG, () -> commandHandler().apply(s, c.command())))
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), summary(s, "")))
        .onAnyCommand(this::onCommand);
  }

  private ReplyEffect<Event, PartyState> onCommand(PartyState state, Command cmd) {
    PartyState.Decision d = state.decide(partyId, cmd);
    if (d.refusal() != null) {
      return Effect().reply(cmd.replyTo(), new Rejected(d.refusal(), d.permission()));
    }
    String removed =
        d.events().stream()
            .filter(PlayerLeft.class::isInstance)
            .map(e -> ((PlayerLeft) e).playerId())
            .findFirst()
            .orElse("");
    return Effect().persist(d.events()).thenReply(cmd.replyTo(), s -> summary(s, removed));
  }

  private Summary summary(PartyState s, String removed) {
    return new Summary(partyId, s.formed(), s.leader(), s.members(), s.invited(), removed);
  }

  @Override
  public EventHandler<PartyState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(PartyState::apply);
  }
}
