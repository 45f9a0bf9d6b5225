package org.bluemarble.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes in one JVM forming one cluster over one shared (in-memory H2) journal: concurrent
 * registrations of one name through all three nodes have exactly one winner.
 */
@Tag("slow")
class ClusterRegistrationTest {
  @TempDir static Path dataDir;
  static final List<InProcessNode> nodes = new ArrayList<>();

  @BeforeAll
  static void startCluster() {
    String journal = "jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    int[] remote = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
    List<String> seeds = List.of("127.0.0.1:" + remote[0]);
    for (int i = 0; i < 3; i++) {
      nodes.add(
          InProcessNode.start(
              Profile.EMBEDDED,
              Map.of(
                  "bluemarble.node.data-dir",
                  dataDir.resolve("node-" + i).toString(),
                  "bluemarble.persistence.url",
                  journal,
                  "bluemarble.node.remote-port",
                  remote[i],
                  "bluemarble.node.seed-nodes",
                  seeds,
                  "bluemarble.auth.argon2.memory-kib",
                  1024,
                  "bluemarble.auth.argon2.iterations",
                  1)));
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (InProcessNode node : nodes) {
      node.close();
    }
  }

  @Test
  void concurrentRegistrationsOfOneNameOnThreeNodesHaveExactlyOneWinner() throws Exception {
    // Every node sees the same three members (the admin cluster view, asked on the third node).
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(
            () -> {
              AdminClient.Response view = nodes.get(2).client().get("/admin/v1/cluster");
              return view.status() == 200 && view.body().path("members").size() == 3;
            });
    int attempts = 12;
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        AdminClient client = nodes.get(i % 3).client();
        String variant = i % 2 == 0 ? "cluster_racer" : "CLUSTER_RACER";
        calls.add(
            () ->
                client
                    .post(
                        "/v1/auth/register",
                        "{\"username\":\""
                            + variant
                            + "\",\"password\":\"a-long-password\",\"email\":\"r@x.org\"}")
                    .status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(calls)) {
        statuses.add(f.get(120, TimeUnit.SECONDS));
      }
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(attempts - 1);
    } finally {
      pool.shutdownNow();
    }
  }
}
