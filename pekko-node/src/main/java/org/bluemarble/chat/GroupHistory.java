package org.bluemarble.chat;

import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.bluemarble.edge.port.ChatLine;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;

/**
 * The persisted history of one guild's or party's chat (entity id {@code GUILD-<tag>} or {@code
 * PARTY-<id>}): the last {@code size} lines younger than {@code retention}, replayed to members who
 * enter or join. The state keeps at most {@code size} lines. With {@code journalKeep} 0 it is
 * snapshotted every {@code size} lines and the journal keeps every line. Otherwise it is
 * snapshotted every half {@code journalKeep} lines (at least every {@code size}; recovery reads one
 * snapshot and at most that many events), and once a snapshot is saved the lines older than the
 * newest {@code journalKeep} (rounded up) are deleted: the event stream sees every line unless it
 * falls more than {@code journalKeep} lines of the group behind.
 */
public final class GroupHistory
    extends EventSourcedBehaviorWithEnforcedReplies<
        GroupHistory.Command, GroupHistory.Event, GroupHistory.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "GroupHistory");

  /** Registers the entity type with Cluster Sharding on this node. */
  public static void init(ActorSystem<?> system, int slices) {
    ChatSettings s = ChatService.get(system).settings();
    ClusterSharding.get(system)
        .init(
            Entity.of(
                ENTITY_KEY,
                ctx ->
                    create(
                        ctx.getEntityId(),
                        EntityTags.tag(ENTITY_KEY.name(), ctx.getEntityId(), slices),
                        s.groupHistorySize(),
                        s.groupHistoryRetention(),
                        s.groupJournalKeep())));
  }

  /** A history whose journal keeps every line. */
  public static Behavior<Command> create(
      String key, String eventTag, int size, Duration retention) {
    return create(key, eventTag, size, retention, 0);
  }

  public static Behavior<Command> create(
      String key, String eventTag, int size, Duration retention, int journalKeep) {
    return new GroupHistory(key, eventTag, size, retention, journalKeep);
  }

  /** The entity id of a guild's or party's history. */
  public static String key(ChatLine.Channel channel, String scope) {
    return channel.name() + "-" + scope;
  }

  /** Everything a GroupHistory accepts. */
  public sealed interface Command extends CborSerializable permits Append, Recent {}

  /** Keeps one line; {@code replyTo} hears {@code true} once it is persisted. */
  public record Append(ChatEntry entry, ActorRef<Boolean> replyTo) implements Command {}

  /** The kept lines younger than the retention, oldest first. */
  public record Recent(ActorRef<Lines> replyTo) implements Command {}

  /** What {@link Recent} answers. */
  public record Lines(List<ChatEntry> lines) implements CborSerializable {}

  /** Facts of a group's history. */
  public sealed interface Event extends CborSerializable permits LineKept {}

  /** A line said on the group's channel. */
  public record LineKept(String key, ChatEntry entry) implements Event {}

  /** The kept lines, oldest first. */
  public record State(List<ChatEntry> lines) implements CborSerializable {
    public State {
      lines = List.copyOf(lines);
    }
  }

  private final String eventTag;
  private final int size;
  private final Duration retention;
  private final int journalKeep;

  private GroupHistory(String key, String eventTag, int size, Duration retention, int journalKeep) {
    super(PersistenceId.of(ENTITY_KEY.name(), key));
    this.eventTag = eventTag;
    this.size = size;
    this.retention = retention;
    this.journalKeep = journalKeep;
  }

  @Override
  public State emptyState() {
    return new State(List.of());
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(eventTag);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    if (journalKeep <= 0) {
      return RetentionCriteria.snapshotEvery(Math.max(1, size), 2);
    }
    // A snapshot every half journal-keep lines (at least every size lines); after a snapshot at
    // line n the lines up to n - 2 * every are deleted (and all but the newest two snapshots), so
    // the journal holds between 2 * every >= journalKeep and 3 * every lines.
    int every = Math.max(Math.max(1, size), (journalKeep + 1) / 2);
    return RetentionCriteria.snapshotEvery(every, 2).withDeleteEventsOnSnapshot();
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(
            Append.class,
            (s, c) ->
                Effect()
                    .persist(new LineKept(persistenceId().entityId(), c.entry()))
                    .thenReply(c.replyTo(), st -> true))
        .onCommand(
            Recent.class,
            (s, c) -> {
              long since = System.currentTimeMillis() - retention.toMillis();
              return Effect()
                  .reply(
                      c.replyTo(),
                      new Lines(
                          s.lines().stream().filter(e -> e.sentAtMillis() >= since).toList()));
            })
        .build();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onAnyEvent(
            (s, ev) -> {
              LineKept e = (LineKept) ev;
              List<ChatEntry> lines = new ArrayList<>(s.lines());
              lines.add(e.entry());
              while (lines.size() > size) {
                lines.remove(0);
              }
              return new State(lines);
            });
  }
}
