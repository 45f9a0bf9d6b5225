package org.bluemarble.social;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
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

/**
 * A guild: sharded by its tag (so the tag is unique: creating an existing guild is refused),
 * event-sourced. Ranks leader, officer, veteran, member, recruit with the permissions of {@link
 * GuildRules}; invite, join (accepting an invite), leave, kick, promote, demote, message of the
 * day; at most {@link GuildRules#MAX_MEMBERS} members. Every decision is made by {@link
 * GuildState#decide} before anything is persisted; a refusal says why and changes nothing.
 */
public final class Guild
    extends EventSourcedBehaviorWithEnforcedReplies<Guild.Command, Guild.Event, GuildState> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Guild");

  /** Registers the entity type with Cluster Sharding on this node; events are tagged by slice. */
  public static void init(ActorSystem<?> system, int slices) {
    ClusterSharding.get(system)
        .init(
            Entity.of(
                ENTITY_KEY,
                ctx ->
                    create(
                        ctx.getEntityId(),
                        EntityTags.tag(ENTITY_KEY.name(), ctx.getEntityId(), slices),
                        Clock.systemUTC())));
  }

  public static Behavior<Command> create(String tag, String eventTag, Clock clock) {
    return Behaviors.setup(ctx -> new Guild(tag, eventTag, clock));
  }

  // Commands

  /** Everything a Guild accepts. */
  public sealed interface Command extends CborSerializable
      permits Create, Invite, Join, Leave, Kick, Promote, Demote, SetMotd, Get {
    /** Where the answer goes. */
    ActorRef<Reply> replyTo();
  }

  /** Founds the guild (entity id = tag) with {@code leaderId} as its leader. */
  public record Create(String name, String leaderId, ActorRef<Reply> replyTo) implements Command {}

  /** {@code by} invites {@code playerId}. */
  public record Invite(String by, String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** An invited player accepts and joins as a recruit. */
  public record Join(String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** A member leaves (the leader only when alone, or after handing over). */
  public record Leave(String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** {@code by} removes {@code playerId}. */
  public record Kick(String by, String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** {@code by} raises {@code playerId} one rank. */
  public record Promote(String by, String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** {@code by} lowers {@code playerId} one rank. */
  public record Demote(String by, String playerId, ActorRef<Reply> replyTo) implements Command {}

  /** {@code by} sets the message of the day. */
  public record SetMotd(String by, String motd, ActorRef<Reply> replyTo) implements Command {}

  /** The guild as it stands. */
  public record Get(ActorRef<Reply> replyTo) implements Command {}

  // Replies

  /** What a Guild answers. */
  public sealed interface Reply extends CborSerializable permits Summary, Rejected {}

  /** The guild after the command; {@code tag} is null when it was never founded. */
  public record Summary(
      String tag, String name, Map<String, GuildRank> members, Set<String> invited, String motd)
      implements Reply {}

  /** Refused; nothing changed. */
  public record Rejected(String message) implements Reply {}

  // Events

  /** Facts of a guild, each carrying its tag. */
  public sealed interface Event extends CborSerializable
      permits GuildCreated,
          MemberInvited,
          MemberJoined,
          MemberLeft,
          MemberKicked,
          RankChanged,
          MotdSet {}

  public record GuildCreated(String tag, String name, String leaderId, Instant at)
      implements Event {}

  public record MemberInvited(String tag, String playerId, String by) implements Event {}

  public record MemberJoined(String tag, String playerId) implements Event {}

  public record MemberLeft(String tag, String playerId) implements Event {}

  public record MemberKicked(String tag, String playerId, String by) implements Event {}

  public record RankChanged(String tag, String playerId, GuildRank rank, String by)
      implements Event {}

  public record MotdSet(String tag, String motd, String by) implements Event {}

  private final String tag;
  private final String eventTag;
  private final Clock clock;

  private Guild(String tag, String eventTag, Clock clock) {
    super(PersistenceId.of(ENTITY_KEY.name(), tag));
    this.tag = tag;
    this.eventTag = eventTag;
    this.clock = clock;
  }

  @Override
  public GuildState emptyState() {
    return GuildState.EMPTY;
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
  public CommandHandlerWithReply<Command, Event, GuildState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s.summary()))
        .onAnyCommand(this::onCommand);
  }

  private ReplyEffect<Event, GuildState> onCommand(GuildState state, Command cmd) {
    GuildState.Decision d = state.decide(tag, cmd, clock.instant());
    if (d.refusal() != null) {
      return Effect().reply(cmd.replyTo(), new Rejected(d.refusal()));
    }
    return Effect().persist(d.events()).thenReply(cmd.replyTo(), GuildState::summary);
  }

  @Override
  public EventHandler<GuildState, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(GuildState::apply);
  }
}
