package org.bluemarble.social;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import java.util.HashSet;
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
import org.bluemarble.tracing.SealedTypeIds;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.tracing.Traced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One player's friends, friend requests and ignore list: sharded by player id, event-sourced. A
 * request lands on the target's list (refused when the target ignores the requester); accepting it
 * makes both friends (the accepting list tells the requester's list); removing a friend removes it
 * on both sides; ignoring a player hides its chat lines and refuses its requests and drops any
 * friendship. At most {@link #MAX_ENTRIES} entries per list.
 */
public final class SocialList
    extends EventSourcedBehaviorWithEnforcedReplies<
        SocialList.Command, SocialList.Event, SocialList.State> {

  private static final Logger LOG = LoggerFactory.getLogger(SocialList.class);

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "SocialList");

  /** Friends, requests and ignored players each, at most. */
  public static final int MAX_ENTRIES = 200;

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

  public static Behavior<Command> create(String playerId, String eventTag) {
    return Behaviors.setup(
        ctx -> new SocialList(playerId, eventTag, ctx.getSystem(), ctx.getSystem().ignoreRef()));
  }

  // Commands

  /** Everything a SocialList accepts. */
  public sealed interface Command extends CborSerializable
      permits RequestFriend,
          AcceptFriend,
          RemoveFriend,
          Ignore,
          Unignore,
          Befriended,
          Unfriended,
          Get,
          SetGroup,
          UnderTrace {
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

  /** {@code from} asks this player to be friends. */
  public record RequestFriend(String from, ActorRef<Reply> replyTo) implements Command {}

  /** This player accepts the request of {@code from}. */
  public record AcceptFriend(String from, ActorRef<Reply> replyTo) implements Command {}

  /** This player ends the friendship with {@code other} (or declines its request). */
  public record RemoveFriend(String other, ActorRef<Reply> replyTo) implements Command {}

  /** This player ignores {@code other}. */
  public record Ignore(String other, ActorRef<Reply> replyTo) implements Command {}

  /** This player stops ignoring {@code other}. */
  public record Unignore(String other, ActorRef<Reply> replyTo) implements Command {}

  /** The other side of an accepted request: {@code other} is now a friend. */
  public record Befriended(String other, ActorRef<Reply> replyTo) implements Command {}

  /** The other side of a removal. */
  public record Unfriended(String other, ActorRef<Reply> replyTo) implements Command {}

  /** The lists as they stand. */
  public record Get(ActorRef<Reply> replyTo) implements Command {}

  /**
   * The player joined ({@code member}) or left guild or party {@code id}; leaving clears the
   * membership only while it still names {@code id} (a late message never clears a newer one).
   */
  public record SetGroup(Group group, String id, boolean member, ActorRef<Reply> replyTo)
      implements Command {}

  /** What a player belongs to, one of each at most. */
  public enum Group {
    GUILD,
    PARTY
  }

  // Replies

  /** What a SocialList answers. */
  public sealed interface Reply extends CborSerializable permits Summary, Rejected {}

  /** The lists after the command. */
  public record Summary(
      String playerId,
      Set<String> friends,
      Set<String> requests,
      Set<String> ignored,
      String guild,
      String party)
      implements Reply {
    /** The lists without memberships. */
    public Summary(
        String playerId, Set<String> friends, Set<String> requests, Set<String> ignored) {
      this(playerId, friends, requests, ignored, "", "");
    }
  }

  /** Refused; nothing changed. */
  public record Rejected(String message) implements Reply {}

  // Events

  /** Facts of one player's social lists, each carrying the player id. */
  public sealed interface Event extends CborSerializable
      permits FriendRequested,
          FriendAdded,
          FriendRemoved,
          PlayerIgnored,
          PlayerUnignored,
          GroupSet {}

  public record FriendRequested(String playerId, String from) implements Event {}

  public record FriendAdded(String playerId, String friend) implements Event {}

  public record FriendRemoved(String playerId, String other) implements Event {}

  public record PlayerIgnored(String playerId, String other) implements Event {}

  public record PlayerUnignored(String playerId, String other) implements Event {}

  /** The player's guild or party is now {@code id} (empty: none). */
  public record GroupSet(String playerId, Group group, String id) implements Event {}

  // State

  /** The lists. */
  public record State(
      Set<String> friends, Set<String> requests, Set<String> ignored, String guild, String party)
      implements CborSerializable {
    static final State EMPTY = new State(Set.of(), Set.of(), Set.of(), "", "");

    public State {
      friends = Set.copyOf(friends);
      requests = Set.copyOf(requests);
      ignored = Set.copyOf(ignored);
      guild = guild == null ? "" : guild;
      party = party == null ? "" : party;
    }

    State apply(Event e) {
      if (e instanceof GroupSet g) {
        return g.group() == Group.GUILD
            ? new State(friends, requests, ignored, g.id(), party)
            : new State(friends, requests, ignored, guild, g.id());
      }
      Set<String> f = new HashSet<>(friends);
      Set<String> r = new HashSet<>(requests);
      Set<String> i = new HashSet<>(ignored);
      if (e instanceof FriendRequested q) {
        r.add(q.from());
      } else if (e instanceof FriendAdded a) {
        r.remove(a.friend());
        f.add(a.friend());
      } else if (e instanceof FriendRemoved x) {
        r.remove(x.other());
        f.remove(x.other());
      } else if (e instanceof PlayerIgnored g) {
        i.add(g.other());
        f.remove(g.other());
        r.remove(g.other());
      } else if (e instanceof PlayerUnignored u) {
        i.remove(u.other());
      }
      return new State(f, r, i, guild, party);
    }
  }

  private final String playerId;
  private final String eventTag;
  private final ActorSystem<?> system;
  private final ActorRef<Reply> ignore;

  private SocialList(
      String playerId, String eventTag, ActorSystem<?> system, ActorRef<Reply> ignore) {
    super(PersistenceId.of(ENTITY_KEY.name(), playerId));
    this.playerId = playerId;
    this.eventTag = eventTag;
    this.system = system;
    this.ignore = ignore;
  }

  @Override
  public State emptyState() {
    return State.EMPTY;
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
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(
            UnderTrace.class,
            (s, c) -> TraceMdc.handle(c, LOG, () -> commandHandler().apply(s, c.command())))
        .onCommand(RequestFriend.class, this::onRequestFriend)
        .onCommand(AcceptFriend.class, this::onAcceptFriend)
        .onCommand(RemoveFriend.class, this::onRemoveFriend)
        .onCommand(Ignore.class, this::onIgnore)
        .onCommand(Unignore.class, (s, c) -> change(s, c, new PlayerUnignored(playerId, c.other())))
        .onCommand(Befriended.class, this::onBefriended)
        .onCommand(Unfriended.class, (s, c) -> change(s, c, new FriendRemoved(playerId, c.other())))
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), summary(s)))
        .onCommand(SetGroup.class, this::onSetGroup)
        .build();
  }

  private ReplyEffect<Event, State> onRequestFriend(State s, RequestFriend c) {
    if (c.from() == null || c.from().isBlank() || c.from().equals(playerId)) {
      return reject(c, "a player cannot befriend itself");
    }
    if (s.ignored().contains(c.from())) {
      return reject(c, "the player does not accept requests from you");
    }
    if (s.friends().contains(c.from())) {
      return Effect().reply(c.replyTo(), summary(s));
    }
    if (s.requests().size() >= MAX_ENTRIES) {
      return reject(c, "the player has too many open requests");
    }
    return change(s, c, new FriendRequested(playerId, c.from()));
  }

  private ReplyEffect<Event, State> onAcceptFriend(State s, AcceptFriend c) {
    if (!s.requests().contains(c.from())) {
      return reject(c, "no friend request from " + c.from());
    }
    if (s.friends().size() >= MAX_ENTRIES) {
      return reject(c, "at most " + MAX_ENTRIES + " friends");
    }
    return Effect()
        .persist(new FriendAdded(playerId, c.from()))
        .thenRun(
            st ->
                ClusterSharding.get(system)
                    .entityRefFor(ENTITY_KEY, c.from())
                    .tell(new Befriended(playerId, ignore)))
        .thenReply(c.replyTo(), this::summary);
  }

  private ReplyEffect<Event, State> onRemoveFriend(State s, RemoveFriend c) {
    if (!s.friends().contains(c.other()) && !s.requests().contains(c.other())) {
      return reject(c, c.other() + " is neither a friend nor asking to be one");
    }
    boolean wasFriend = s.friends().contains(c.other());
    return Effect()
        .persist(new FriendRemoved(playerId, c.other()))
        .thenRun(
            st -> {
              if (wasFriend) {
                ClusterSharding.get(system)
                    .entityRefFor(ENTITY_KEY, c.other())
                    .tell(new Unfriended(playerId, ignore));
              }
            })
        .thenReply(c.replyTo(), this::summary);
  }

  private ReplyEffect<Event, State> onIgnore(State s, Ignore c) {
    if (c.other() == null || c.other().isBlank() || c.other().equals(playerId)) {
      return reject(c, "a player cannot ignore itself");
    }
    if (s.ignored().size() >= MAX_ENTRIES && !s.ignored().contains(c.other())) {
      return reject(c, "at most " + MAX_ENTRIES + " ignored players");
    }
    boolean wasFriend = s.friends().contains(c.other());
    return Effect()
        .persist(new PlayerIgnored(playerId, c.other()))
        .thenRun(
            st -> {
              if (wasFriend) {
                ClusterSharding.get(system)
                    .entityRefFor(ENTITY_KEY, c.other())
                    .tell(new Unfriended(playerId, ignore));
              }
            })
        .thenReply(c.replyTo(), this::summary);
  }

  private ReplyEffect<Event, State> onBefriended(State s, Befriended c) {
    if (s.friends().contains(c.other()) || s.ignored().contains(c.other())) {
      return Effect().noReply();
    }
    return Effect().persist(new FriendAdded(playerId, c.other())).thenNoReply();
  }

  private ReplyEffect<Event, State> onSetGroup(State s, SetGroup c) {
    String current = c.group() == Group.GUILD ? s.guild() : s.party();
    String id = c.id() == null ? "" : c.id();
    String next = c.member() ? id : (current.equals(id) ? "" : current);
    if (next.equals(current)) {
      return Effect().reply(c.replyTo(), summary(s));
    }
    return change(s, c, new GroupSet(playerId, c.group(), next));
  }

  private ReplyEffect<Event, State> change(State s, Command c, Event e) {
    return Effect().persist(e).thenReply(c.replyTo(), this::summary);
  }

  private ReplyEffect<Event, State> reject(Command c, String why) {
    return Effect().reply(c.replyTo(), new Rejected(why));
  }

  private Summary summary(State s) {
    return new Summary(playerId, s.friends(), s.requests(), s.ignored(), s.guild(), s.party());
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(State::apply);
  }
}
