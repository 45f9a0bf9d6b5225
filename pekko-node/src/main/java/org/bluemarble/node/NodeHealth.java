package org.bluemarble.node;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import redis.clients.jedis.UnifiedJedis;

/**
 * Health of this node's dependencies: the journal database ({@link JournalProbe}: a real query on
 * the blocking dispatcher with a deadline, at most once per {@code
 * bluemarble.health.journal-check-cache}), cluster membership (Up and no unreachable members, else
 * degraded) and, when configured, Redis (its circuit breaker's state and a PING with a deadline;
 * degraded, not unhealthy, when down: players in the world keep playing, logins are refused with
 * 503). Error texts of the stores go to the log, never into the answer.
 */
final class NodeHealth implements HealthPort {
  private static final long JOURNAL_DEADLINE_MS = 3_000;
  private static final long REDIS_DEADLINE_MS = 1_000;

  /** The node's Redis client and the circuit breaker every command passes. */
  record Redis(UnifiedJedis client, CircuitBreaker breaker) {}

  private final ActorSystem<?> system;
  private final JournalProbe journal;
  private final Optional<Redis> redis;
  private final Executor blocking;

  NodeHealth(
      ActorSystem<?> system, DataSource journal, HealthSettings settings, Optional<Redis> redis) {
    this.system = system;
    this.blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    this.journal =
        new JournalProbe(
            journal,
            blocking,
            Duration.ofMillis(JOURNAL_DEADLINE_MS),
            settings.journalCheckCache(),
            System::nanoTime);
    this.redis = redis;
  }

  @Override
  public CompletionStage<HealthReport> check() {
    CompletableFuture<Optional<Check>> redisCheck =
        redis
            .map(r -> redisCheck(r).thenApply(Optional::of))
            .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()));
    return journal
        .check()
        .thenCombine(
            redisCheck,
            (journalResult, redisResult) -> {
              Map<String, Check> checks = new LinkedHashMap<>();
              checks.put("journal", journalResult);
              checks.put("cluster", clusterCheck());
              redisResult.ifPresent(c -> checks.put("redis", c));
              return new HealthReport(checks);
            });
  }

  /** Open breaker: degraded at once. Else a PING through the breaker, with a deadline. */
  private CompletableFuture<Check> redisCheck(Redis r) {
    long start = System.nanoTime();
    if (!r.breaker().allows()) {
      return CompletableFuture.completedFuture(
          new Check(
              Status.DEGRADED,
              "circuit open: logins and token refreshes refused for "
                  + r.breaker().retryAfter().toSeconds()
                  + " s more; players in the world keep playing",
              0));
    }
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                r.client().ping();
                return new Check(
                    Status.HEALTHY,
                    "reachable, circuit " + r.breaker().state().name().toLowerCase(Locale.ROOT),
                    millisSince(start));
              } catch (RuntimeException e) {
                system.log().warn("health: Redis unreachable: {}", e.toString());
                return new Check(
                    Status.DEGRADED, "unreachable (details in the node's log)", millisSince(start));
              }
            },
            blocking)
        .completeOnTimeout(
            new Check(
                Status.DEGRADED,
                "no answer within " + REDIS_DEADLINE_MS + " ms",
                REDIS_DEADLINE_MS),
            REDIS_DEADLINE_MS,
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
