package org.bluemarble.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.bluemarble.node.resilience.CircuitBreaker;
import org.bluemarble.node.resilience.Dependency;
import redis.clients.jedis.UnifiedJedis;

/**
 * Health of this node's dependencies: the journal database ({@link JournalProbe}: a real query on
 * the blocking dispatcher with a deadline, at most once per {@code
 * bluemarble.health.journal-check-cache}), cluster membership (Up and no unreachable members, else
 * degraded) and, when configured, Redis, MongoDB and Kafka ({@link Dependency}: the circuit
 * breaker's state and a round trip with a deadline; degraded, not unhealthy, when down: players in
 * the world keep playing, what needs the dependency is refused fast with 503). Error texts of the
 * stores go to the log, never into the answer.
 */
final class NodeHealth implements HealthPort {
  private static final long JOURNAL_DEADLINE_MS = 3_000;

  /** The node's Redis client and the circuit breaker every command passes. */
  record Redis(UnifiedJedis client, CircuitBreaker breaker) {}

  private final ActorSystem<?> system;
  private final JournalProbe journal;
  private final List<Dependency> dependencies;

  NodeHealth(
      ActorSystem<?> system,
      DataSource journal,
      HealthSettings settings,
      List<Dependency> dependencies) {
    this.system = system;
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    this.journal =
        new JournalProbe(
            journal,
            blocking,
            Duration.ofMillis(JOURNAL_DEADLINE_MS),
            settings.journalCheckCache(),
            System::nanoTime);
    this.dependencies = List.copyOf(dependencies);
  }

  @Override
  public CompletionStage<HealthReport> check() {
    List<CompletableFuture<Check>> checks = new ArrayList<>(dependencies.size());
    for (Dependency d : dependencies) {
      checks.add(dependencyCheck(d));
    }
    CompletableFuture<Void> all = CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new));
    return journal
        .check()
        .thenCombine(
            all,
            (journalResult, ignored) -> {
              Map<String, Check> report = new LinkedHashMap<>();
              report.put("journal", journalResult);
              report.put("cluster", clusterCheck());
              for (int i = 0; i < dependencies.size(); i++) {
                report.put(dependencies.get(i).name(), checks.get(i).join());
              }
              return new HealthReport(report);
            });
  }

  /** Open breaker: degraded at once. Else the dependency's ping, with a deadline. */
  private CompletableFuture<Check> dependencyCheck(Dependency d) {
    long start = System.nanoTime();
    if (!d.breaker().allows()) {
      return CompletableFuture.completedFuture(
          new Check(
              Status.DEGRADED,
              "circuit open: "
                  + d.whenOpen()
                  + " for "
                  + d.breaker().retryAfter().toSeconds()
                  + " s more; players in the world keep playing",
              0));
    }
    CompletableFuture<Check> answer = new CompletableFuture<>();
    CompletionStage<?> ping;
    try {
      ping = d.ping().get();
    } catch (RuntimeException e) {
      ping = CompletableFuture.failedFuture(e);
    }
    ping.whenComplete(
        (ok, error) -> {
          if (error == null) {
            answer.complete(
                new Check(
                    Status.HEALTHY,
                    "reachable, circuit " + d.breaker().state().name().toLowerCase(Locale.ROOT),
                    millisSince(start)));
          } else {
            system.log().warn("health: {} unreachable: {}", d.name(), error.toString());
            answer.complete(
                new Check(
                    Status.DEGRADED,
                    "unreachable (details in the node's log)",
                    millisSince(start)));
          }
        });
    long deadline = d.deadline().toMillis();
    return answer.completeOnTimeout(
        new Check(Status.DEGRADED, "no answer within " + deadline + " ms", deadline),
        deadline,
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
