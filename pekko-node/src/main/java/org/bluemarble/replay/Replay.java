package org.bluemarble.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pekko.serialization.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.util.Try;

/**
 * Replay of the event journals: the entities, their events, an entity's state at a sequence number
 * or a time (its own event handler folded over its events), the difference between two points, and
 * an integrity check. Blocking (JDBC): run it on a blocking executor. Used by the {@code replay}
 * CLI, the admin journal routes and the gRPC journal service.
 */
public final class Replay {
  private static final Logger log = LoggerFactory.getLogger(Replay.class);

  /** Events read per page while folding. */
  private static final int PAGE = 1_000;

  private final JournalReader reader;
  private final EntityFolds folds;
  private final Serialization serialization;
  private final ReplayJson json;

  public Replay(
      JournalReader reader, EntityFolds folds, Serialization serialization, ReplayJson json) {
    this.reader = reader;
    this.folds = folds;
    this.serialization = serialization;
    this.json = json;
  }

  public ReplayJson json() {
    return json;
  }

  /** The journal reader under this replay (the live tail polls it). */
  public JournalReader reader() {
    return reader;
  }

  public EntityFolds folds() {
    return folds;
  }

  /** An entity of the journal: type, id, how many events and the highest sequence number. */
  public record EntityInfo(
      String persistenceId,
      String entityType,
      String entityId,
      long events,
      long highestSequenceNr,
      boolean replayable) {}

  /** An entity's state after event {@code sequenceNr} (written at {@code timestamp}). */
  public record StateAt(
      String persistenceId,
      String entityType,
      long sequenceNr,
      Instant timestamp,
      String hash,
      JsonNode state) {}

  /** One changed leaf of the state (JSON pointer path); null before or after: absent. */
  public record Change(String path, JsonNode before, JsonNode after) {}

  /** What changed between two points of an entity's history and which events did it. */
  public record Diff(
      String persistenceId,
      long fromSequenceNr,
      long toSequenceNr,
      String fromHash,
      String toHash,
      List<String> eventClasses,
      List<Change> changes) {}

  /** A problem found by {@link #verify}. */
  public record Problem(String persistenceId, long sequenceNr, String kind, String detail) {}

