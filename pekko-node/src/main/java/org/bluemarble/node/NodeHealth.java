package org.bluemarble.node;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
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
 * Health of this node's dependencies: the journal database ({@link JournalProbe}: a real query on
 * the blocking dispatcher with a deadline, at most once per {@code
 * bluemarble.health.journal-check-cache}) and cluster membership (Up and no unreachable members,
 * else degraded).
 */
final class NodeHealth implements HealthPort {
  private static final long JOURNAL_DEADLINE_MS = 3_000;

  private final ActorSystem<?> system;
  private final JournalProbe journal;

  NodeHealth(ActorSystem<?> system, DataSource journal, HealthSettings settings) {
    this.system = system;
    this.journal =
        new JournalProbe(
            journal,
            system.dispatchers().lookup(DispatcherSelector.blocking()),
            Duration.ofMillis(JOURNAL_DEADLINE_MS),
            settings.journalCheckCache(),
            System::nanoTime);
  }

  @Override
  public CompletionStage<HealthReport> check() {
    return journal
        .check()
        .thenApply(
            journalResult -> {
              Map<String, Check> checks = new LinkedHashMap<>();
              checks.put("journal", journalResult);
              checks.put("cluster", clusterCheck());
              return new HealthReport(checks);
            });
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
}
