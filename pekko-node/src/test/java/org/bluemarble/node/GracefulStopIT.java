package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.node.testing.NodeProcess;
import org.bluemarble.node.testing.PlayerSignup;
import org.bluemarble.persistence.TestPostgres;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.client.WebSocketClientTransport;
import org.bluemarble.protocol.snapshot.SnapshotState;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.Snapshot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three node JVMs on one PostgreSQL; the node hosting the most players is stopped with SIGTERM
 * while every player is asked for through the other two without pause. The stopping node hands its
 * shards off (CoordinatedShutdown): no player goes unanswered for anything like a failover's
 * failure detection and split-brain wait, the node exits 0 within the termination grace period, and
 * a client playing over WebSocket on it is told REASON_SERVER_SHUTDOWN, connects through a survivor
 * and plays on. Prints the longest gap and the client's way back.
 */
@Tag("slow")
class GracefulStopIT {
  private static final int PLAYERS = 60;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The longest a player may go unanswered across the stop. A crash costs 10 to 13 s on this box
   * (ThreeNodeFailoverIT: failure detection, the split-brain resolver, re-homing); a handoff needs
   * none of these. Generous, for a machine shared with other builds.
   */
  private static final Duration GAP_BOUND = Duration.ofSeconds(8);

  /** Records what the server says about the end of the connection, and snapshots. */
  private static final class Watcher implements ClientListener {
    final AtomicReference<Disconnect> disconnect = new AtomicReference<>();
    final AtomicLong disconnectAt = new AtomicLong();
    final AtomicInteger snapshots = new AtomicInteger();
    final AtomicLong firstSnapshotAt = new AtomicLong();

    @Override
    public void onSnapshot(Snapshot snapshot, SnapshotState state) {
      firstSnapshotAt.compareAndSet(0, System.nanoTime());
      snapshots.incrementAndGet();
    }

    @Override
    public void onDisconnect(Disconnect d) {
      disconnectAt.compareAndSet(0, System.nanoTime());
      disconnect.compareAndSet(null, d);
    }
  }

