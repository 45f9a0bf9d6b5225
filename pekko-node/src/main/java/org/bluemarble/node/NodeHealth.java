package org.bluemarble.node;

import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.bluemarble.edge.port.HealthPort;
import org.bluemarble.edge.port.HealthReport;
import org.bluemarble.edge.port.HealthReport.Check;
import org.bluemarble.edge.port.HealthReport.Status;

/**
 * Health of this node's dependencies: the journal database (a real query, on the blocking
 * dispatcher, with a deadline) and cluster membership (Up and no unreachable members, else
 * degraded).
 */
final class NodeHealth implements HealthPort {
  private static final long JOURNAL_DEADLINE_MS = 3_000;

  private final ActorSystem<?> system;
  private final DataSource journal;
  private final Executor blocking;

  NodeHealth(ActorSystem<?> system, DataSource journal) {
    this.system = system;
    this.journal = journal;
    this.blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
  }

  @Override
  public CompletionStage<HealthReport> check() {
    return journalCheck()
        .thenApply(
            journalResult -> {
              Map<String, Check> checks = new LinkedHashMap<>();
              checks.put("journal", journalResult);
              checks.put("cluster", clusterCheck());
              return new HealthReport(checks);
            });
  }

  private CompletableFuture<Check> journalCheck() {
    long start = System.nanoTime();
    return CompletableFuture.supplyAsync(
            () -> {
              try (Connection c = journal.getConnection();
                  Statement s = c.createStatement()) {
                s.setQueryTimeout((int) (JOURNAL_DEADLINE_MS / 1000));
                s.execute("SELECT 1");
                return new Check(Status.HEALTHY, "reachable", millisSince(start));
              } catch (Exception e) {
                return new Check(
                    Status.UNHEALTHY, "unreachable: " + e.getMessage(), millisSince(start));
              }
            },
            blocking)
        .completeOnTimeout(
            new Check(
                Status.UNHEALTHY,
                "no answer within " + JOURNAL_DEADLINE_MS + " ms",
                JOURNAL_DEADLINE_MS),
            JOURNAL_DEADLINE_MS,
            TimeUnit.MILLISECONDS);
  }

  private Check clusterCheck() {
    Cluster cluster = Cluster.get(system);
    MemberStatus self = cluster.selfMember().status();
    int members = 0;
    for (var ignored : cluster.state().getMembers()) {
      members++;
    }
    int unreachable = cluster.state().getUnreachable().size();
    String message =
        "self "
            + self.toString().toLowerCase(Locale.ROOT)
            + ", "
            + members
            + " members, "
            + unreachable
            + " unreachable";
    Status status =
        self == MemberStatus.up() && unreachable == 0 ? Status.HEALTHY : Status.DEGRADED;
    return new Check(status, message, 0);
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
