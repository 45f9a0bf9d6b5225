package org.bluemarble.node;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.bluemarble.edge.port.HealthReport.Check;
import org.bluemarble.edge.port.HealthReport.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal database's part of {@code /health}: a real {@code SELECT 1} on the blocking executor
 * with a deadline, run at most once per {@code cacheFor}. Callers within that time (and callers
 * while a check runs) share its result, so a flood of health requests borrows at most one
 * connection per interval. The answer never carries the database's error text (it may name hosts,
 * users or schemas); the log gets the detail.
 */
final class JournalProbe {
  private static final Logger log = LoggerFactory.getLogger(JournalProbe.class);

  /** What a failed check says to the outside. */
  static final String UNREACHABLE = "unreachable (details in the node's log)";

  private record Run(long startedNanos, CompletableFuture<Check> result) {}

  private final DataSource journal;
  private final Executor blocking;
  private final Duration deadline;
  private final long cacheNanos;
  private final LongSupplier nanoTime;
  private final AtomicReference<Run> last = new AtomicReference<>();

  /**
   * {@code cacheFor}: how long one check's result answers (zero: every call checks); {@code
   * nanoTime}: the clock ({@link System#nanoTime} outside tests).
   */
  JournalProbe(
      DataSource journal,
      Executor blocking,
      Duration deadline,
      Duration cacheFor,
      LongSupplier nanoTime) {
    this.journal = journal;
    this.blocking = blocking;
    this.deadline = deadline;
    this.cacheNanos = cacheFor.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The latest check if it is recent enough or still running, else a new one. */
  CompletableFuture<Check> check() {
    while (true) {
      Run run = last.get();
      long now = nanoTime.getAsLong();
      if (run != null && (!run.result().isDone() || now - run.startedNanos() < cacheNanos)) {
        return run.result();
      }
      CompletableFuture<Check> mine = new CompletableFuture<>();
      if (last.compareAndSet(run, new Run(now, mine))) {
        query(now).whenComplete((c, e) -> mine.complete(c));
        return mine;
      }
    }
  }

  private CompletableFuture<Check> query(long start) {
    long deadlineMs = deadline.toMillis();
    return CompletableFuture.supplyAsync(
            () -> {
              try (Connection c = journal.getConnection();
                  Statement s = c.createStatement()) {
                s.setQueryTimeout((int) Math.max(1, deadline.toSeconds()));
                s.execute("SELECT 1");
                return new Check(Status.HEALTHY, "reachable", millisSince(start));
              } catch (Exception e) {
                log.warn("health: the journal database is unreachable: {}", e.toString());
                return new Check(Status.UNHEALTHY, UNREACHABLE, millisSince(start));
              }
            },
            blocking)
        .completeOnTimeout(
            new Check(Status.UNHEALTHY, "no answer within " + deadlineMs + " ms", deadlineMs),
            deadlineMs,
            TimeUnit.MILLISECONDS);
  }

  private long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - startNanos);
  }
}
