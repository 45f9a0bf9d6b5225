package org.bluemarble.admin;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.bluemarble.edge.port.AuditPort;
import org.bluemarble.node.resilience.JournalReads;

/**
 * The edge's {@link AuditPort}: writes go to the day's {@link AuditLog} entity; reads replay the
 * events tagged {@link AuditLog#TAG} through the JDBC read journal ({@code currentEventsByTag}) and
 * filter them. Reading the journal itself, rather than a projection into another table, means the
 * log shown is exactly what was stored, with no second copy to keep in step; the cost is a scan of
 * the whole log per query (paged by the read journal, keeping only the page asked for in memory),
 * fine for the thousands of entries admin actions produce (a projection with indexes is the step up
 * when it is not).
 */
public final class AuditJournal implements AuditPort {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final Duration timeout;
  private final AuditIndex index;

  public AuditJournal(ActorSystem<?> system, Duration timeout) {
    this(system, timeout, AuditIndex.NONE);
  }

  /** Queries go to {@code index} first and replay the journal only when it is behind. */
  public AuditJournal(ActorSystem<?> system, Duration timeout, AuditIndex index) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
    this.index = index;
  }

  @Override
  public CompletionStage<Entry> record(Entry e) {
    AuditLog.Recorded event =
        new AuditLog.Recorded(
            e.actorId(),
            e.actorName(),
            e.action(),
            e.target(),
            e.details(),
            e.remoteAddress(),
            e.at());
    return sharding
        .entityRefFor(AuditLog.ENTITY_KEY, AuditLog.dayOf(e.at()))
        .<AuditLog.Recorded>ask(r -> new AuditLog.Record(event, r), timeout)
        .thenApply(AuditJournal::entry);
  }

  @Override
  public CompletionStage<Page> find(Query query) {
    // The read model lives in the journal's database: behind the same breaker, so that a database
    // that is gone is refused at once instead of queueing behind the projections' retries.
    return JournalReads.get(system)
        .guard(() -> index.find(query))
        .exceptionally(e -> java.util.Optional.empty())
        .thenCompose(
            page ->
                page.<CompletionStage<Page>>map(
                        java.util.concurrent.CompletableFuture::completedFuture)
                    .orElseGet(() -> scan(query)));
  }

  /** Replays the whole log from the journal (the read model's fallback). */
  CompletionStage<Page> scan(Query query) {
    JdbcReadJournal journal =
        PersistenceQuery.get(system)
            .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    return JournalReads.get(system)
        .guard(
            () ->
                journal
                    .currentEventsByTag(AuditLog.TAG, Offset.noOffset())
                    .map(envelope -> entry((AuditLog.Recorded) envelope.event()))
                    .filter(entry -> matches(query, entry))
                    .runWith(Sink.fold(new NewestWindow(query), NewestWindow::add), system))
        .thenApply(NewestWindow::page);
  }

  /**
   * The newest {@code offset + limit} matching entries of an oldest-first stream, and how many
   * matched in all: what one page, newest first, needs. The journal is read in pages by the read
   * journal and only this window is kept, so a query's memory grows with the page asked for, not
   * with the size of the log.
   */
  static final class NewestWindow {
    private final Query query;
    private final long capacity;
    private final ArrayDeque<Entry> newest = new ArrayDeque<>();
    private long total;

    NewestWindow(Query query) {
      this.query = query;
      this.capacity = (long) query.offset() + query.limit();
    }

    NewestWindow add(Entry entry) {
      total++;
      if (capacity > 0) {
        newest.addLast(entry);
        if (newest.size() > capacity) {
          newest.removeFirst();
        }
      }
      return this;
    }

    /** How many entries the window holds now (at most offset + limit). */
    int held() {
      return newest.size();
    }

    Page page() {
      List<Entry> newestFirst = new ArrayList<>(newest.size());
      newest.descendingIterator().forEachRemaining(newestFirst::add);
      int from = (int) Math.min(newestFirst.size(), (long) query.offset());
      return new Page(
          List.copyOf(newestFirst.subList(from, newestFirst.size())),
          query.offset(),
          query.limit(),
          total);
    }
  }

  static boolean matches(Query q, Entry e) {
    return (q.actor() == null || q.actor().equals(e.actorId()) || q.actor().equals(e.actorName()))
        && contains(e.action(), q.action())
        && contains(e.target(), q.target())
        && (q.from() == null || !e.at().isBefore(q.from()))
        && (q.to() == null || e.at().isBefore(q.to()));
  }

  private static boolean contains(String value, String part) {
    return part == null
        || (value != null
            && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT)));
  }

  private static Entry entry(AuditLog.Recorded r) {
    return new Entry(
        r.actorId(), r.actorName(), r.action(), r.target(), r.details(), r.remoteAddress(), r.at());
  }
}
