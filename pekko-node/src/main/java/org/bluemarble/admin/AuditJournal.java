package org.bluemarble.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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

/**
 * The edge's {@link AuditPort}: writes go to the day's {@link AuditLog} entity; reads replay the
 * events tagged {@link AuditLog#TAG} through the JDBC read journal ({@code currentEventsByTag}) and
 * filter them. Reading the journal itself, rather than a projection into another table, means the
 * log shown is exactly what was stored, with no second copy to keep in step; the cost is a scan of
 * the whole log per query, fine for the thousands of entries admin actions produce (a projection
 * with indexes is the step up when it is not).
 */
public final class AuditJournal implements AuditPort {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final Duration timeout;

  public AuditJournal(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
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
    JdbcReadJournal journal =
        PersistenceQuery.get(system)
            .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    return journal
        .currentEventsByTag(AuditLog.TAG, Offset.noOffset())
        .map(envelope -> entry((AuditLog.Recorded) envelope.event()))
        .filter(entry -> matches(query, entry))
        .runWith(Sink.seq(), system)
        .thenApply(all -> page(new ArrayList<>(all), query));
  }

  private static Page page(List<Entry> all, Query query) {
    Collections.reverse(all);
    int from = (int) Math.min(all.size(), (long) query.offset());
    int to = (int) Math.min(all.size(), (long) from + query.limit());
    return new Page(List.copyOf(all.subList(from, to)), query.offset(), query.limit(), all.size());
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
