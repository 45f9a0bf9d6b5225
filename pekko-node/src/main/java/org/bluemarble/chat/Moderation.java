package org.bluemarble.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.node.EntityTags;

/**
 * Chat moderation's record (one entity, id {@link #ID}, event-sourced): players' reports with the
 * reported lines attached, what a Moderator did with each, and the mutes in force, so a mute
 * outlives the nodes' hubs (a starting node's hub is given them again by {@link #restoreMutes}). At
 * most {@link #KEEP_REPORTS} reports are kept (the oldest closed ones go first).
 */
public final class Moderation
    extends EventSourcedBehaviorWithEnforcedReplies<
        Moderation.Command, Moderation.Event, Moderation.State> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Moderation");

  /** The one entity's id. */
  public static final String ID = "chat";

  /** Reports kept. */
  public static final int KEEP_REPORTS = 1000;

  /** Lines of the reported player attached to a report at most. */
  public static final int MAX_LINES = 20;

  /** Registers the entity type with Cluster Sharding on this node. */
  public static void init(ActorSystem<?> system, int slices) {
    ClusterSharding.get(system)
        .init(
            Entity.of(
                ENTITY_KEY, ctx -> new Moderation(EntityTags.tag(ENTITY_KEY.name(), ID, slices))));
  }

  /** The entity. */
  public static EntityRef<Command> ref(ActorSystem<?> system) {
    return ClusterSharding.get(system).entityRefFor(ENTITY_KEY, ID);
  }

  /**
   * Gives this node's hub the mutes in force (a node that starts after a mute did not hear it);
   * retried until the entity answers.
   */
  public static void restoreMutes(ActorSystem<?> system, Duration timeout) {
    ref(system)
        .<State>ask(Get::new, timeout)
        .whenComplete(
            (s, failure) -> {
              if (failure != null) {
                system
                    .scheduler()
                    .scheduleOnce(
                        timeout, () -> restoreMutes(system, timeout), system.executionContext());
                return;
              }
              Instant now = Instant.now();
              ActorRef<ChatHub.Command> hub = ChatService.get(system).hub();
              s.mutes().values().stream()
                  .filter(m -> m.until().isAfter(now))
                  .forEach(
                      m ->
                          hub.tell(
                              new ChatHub.Broadcast(
                                  new ChatHub.Muted(m.playerId(), m.until(), m.reason(), m.by()))));
            });
  }

  /** Everything the entity accepts. */
  public sealed interface Command extends CborSerializable
      permits FileReport, Resolve, SetMute, Get {}

  /** A player reports another; answered with the report. */
  public record FileReport(
      String reporterId,
      String reportedId,
      String reason,
      List<ChatEntry> lines,
      ActorRef<Report> replyTo)
      implements Command {}

  /**
   * A Moderator closes report {@code reportId} with {@code action} (DISMISS or MUTE, which mutes
   * the reported player until {@code muteUntil}); answered with the report (null when unknown).
   */
  public record Resolve(
      String reportId,
      String action,
      Instant muteUntil,
      String note,
      String by,
      ActorRef<Resolved> replyTo)
      implements Command {}

  /** What {@link Resolve} answers; {@code report} null when there is no such report. */
  public record Resolved(Report report) implements CborSerializable {}

  /** Mutes {@code playerId} until {@code until} (null: lifts it). */
  public record SetMute(
      String playerId, Instant until, String reason, String by, ActorRef<Mute> replyTo)
      implements Command {}

  /** The whole record. */
  public record Get(ActorRef<State> replyTo) implements Command {}

  /** A report; {@code status} OPEN or the action that closed it. */
  public record Report(
      String id,
      String reporterId,
      String reportedId,
      String reason,
      List<ChatEntry> lines,
      Instant at,
      String status,
      String resolvedBy,
      String note)
      implements CborSerializable {}

  /** A mute in force. */
  public record Mute(String playerId, Instant until, String reason, String by)
      implements CborSerializable {}

  /** Facts of moderation. */
  public sealed interface Event extends CborSerializable
      permits ReportFiled, ReportResolved, MuteChanged {}

  public record ReportFiled(Report report) implements Event {}

  public record ReportResolved(String reportId, String action, String by, String note, Instant at)
      implements Event {}

  /** {@code until} null: the mute was lifted. */
  public record MuteChanged(String playerId, Instant until, String reason, String by, Instant at)
      implements Event {}

  /** Reports by id in filing order, and the mutes by player. */
  public record State(Map<String, Report> reports, Map<String, Mute> mutes)
      implements CborSerializable {
    public State {
      reports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reports));
      mutes = Map.copyOf(mutes);
    }

    /** The reports, newest first; only open ones when {@code openOnly}. */
    public List<Report> list(boolean openOnly) {
      List<Report> out = new ArrayList<>();
      reports.values().stream()
          .filter(r -> !openOnly || r.status().equals("OPEN"))
          .forEach(r -> out.add(0, r));
      return out;
    }

    State apply(Event e) {
      Map<String, Report> r = new LinkedHashMap<>(reports);
      Map<String, Mute> m = new LinkedHashMap<>(mutes);
      if (e instanceof ReportFiled f) {
        r.put(f.report().id(), f.report());
        while (r.size() > KEEP_REPORTS) {
          String drop =
              r.values().stream()
                  .filter(x -> !x.status().equals("OPEN"))
                  .map(Report::id)
                  .findFirst()
                  .orElse(r.keySet().iterator().next());
          r.remove(drop);
        }
      } else if (e instanceof ReportResolved x) {
        Report old = r.get(x.reportId());
        if (old != null) {
          r.put(
              old.id(),
              new Report(
                  old.id(),
                  old.reporterId(),
                  old.reportedId(),
                  old.reason(),
                  old.lines(),
                  old.at(),
                  x.action(),
                  x.by(),
                  x.note()));
        }
      } else if (e instanceof MuteChanged c) {
        if (c.until() == null) {
          m.remove(c.playerId());
        } else {
          m.put(c.playerId(), new Mute(c.playerId(), c.until(), c.reason(), c.by()));
        }
      }
      return new State(r, m);
    }
  }

  private final String eventTag;

  private Moderation(String eventTag) {
    super(PersistenceId.of(ENTITY_KEY.name(), ID));
    this.eventTag = eventTag;
  }

  @Override
  public State emptyState() {
    return new State(Map.of(), Map.of());
  }

  @Override
  public Set<String> tagsFor(Event event) {
    return Set.of(eventTag);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(200, 2);
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(
            FileReport.class,
            (s, c) -> {
              List<ChatEntry> lines = c.lines();
              if (lines.size() > MAX_LINES) {
                lines = lines.subList(lines.size() - MAX_LINES, lines.size());
              }
              Report report =
                  new Report(
                      UUID.randomUUID().toString(),
                      c.reporterId(),
                      c.reportedId(),
                      c.reason(),
                      List.copyOf(lines),
                      Instant.now(),
                      "OPEN",
                      "",
                      "");
              return Effect().persist(new ReportFiled(report)).thenReply(c.replyTo(), st -> report);
            })
        .onCommand(
            Resolve.class,
            (s, c) -> {
              Report old = s.reports().get(c.reportId());
              if (old == null) {
                return Effect().reply(c.replyTo(), new Resolved(null));
              }
              Instant now = Instant.now();
              List<Event> events = new ArrayList<>();
              events.add(new ReportResolved(old.id(), c.action(), c.by(), c.note(), now));
              if (c.muteUntil() != null) {
                events.add(
                    new MuteChanged(
                        old.reportedId(), c.muteUntil(), "report " + old.id(), c.by(), now));
              }
              return Effect()
                  .persist(events)
                  .thenReply(c.replyTo(), st -> new Resolved(st.reports().get(old.id())));
            })
        .onCommand(
            SetMute.class,
            (s, c) ->
                Effect()
                    .persist(
                        new MuteChanged(c.playerId(), c.until(), c.reason(), c.by(), Instant.now()))
                    .thenReply(
                        c.replyTo(), st -> new Mute(c.playerId(), c.until(), c.reason(), c.by())))
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s))
        .build();
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(State::apply);
  }
}
