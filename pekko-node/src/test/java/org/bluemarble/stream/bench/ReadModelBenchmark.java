package org.bluemarble.stream.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.TestPostgres;
import org.bluemarble.player.Player;

/**
 * Throughput and lag of the read models' projections (here the player summaries, {@code
 * player-stats}; the sales model runs the same way on the market tags), journal on a real
 * PostgreSQL. Phase 1 writes {@code backlog} Player events (position checkpoints) as fast as the
 * node takes them and times how long until the read model has applied them all (events/s from the
 * first write). Phase 2 writes {@code paced} checkpoints at {@code rate}/s and prints the lag, the
 * time a checkpoint's "last seen" appears in {@code player_summaries} minus its journal time
 * (p50/p99/max), sampled by polling the table every 10 ms.
 *
 * <p>Arguments: {@code backlog paced rate slices}, e.g. {@code 10000 1000 100 4}.
 */
public final class ReadModelBenchmark {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  public static void main(String[] args) throws Exception {
    int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int paced = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int slices = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    int players = 200;
    TestPostgres.Database db = TestPostgres.newDatabase();
    Map<String, Object> overrides = new HashMap<>(db.configOverrides());
    overrides.put("bluemarble.persistence.slices", slices);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < players; i++) {
      ids.add("bench-" + i);
    }
    try (InProcessNode node = InProcessNode.start(Profile.LOCAL1, overrides);
        HikariDataSource pool =
            Databases.pool(
                PersistenceSettings.fromConfig(node.system.settings().config()), "bench", 2)) {
      long start = System.nanoTime();
      for (String id : ids) {
        ask(node.system, id, r -> new Player.CreateCharacter("Bench " + id, "Ranger", r)).get();
      }
      writeCheckpoints(node.system, ids, backlog - players, 0);
      double written = (System.nanoTime() - start) / 1e9;
      awaitCaughtUp(pool, Duration.ofMinutes(10));
      double applied = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "backlog: %d Player events written in %.2f s, all applied by the read model after %.2f s"
              + " = %.0f events/s over %d slices%n",
          backlog, written, applied, backlog / applied, slices);

      Histogram lag = new Histogram(3_600_000L, 3);
      AtomicBoolean polling = new AtomicBoolean(true);
      Thread poller = new Thread(() -> poll(pool, lag, polling), "bench-poller");
      poller.start();
      writeCheckpoints(node.system, ids, paced, rate);
      awaitCaughtUp(pool, Duration.ofMinutes(5));
      polling.set(false);
      poller.join(10_000);
      System.out.printf(
          "lag at %d events/s: n=%d p50=%d ms p99=%d ms max=%d ms%n",
          rate,
          lag.getTotalCount(),
          lag.getValueAtPercentile(50),
          lag.getValueAtPercentile(99),
          lag.getMaxValue());
    }
    System.exit(0);
  }

  /** Records now - last seen for every change of a summary's last seen time. */
  private static void poll(HikariDataSource pool, Histogram lag, AtomicBoolean running) {
    Map<String, Long> seen = new HashMap<>();
    boolean first = true;
    try (Connection c = pool.getConnection();
        PreparedStatement p =
            c.prepareStatement("SELECT player_id, last_seen_nanos FROM player_summaries")) {
      while (running.get()) {
        long nowMs = System.currentTimeMillis();
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            long at = rs.getLong(2);
            Long before = seen.put(rs.getString(1), at);
            if (!first && (before == null || before != at)) {
              lag.recordValue(Math.max(0, nowMs - at / 1_000_000L));
            }
          }
        }
        first = false;
        TimeUnit.MILLISECONDS.sleep(10);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Until the player-stats projections have applied the journal's newest event of their tags. */
  private static void awaitCaughtUp(HikariDataSource pool, Duration patience) throws Exception {
    long until = System.nanoTime() + patience.toNanos();
    String behind =
        "SELECT COUNT(*) FROM (SELECT \"tag\" AS t, MAX(\"event_id\") AS m FROM \"event_tag\""
            + " WHERE \"tag\" LIKE 'player-%' GROUP BY \"tag\") j LEFT JOIN read_model_progress p"
            + " ON p.model = 'player-stats' AND p.tag = j.t"
            + " WHERE p.ordering IS NULL OR p.ordering < j.m";
    while (true) {
      try (Connection c = pool.getConnection();
          PreparedStatement p = c.prepareStatement(behind);
          ResultSet rs = p.executeQuery()) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return;
        }
      }
      if (System.nanoTime() > until) {
        throw new IllegalStateException("the read model did not catch up");
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  private static void writeCheckpoints(ActorSystem<?> system, List<String> ids, int n, int rate)
      throws Exception {
    Semaphore inFlight = new Semaphore(64);
    long start = System.nanoTime();
    List<CompletableFuture<Player.Reply>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (rate > 0) {
        long due = start + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      inFlight.acquire();
      double lat = (i % 170) - 85;
      CompletableFuture<Player.Reply> f =
          ask(system, ids.get(i % ids.size()), r -> new Player.CheckpointPosition(lat, 10, 0, r));
      f.whenComplete((r, e) -> inFlight.release());
      all.add(f);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
  }

  private static CompletableFuture<Player.Reply> ask(
      ActorSystem<?> system,
      String id,
      org.apache.pekko.japi.function.Function<
              org.apache.pekko.actor.typed.ActorRef<Player.Reply>, Player.Command>
          message) {
    return ClusterSharding.get(system)
        .entityRefFor(Player.ENTITY_KEY, id)
        .ask(message, TIMEOUT)
        .toCompletableFuture();
  }
}
