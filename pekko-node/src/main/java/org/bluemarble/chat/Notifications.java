package org.bluemarble.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;

/**
 * One player's notifications (entity id = player id, event-sourced): economy outcomes posted by the
 * market entities through {@link #post}. A posted notice is kept until the player's presence says
 * it was shown ({@link Seen}); it is pushed at once through the chat hub when the player is online
 * (wherever its presence runs), and handed over on the next login otherwise ({@link Pending}). At
 * most {@link #KEEP} notices wait; beyond that the oldest is dropped.
 */
public final class Notifications
    extends EventSourcedBehaviorWithEnforcedReplies<
        Notifications.Command, Notifications.Event, Notifications.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Notifications");

  /** Notices kept for an offline player. */
  public static final int KEEP = 50;

  /** The kinds of notice (the wire's {@code NotificationKind}). */
  public static final String LISTING_SOLD = "LISTING_SOLD";

  public static final String OUTBID = "OUTBID";
  public static final String TRADE_OFFERED = "TRADE_OFFERED";
  public static final String ORDER_FILLED = "ORDER_FILLED";

  /** Registers the entity type with Cluster Sharding on this node. */
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
        ctx -> new Notifications(playerId, eventTag, ChatService.get(ctx.getSystem()).hub()));
  }

  /**
   * The market's hook: tells {@code playerId} about an outcome. {@code id} makes a repeat (an event
   * handled again after a restart) count once. Does nothing on a node without the entity (tests of
   * the market alone).
   */
  public static void post(
      ActorSystem<?> system,
      String playerId,
      String id,
      String kind,
      String text,
      String subjectId,
      long atMillis) {
    if (playerId == null || playerId.isEmpty()) {
      return;
    }
    try {
      ClusterSharding.get(system)
          .entityRefFor(ENTITY_KEY, playerId)
          .tell(
              new Post(
                  new SocialNote.Notice(id, kind, text, subjectId, atMillis, false, ""),
                  system.ignoreRef()));
    } catch (RuntimeException notHere) {
      // No notifications on this system (the market without the chat): nothing to tell.
    }
  }

  /** Everything the entity accepts. */
  public sealed interface Command extends CborSerializable permits Post, Seen, Pending {}

  /** Keeps {@code notice} and pushes it to the player when online; answers once it is kept. */
  public record Post(SocialNote.Notice notice, ActorRef<Boolean> replyTo) implements Command {}

  /** The player was shown these notices. */
  public record Seen(List<String> ids, ActorRef<Boolean> replyTo) implements Command {}

  /** The notices not yet shown, oldest first. */
  public record Pending(ActorRef<Waiting> replyTo) implements Command {}

  /** What {@link Pending} answers. */
  public record Waiting(List<SocialNote.Notice> notices) implements CborSerializable {}

  /** Facts of a player's notifications. */
  public sealed interface Event extends CborSerializable permits NoticeKept, NoticesSeen {}

  public record NoticeKept(String playerId, SocialNote.Notice notice) implements Event {}

  public record NoticesSeen(String playerId, List<String> ids) implements Event {}

  /** The waiting notices (oldest first) and the ids already handled (bounded, for repeats). */
  public record State(List<SocialNote.Notice> waiting, List<String> recent)
      implements CborSerializable {
    public State {
      waiting = List.copyOf(waiting);
      recent = List.copyOf(recent);
    }

    State apply(Event e) {
      List<SocialNote.Notice> w = new ArrayList<>(waiting);
      List<String> r = new ArrayList<>(recent);
      if (e instanceof NoticeKept k) {
        w.add(k.notice());
        r.add(k.notice().id());
        while (w.size() > KEEP) {
          w.remove(0);
        }
        while (r.size() > 4 * KEEP) {
          r.remove(0);
        }
      } else if (e instanceof NoticesSeen s) {
        Set<String> seen = Set.copyOf(s.ids());
        w.removeIf(n -> seen.contains(n.id()));
      }
      return new State(w, r);
    }
  }

  private final String playerId;
  private final String eventTag;
  private final ActorRef<ChatHub.Command> hub;

  private Notifications(String playerId, String eventTag, ActorRef<ChatHub.Command> hub) {
    super(PersistenceId.of(ENTITY_KEY.name(), playerId));
    this.playerId = playerId;
    this.eventTag = eventTag;
    this.hub = hub;
  }

  @Override
  public State emptyState() {
    return new State(List.of(), List.of());
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
            Post.class,
            (s, c) -> {
              if (s.recent().contains(c.notice().id())) {
                return Effect().reply(c.replyTo(), true);
              }
              return Effect()
                  .persist(new NoticeKept(playerId, c.notice()))
                  .thenRun(st -> hub.tell(new ChatHub.Notify(Set.of(playerId), c.notice())))
                  .thenReply(c.replyTo(), st -> true);
            })
        .onCommand(
            Seen.class,
            (s, c) -> {
              Map<String, SocialNote.Notice> waiting = new LinkedHashMap<>();
              s.waiting().forEach(n -> waiting.put(n.id(), n));
              List<String> ids = c.ids().stream().filter(waiting::containsKey).toList();
              if (ids.isEmpty()) {
                return Effect().reply(c.replyTo(), true);
              }
              return Effect()
                  .persist(new NoticesSeen(playerId, ids))
                  .thenReply(c.replyTo(), st -> true);
            })
        .onCommand(Pending.class, (s, c) -> Effect().reply(c.replyTo(), new Waiting(s.waiting())))
        .build();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(State::apply);
  }
}
