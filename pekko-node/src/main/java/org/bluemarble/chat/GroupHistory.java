package org.bluemarble.chat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.DeleteMessagesSuccess;
import org.apache.pekko.persistence.JournalProtocol;
import org.apache.pekko.persistence.Persistence;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
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
 * newest {@code journalKeep} (rounded up) are deleted. With {@code streamed} (the Kafka event
 * stream is on and publishes group lines) a line is deleted only once the stream told the history
 * it published it ({@link Streamed}, after the broker's acknowledgement), so retention never takes
 * a line the stream has not processed: the bound is {@link #deletableUpTo}.
 */
public final class GroupHistory
    extends EventSourcedBehaviorWithEnforcedReplies<
        GroupHistory.Command, GroupHistory.Event, GroupHistory.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "GroupHistory");

  /** Registers the entity type with Cluster Sharding on this node. */
  public static void init(ActorSystem<?> system, int slices) {
    ChatSettings s = ChatService.get(system).settings();
    boolean streamed =
        org.bluemarble.stream.StreamSettings.fromConfig(system.settings().config()).kafkaEnabled();
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
                        s.groupJournalKeep(),
                        streamed)));
  }

  /** A history whose journal keeps every line. */
  public static Behavior<Command> create(
      String key, String eventTag, int size, Duration retention) {
    return create(key, eventTag, size, retention, 0);
  }

  /** A history that deletes lines beyond {@code journalKeep} once snapshotted, for no stream. */
  public static Behavior<Command> create(
      String key, String eventTag, int size, Duration retention, int journalKeep) {
    return create(key, eventTag, size, retention, journalKeep, false);
  }

  /**
   * A history whose journal keeps at least {@code journalKeep} lines (0: all); with {@code
   * streamed} a line is deleted only after the event stream published it.
   */
  public static Behavior<Command> create(
      String key,
      String eventTag,
      int size,
      Duration retention,
      int journalKeep,
      boolean streamed) {
    return Behaviors.setup(
        ctx -> new GroupHistory(key, eventTag, size, retention, journalKeep, streamed, ctx));
  }

  /**
   * The highest sequence number of a group's journal retention may delete, 0 for none: never one of
   * the newest {@code journalKeep} lines, never one after the newest snapshot (recovery starts
   * there), and with a stream ({@code streamed}) never one after the last line the stream
   * published. Pure.
   */
  public static long deletableUpTo(
      long lastSeq, long snapshotSeq, long streamedSeq, int journalKeep, boolean streamed) {
    long bound = Math.min(lastSeq - journalKeep, snapshotSeq);
    if (streamed) {
      bound = Math.min(bound, streamedSeq);
    }
    return Math.max(0, bound);
  }

  /** The entity id of a guild's or party's history. */
  public static String key(ChatLine.Channel channel, String scope) {
    return channel.name() + "-" + scope;
  }

  /** Everything a GroupHistory accepts. */
  public sealed interface Command extends CborSerializable
      permits Append, Recent, Streamed, Deleted {}

  /** Keeps one line; {@code replyTo} hears {@code true} once it is persisted. */
  public record Append(ChatEntry entry, ActorRef<Boolean> replyTo) implements Command {}

  /** The kept lines younger than the retention, oldest first. */
  public record Recent(ActorRef<Lines> replyTo) implements Command {}

  /**
   * The event stream published this group's lines up to {@code sequenceNr} (the broker acknowledged
   * them); lines up to there may be deleted by the retention.
   */
  public record Streamed(long sequenceNr) implements Command {}

  /** The journal's answer to a deletion (internal, local). */
  public record Deleted(long toSequenceNr, boolean done) implements Command {}

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
  private final boolean streamed;
  private final ActorContext<Command> context;
  // The guarded deletion (with a stream): where the newest snapshot is, how far the stream
  // published, what was deleted, and whether a deletion is under way. Not persisted: after a
  // restart nothing is deleted until the stream reports again.
  private long snapshotSeq;
  private long streamedSeq;
  private long deletedSeq;
  private boolean deleting;

  private GroupHistory(
      String key,
      String eventTag,
      int size,
      Duration retention,
      int journalKeep,
      boolean streamed,
      ActorContext<Command> context) {
    super(PersistenceId.of(ENTITY_KEY.name(), key));
    this.eventTag = eventTag;
    this.size = size;
    this.retention = retention;
    this.journalKeep = journalKeep;
    this.streamed = streamed;
    this.context = context;
  }

  private int snapshotInterval() {
    return Math.max(Math.max(1, size), (journalKeep + 1) / 2);
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
    int every = snapshotInterval();
    if (streamed) {
      // The lines are deleted by this entity once the stream published them (guardedDelete).
      return RetentionCriteria.snapshotEvery(every, 2);
    }
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
        .onCommand(
            Streamed.class,
            (s, c) -> {
              streamedSeq = Math.max(streamedSeq, c.sequenceNr());
              guardedDelete();
              return Effect().noReply();
            })
        .onCommand(
            Deleted.class,
            (s, c) -> {
              deleting = false;
              if (c.done()) {
                deletedSeq = Math.max(deletedSeq, c.toSequenceNr());
                guardedDelete();
              } else {
                // Tried again with the next line the stream reports, not in a loop.
                context.getLog().warn("{}: deleting old lines failed", persistenceId().id());
              }
              return Effect().noReply();
            })
        .build();
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(
            SnapshotCompleted.class,
            (state, done) -> {
              snapshotSeq = Math.max(snapshotSeq, done.metadata().sequenceNr());
              guardedDelete();
            })
        .build();
  }

  /**
   * With a stream and a journal-keep: deletes the lines {@link #deletableUpTo} allows, once at
   * least half a snapshot interval of them is due (one deletion at a time).
   */
  private void guardedDelete() {
    if (!streamed || journalKeep <= 0 || deleting) {
      return;
    }
    long lastSeq = lastSequenceNumber(context);
    long to = deletableUpTo(lastSeq, snapshotSeq, streamedSeq, journalKeep, true);
    if (to - deletedSeq < Math.max(1, snapshotInterval() / 2)) {
      return;
    }
    deleting = true;
    ActorRef<JournalProtocol.Response> answers =
        context.messageAdapter(
            JournalProtocol.Response.class,
            r ->
                r instanceof DeleteMessagesSuccess ok
                    ? new Deleted(ok.toSequenceNr(), true)
                    : new Deleted(to, false));
    Persistence.get(Adapter.toClassic(context.getSystem()))
        .journalFor("", ConfigFactory.empty())
        .tell(
            new JournalProtocol.DeleteMessagesTo(
                persistenceId().id(), to, Adapter.toClassic(answers)),
            org.apache.pekko.actor.ActorRef.noSender());
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