  @Test
  void aStoppedNodeHandsItsPlayersToTheOthersWithoutAFailoverPause() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    int[] remote = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
    String seeds = "127.0.0.1:" + remote[0] + ",127.0.0.1:" + remote[1];
    List<NodeProcess> nodes = new ArrayList<>();
    ExecutorService probes = Executors.newFixedThreadPool(24);
    ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor();
    BlueMarbleClient before = null;
    BlueMarbleClient after = null;
    try {
      for (int i = 0; i < 3; i++) {
        Map<String, String> env = new HashMap<>(db.environment());
        env.put("BLUEMARBLE_PROFILE", "local" + (i + 1));
        env.put("BLUEMARBLE_SEED_NODES", seeds);
        if (i > 0) {
          // One node creates the test admin (see ZoneFailoverIT).
          env.put("BLUEMARBLE_BOOTSTRAP_ADMIN", "");
        }
        nodes.add(NodeProcess.start("graceful-" + (i + 1), env, remote[i]));
        if (i == 0) {
          nodes.get(0).awaitHealthy(Duration.ofSeconds(180));
        }
      }
      for (NodeProcess n : nodes) {
        n.awaitHealthy(Duration.ofSeconds(180));
      }
      awaitMembers(nodes.get(0), 3);
      for (NodeProcess n : nodes) {
        n.admin().adminToken();
      }

      Map<String, String> expectedName = new LinkedHashMap<>();
      Map<String, String> hostedBy = new HashMap<>();
      for (int i = 0; i < PLAYERS; i++) {
        AdminClient.Response created =
            nodes.get(i % 3).admin().createPlayer("Stayer " + i, i % 2 == 0 ? "Mage" : "Warrior");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String id = created.body().path("id").asText();
        hostedBy.put(id, created.body().path("hostedBy").asText());
        expectedName.put(id, "Stayer " + i);
      }
      Map<String, Integer> spread = new TreeMap<>();
      hostedBy.values().forEach(h -> spread.merge(h, 1, Integer::sum));
      System.out.println("players per node: " + spread);
      String victimAddress =
          spread.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      int victim = indexOf(nodes, victimAddress);
      NodeProcess stopping = nodes.get(victim);
      List<NodeProcess> survivors = new ArrayList<>(nodes);
      survivors.remove(victim);

      // A player in the world over a WebSocket of the node that will stop.
      String username = "leaver" + System.nanoTime() % 100_000;
      PlayerSignup.SignedUp leaver = PlayerSignup.signUp(stopping.httpPort, username, "Warrior");
      Watcher first = new Watcher();
      before = connect(stopping, leaver.accessToken(), first);
      before.enterWorld(leaver.playerId()).get(60, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(60)).until(() -> first.snapshots.get() >= 3);

      // Every player asked for through the survivors, round after round, until the end: the
      // longest time between two answers of one player is its gap.
      Map<String, Long> lastAnswer = new ConcurrentHashMap<>();
      Map<String, Long> longestGap = new ConcurrentHashMap<>();
      Map<String, Long> rehomedAfterMs = new ConcurrentHashMap<>();
      AtomicLong stopAt = new AtomicLong();
      AtomicReference<Throwable> probeFailure = new AtomicReference<>();
      int[] turn = {0};
      // Rounds 200 ms apart (a fixed delay: a round waits for all its answers first).
      ScheduledFuture<?> prober =
          rounds.scheduleWithFixedDelay(
              () -> {
                List<Future<?>> asked = new ArrayList<>();
                for (var e : expectedName.entrySet()) {
                  AdminClient admin = survivors.get(turn[0]++ % 2).admin();
                  asked.add(
                      probes.submit(
                          () ->
                              probe(
                                  admin,
                                  e.getKey(),
                                  e.getValue(),
                                  victimAddress,
                                  stopAt,
                                  lastAnswer,
                                  longestGap,
                                  rehomedAfterMs)));
                }
                for (Future<?> f : asked) {
                  try {
                    f.get();
                  } catch (Exception ex) {
                    probeFailure.compareAndSet(null, ex);
                  }
                }
              },
              0,
              200,
              TimeUnit.MILLISECONDS);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> lastAnswer.size() == PLAYERS || probeFailure.get() != null);
      assertThat(probeFailure.get()).isNull();
      assertThat(lastAnswer).hasSize(PLAYERS);
      longestGap.clear();

      stopAt.set(System.nanoTime());
      System.out.println(
          "SIGTERM to node "
              + (victim + 1)
              + " ("
              + victimAddress
              + ") at "
              + java.time.LocalTime.now());
      int exit = stopping.stop(Duration.ofSeconds(90));
      long exitedAfterMs = (System.nanoTime() - stopAt.get()) / 1_000_000;
      System.out.println("node exited with " + exit + " after " + exitedAfterMs + " ms");
      assertThat(exit).as(stopping.output()).isZero();

      // Told, not just cut off.
      await().atMost(Duration.ofSeconds(30)).until(() -> first.disconnect.get() != null);
      assertThat(first.disconnect.get().getReason())
          .isEqualTo(Disconnect.Reason.REASON_SERVER_SHUTDOWN);
      System.out.println(
          "client told REASON_SERVER_SHUTDOWN "
              + (first.disconnectAt.get() - stopAt.get()) / 1_000_000
              + " ms after SIGTERM");

      // Every player served by a survivor.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> rehomedAfterMs.size() == PLAYERS || probeFailure.get() != null);
      prober.cancel(false);
      assertThat(probeFailure.get()).isNull();
      assertThat(rehomedAfterMs).hasSize(PLAYERS);