  /** The integrity check's result. */
  public record Verification(
      long entities, long events, long snapshotsCompared, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** The entities of the journal, of {@code entityType} only when it is not null. */
  public List<EntityInfo> entities(String entityType) {
    List<EntityInfo> out = new ArrayList<>();
    for (JournalReader.Entity e : read(() -> reader.entities(entityType))) {
      String type = JournalEvent.typeOf(e.persistenceId());
      out.add(
          new EntityInfo(
              e.persistenceId(),
              type,
              JournalEvent.idOf(e.persistenceId()),
              e.events(),
              e.highestSequenceNr(),
              folds.forType(type).isPresent()));
    }
    return out;
  }

  /** The events of {@code persistenceId} in [from, to], at most {@link JournalReader#MAX_ROWS}. */
  public List<JournalEvent> events(String persistenceId, long from, long to) {
    checkRange(from, to);
    List<JournalEvent> out = new ArrayList<>();
    for (JournalRow row : read(() -> reader.events(persistenceId, from, to))) {
      out.add(decode(row).shown());
    }
    return out;
  }

  /**
   * The events of {@code persistenceId} in [from, to] decoded (the event objects, for the event
   * stream's mapping), at most {@link JournalReader#MAX_ROWS}.
   */
  public List<Decoded> decodedEvents(String persistenceId, long from, long to) {
    checkRange(from, to);
    List<Decoded> out = new ArrayList<>();
    for (JournalRow row : read(() -> reader.events(persistenceId, from, to))) {
      out.add(decode(row));
    }
    return out;
  }

  /** An event decoded: the row, the event object (null when unreadable) and its JSON picture. */
  public record Decoded(JournalRow row, Object event, JournalEvent shown) {}

  /** Decodes one row with the node's serializers. */
  public Decoded decode(JournalRow row) {
    Try<Object> t = serialization.deserialize(row.payload(), row.serializerId(), row.manifest());
    Object event = null;
    JsonNode tree = null;
    String error = null;
    if (t.isSuccess()) {
      event = t.get();
      try {
        tree = json.tree(event);
      } catch (RuntimeException e) {
        error = "cannot show as JSON: " + e.getMessage();
      }
    } else {
      error = "cannot deserialize: " + t.failed().get().getMessage();
    }
    String cls = event != null ? event.getClass().getName() : row.manifest();
    return new Decoded(
        row,
        event,
        new JournalEvent(
            row.persistenceId(),
            JournalEvent.typeOf(row.persistenceId()),
            JournalEvent.idOf(row.persistenceId()),
            row.sequenceNr(),
            row.ordering(),
            Instant.ofEpochMilli(row.writeTimestamp()),
            row.tags(),
            cls,
            tree,
            error));
  }

  /**
   * The state of {@code persistenceId} after event {@code atSequenceNr} (null: the last), or after
   * the last event written at or before {@code atTime} (null: no time limit).
   */
  public StateAt state(String persistenceId, Long atSequenceNr, Instant atTime) {
    return state(persistenceId, atSequenceNr, atTime, fold(persistenceId));
  }

  /** As {@link #state(String, Long, Instant)} with another fold (what-if replays). */
  public StateAt state(
      String persistenceId, Long atSequenceNr, Instant atTime, EntityFold<?> fold) {
    if (atSequenceNr != null && atSequenceNr < 0) {
      throw ReplayException.badRequest("the sequence number must be 0 or more");
    }
    long to = atSequenceNr == null ? Long.MAX_VALUE : atSequenceNr;
    Object[] state = {fold.initial(JournalEvent.idOf(persistenceId))};
    long[] last = {0};
    Instant[] at = {null};
    forEach(
        persistenceId,
        1,
        to,
        d -> {
          if (atTime != null && d.shown().timestamp().isAfter(atTime)) {
            return false;
          }
          if (d.event() == null) {
            throw ReplayException.badRequest(
                "event "
                    + d.row().sequenceNr()
                    + " of "
                    + persistenceId
                    + " is unreadable ("
                    + d.shown().error()
                    + "); replay verify lists such events");
          }
          state[0] = fold.applyAny(state[0], d.event());
          last[0] = d.row().sequenceNr();
          at[0] = d.shown().timestamp();
          return true;
        });
    if (last[0] == 0 && read(() -> reader.events(persistenceId, 1, Long.MAX_VALUE)).isEmpty()) {
      throw ReplayException.notFound("no events for " + persistenceId);
    }
    if (atSequenceNr != null && atSequenceNr > last[0] && atTime == null) {
      throw ReplayException.badRequest(
          persistenceId + " has no event " + atSequenceNr + "; its last is " + last[0]);
    }
    JsonNode tree = json.tree(fold.viewAny(state[0]));
    return new StateAt(
        persistenceId, JournalEvent.typeOf(persistenceId), last[0], at[0], json.hash(tree), tree);
  }

  /** What changed between the state after event {@code from} (0: empty) and after {@code to}. */
  public Diff diff(String persistenceId, long from, long to) {
    checkRange(from, to);
    EntityFold<?> fold = fold(persistenceId);
    JsonNode before;
    String beforeHash;
    if (from == 0) {
      before = json.tree(fold.viewAny(fold.initial(JournalEvent.idOf(persistenceId))));
      beforeHash = json.hash(before);
    } else {
      StateAt a = state(persistenceId, from, null, fold);
      before = a.state();
      beforeHash = a.hash();
    }
    StateAt b = state(persistenceId, to, null, fold);
    List<String> classes = new ArrayList<>();
    for (JournalEvent e : events(persistenceId, from + 1, to)) {
      classes.add(e.eventClass().substring(e.eventClass().lastIndexOf('.') + 1));
    }
    return new Diff(
        persistenceId, from, to, beforeHash, b.hash(), classes, changes(before, b.state()));
  }

  /** What an entity's state would be under changed rules, next to what it is. */
  public record WhatIf(
      String persistenceId,
      Map<String, String> rules,
      long sequenceNr,
      String actualHash,
      String whatIfHash,
      List<Change> changes) {}

  /**
   * Replays {@code persistenceId} to its last event twice, as it happened and under {@code rules}
   * changed, and lists every leaf that would differ (before: as it is; after: under the rules).
   */
  public WhatIf whatIf(String persistenceId, Map<String, String> rules) {
    if (rules.isEmpty()) {
      throw ReplayException.badRequest("give at least one rule to change: --set key=value");
    }
    EntityFold<?> fold = fold(persistenceId);
    EntityFold<?> changed = fold.withRules(rules);
    StateAt actual = state(persistenceId, null, null, fold);
    StateAt alternative = state(persistenceId, actual.sequenceNr(), null, changed);
    return new WhatIf(
        persistenceId,
        new java.util.TreeMap<>(rules),
        actual.sequenceNr(),
        actual.hash(),
        alternative.hash(),
        changes(actual.state(), alternative.state()));
  }

  /** The changed leaves between two JSON pictures of a state. */
  public static List<Change> changes(JsonNode before, JsonNode after) {
    Map<String, JsonNode> a = ReplayJson.leaves(before);
    Map<String, JsonNode> b = ReplayJson.leaves(after);
    Set<String> paths = new TreeSet<>(a.keySet());
    paths.addAll(b.keySet());
    List<Change> out = new ArrayList<>();
    for (String p : paths) {
      JsonNode x = a.get(p);
      JsonNode y = b.get(p);
      if (x == null || !x.equals(y)) {
        out.add(new Change(p, x, y));
      }
    }
    return out;
  }

  /**
   * Checks every entity (of {@code entityType} when not null): sequence numbers without gaps from
   * 1, every event readable and accepted by its entity's fold, and the newest snapshot equal to the
   * fold up to it.
   */
  public Verification verify(String entityType) {
    List<Problem> problems = new ArrayList<>();
    long entities = 0;
    long events = 0;
    long compared = 0;
    for (JournalReader.Entity e : read(() -> reader.entities(entityType))) {
      entities++;
      String pid = e.persistenceId();
      Optional<EntityFold<?>> fold = folds.forType(JournalEvent.typeOf(pid));
      Optional<JournalReader.SnapshotRow> snap =
          fold.isPresent()
              ? read(() -> reader.snapshot(pid, e.highestSequenceNr()))
              : Optional.empty();
      Object[] state = {fold.map(f -> (Object) f.initial(JournalEvent.idOf(pid))).orElse(null)};
      boolean[] foldBroken = {fold.isEmpty()};
      long[] expected = {1};
      long[] count = {0};
      boolean[] snapChecked = {false};
      forEach(
          pid,
          1,
          Long.MAX_VALUE,
          d -> {
            count[0]++;
            long seq = d.row().sequenceNr();
            if (seq != expected[0]) {
              problems.add(
                  new Problem(
                      pid,
                      seq,
                      "gap",
                      "expected sequence number " + expected[0] + ", found " + seq));
            }
            expected[0] = seq + 1;
            if (d.event() == null) {
              problems.add(new Problem(pid, seq, "unreadable", d.shown().error()));
              foldBroken[0] = true;
              return true;
            }
            if (!foldBroken[0]) {
              try {
                state[0] = fold.get().applyAny(state[0], d.event());
              } catch (RuntimeException ex) {
                problems.add(new Problem(pid, seq, "fold-failed", String.valueOf(ex)));
                foldBroken[0] = true;
              }
            }
            if (!foldBroken[0] && snap.isPresent() && snap.get().sequenceNr() == seq) {
              snapChecked[0] = true;
              problems.addAll(compareSnapshot(fold.get(), state[0], snap.get()));
            }
            return true;
          });
      events += count[0];
      if (snapChecked[0]) {
        compared++;
      }
    }
    return new Verification(entities, events, compared, problems);
  }

  private List<Problem> compareSnapshot(
      EntityFold<?> fold, Object state, JournalReader.SnapshotRow snap) {
    Try<Object> t = serialization.deserialize(snap.payload(), snap.serializerId(), snap.manifest());
    if (t.isFailure()) {
      return List.of(
          new Problem(
              snap.persistenceId(),
              snap.sequenceNr(),
              "unreadable-snapshot",
              t.failed().get().getMessage()));
    }
    Object stored = fold.snapshotView(t.get());
    if (stored == null) {
      return List.of(
          new Problem(
              snap.persistenceId(),
              snap.sequenceNr(),
              "unreadable-snapshot",
              "unexpected snapshot type " + t.get().getClass().getName()));
    }
    JsonNode live = json.tree(stored);
    JsonNode replayed = json.tree(fold.viewAny(state));
    if (live.equals(replayed)) {
      return List.of();
    }
    List<Change> changes = changes(live, replayed);
    return List.of(
        new Problem(
            snap.persistenceId(),
            snap.sequenceNr(),
            "snapshot-mismatch",
            "the fold differs from the stored snapshot at "
                + changes.size()
                + " place(s), first "
                + (changes.isEmpty() ? "?" : changes.get(0).path())));
  }

  /** The fold of {@code persistenceId}'s type, or a clear error naming the types there are. */
  public EntityFold<?> fold(String persistenceId) {
    String type = JournalEvent.typeOf(persistenceId);
    return folds
        .forType(type)
        .orElseThrow(
            () ->
                ReplayException.badRequest(
                    "no state replay for entity type "
                        + type
                        + " (replayable: "
                        + String.join(", ", folds.types())
                        + "); its events can still be listed"));
  }

  /** Calls {@code each} for the events in [from, to] in order until it returns false. */
  public void forEach(String persistenceId, long from, long to, EventVisitor each) {
    long next = from;
    while (next <= to) {
      long start = next;
      List<JournalRow> rows = read(() -> reader.events(persistenceId, start, to, PAGE));
      for (JournalRow row : rows) {
        if (!each.visit(decode(row))) {
          return;
        }
      }
      if (rows.size() < PAGE) {
        return;
      }
      next = rows.get(rows.size() - 1).sequenceNr() + 1;
    }
  }

  /** Visits one decoded event; false stops. */
  @FunctionalInterface
  public interface EventVisitor {
    boolean visit(Decoded event);
  }

  private static void checkRange(long from, long to) {
    if (from < 0 || to < from) {
      throw ReplayException.badRequest(
          "bad range: from " + from + " to " + to + " (0 <= from <= to)");
    }
  }

  /** A JDBC read. */
  @FunctionalInterface
  public interface Read<T> {
    T run() throws SQLException;
  }

  private static <T> T read(Read<T> r) {
    try {
      return r.run();
    } catch (SQLException e) {
      log.warn("journal read failed", e);
      throw new ReplayException(
          ReplayException.Kind.UNAVAILABLE,
          "the journal database did not answer (details in the log)",
          e);
    }
  }
}