      // The client comes back through a survivor, where the stopped node left it.
      Watcher second = new Watcher();
      NodeProcess entry = survivors.get(0);
      after = connect(entry, login(entry, username), second);
      after.enterWorld(leaver.playerId()).get(60, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(60)).until(() -> second.snapshots.get() >= 3);
      System.out.println(
          "client playing again through a survivor "
              + (second.firstSnapshotAt.get() - stopAt.get()) / 1_000_000
              + " ms after SIGTERM");

      long gap = longestGap.values().stream().mapToLong(Long::longValue).max().orElse(0);
      long lastRehomed =
          rehomedAfterMs.values().stream().mapToLong(Long::longValue).max().orElse(0);
      System.out.println(
          "graceful stop: longest gap between two answers of one player "
              + gap
              + " ms; last player answered from a survivor "
              + lastRehomed
              + " ms after SIGTERM");
      assertThat(Duration.ofMillis(gap)).isLessThan(GAP_BOUND);
      // Nothing acknowledged was lost.
      for (var e : expectedName.entrySet()) {
        AdminClient.Response r = survivors.get(1).admin().player(e.getKey());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("name").asText()).isEqualTo(e.getValue());
      }
    } finally {
      rounds.shutdownNow();
      probes.shutdownNow();
      if (before != null) {
        before.close();
      }
      if (after != null) {
        after.close();
      }
      for (NodeProcess n : nodes) {
        n.close();
      }
    }
  }

  /** One request for one player; records its answer time, gap and re-homing. */
  private static Void probe(
      AdminClient admin,
      String id,
      String name,
      String victimAddress,
      AtomicLong stopAt,
      Map<String, Long> lastAnswer,
      Map<String, Long> longestGap,
      Map<String, Long> rehomedAfterMs)
      throws InterruptedException {
    AdminClient.Response r;
    try {
      r = admin.player(id, Duration.ofSeconds(1));
    } catch (java.io.IOException timeout) {
      return null;
    }
    if (r.status() != 200) {
      return null;
    }
    assertThat(r.body().path("name").asText()).isEqualTo(name);
    long now = System.nanoTime();
    Long previous = lastAnswer.put(id, now);
    if (previous != null) {
      longestGap.merge(id, (now - previous) / 1_000_000, Math::max);
    }
    long stop = stopAt.get();
    if (stop != 0 && !victimAddress.equals(r.body().path("hostedBy").asText())) {
      rehomedAfterMs.putIfAbsent(id, (now - stop) / 1_000_000);
    }
    return null;
  }

  private static BlueMarbleClient connect(NodeProcess node, String token, ClientListener listener)
      throws Exception {
    WebSocketClientTransport ws =
        WebSocketClientTransport.connect(
                HttpClient.newHttpClient(),
                URI.create("ws://127.0.0.1:" + node.httpPort + "/ws"),
                e -> {},
                t -> {})
            .get(30, TimeUnit.SECONDS);
    BlueMarbleClient client = new BlueMarbleClient(ws, listener);
    client.hello("graceful-stop-it/1").get(30, TimeUnit.SECONDS);
    client.authenticate(token).get(30, TimeUnit.SECONDS);
    return client;
  }

  private static String login(NodeProcess node, String username) throws Exception {
    AdminClient.Response r =
        node.admin()
            .post(
                "/v1/auth/login",
                JSON.writeValueAsString(
                    Map.of("username", username, "password", "correct-horse-battery-" + username)));
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return r.body().path("accessToken").asText();
  }

  private static int indexOf(List<NodeProcess> nodes, String address) {
    for (int i = 0; i < nodes.size(); i++) {
      if (address.endsWith(":" + nodes.get(i).remotePort)) {
        return i;
      }
    }
    throw new IllegalStateException("no node at " + address);
  }

  private static void awaitMembers(NodeProcess node, int count) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              AdminClient.Response r = AdminClient.get(node.managementPort, "/cluster/members");
              int up = 0;
              for (var m : r.body().path("members")) {
                up += "Up".equals(m.path("status").asText()) ? 1 : 0;
              }
              return up == count;
            });
  }
}
