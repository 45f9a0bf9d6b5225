package org.bluemarble.market.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.node.testing.EconomyClient;
import org.bluemarble.node.testing.EconomyClient.Answer;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.node.testing.NodeProcess;
import org.bluemarble.persistence.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Three node JVMs on one PostgreSQL; players registered and funded through the HTTP API; 1,000
 * random marketplace operations, trades and grants spread over the three nodes concurrently, with
 * one node killed with SIGKILL after 40 % of them. A request to the dead node (or one the survivors
 * cannot answer while shards re-home) is sent again, identically, to another node. Afterwards the
 * ledger invariant holds to the copper, every minted item exists exactly once and no balance is
 * negative.
 */
@Tag("slow")
class EconomyProcessIT {
  private static final int OPERATIONS = 1_000;
  private static final int PLAYERS = 24;
  private static final int KILL_AFTER = 400;
  private static final String PASSWORD = "correct horse battery staple";
  private static final List<String> MARKETS = List.of("capital", "harbor", "highlands");

  private final List<NodeProcess> nodes = new ArrayList<>();
  private final boolean[] dead = new boolean[3];

  /** Listings opened so far, with the index of their seller. */
  private final List<Map.Entry<String, Integer>> listings = new CopyOnWriteArrayList<>();

  private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
  private EconomyClient client;
  private List<String> players;
  private List<List<String>> tokens;

  @Test
  void ledgerBalancesAndItemsExistOnceAfterANodeIsKilledMidLoad() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    int[] remote = {FreePorts.next(), FreePorts.next(), FreePorts.next()};
    String seeds = "127.0.0.1:" + remote[0] + ",127.0.0.1:" + remote[1];
    try {
      for (int i = 0; i < 3; i++) {
        Map<String, String> env = new HashMap<>(db.environment());
        env.put("BLUEMARBLE_PROFILE", "local" + (i + 1));
        env.put("BLUEMARBLE_SEED_NODES", seeds);
        env.put("BLUEMARBLE_SBR_STABLE_AFTER", "5s");
        // The driver is one address and a few accounts doing far more than a player would.
        env.put(
            "JAVA_TOOL_OPTIONS",
            "-Dbluemarble.auth.rate-limits.api.capacity=1000000"
                + " -Dbluemarble.auth.rate-limits.trade.capacity=1000000"
                + " -Dbluemarble.auth.rate-limits.login-per-address.capacity=1000000"
                + " -Dbluemarble.market.default-trust-tier=ELITE");
        nodes.add(NodeProcess.start("economy-" + (i + 1), env, remote[i]));
      }
      for (NodeProcess n : nodes) {
        n.awaitHealthy(Duration.ofSeconds(240));
      }
      client =
          new EconomyClient(
              nodes.stream().map(n -> n.httpPort).toList(), i -> !dead[i], Duration.ofSeconds(12));
      createAndFundPlayers();

      ExecutorService pool = Executors.newFixedThreadPool(8);
      AtomicInteger done = new AtomicInteger();
      AtomicBoolean killed = new AtomicBoolean();
      List<Future<?>> work = new ArrayList<>();
      for (int k = 0; k < OPERATIONS; k++) {
        int op = k;
        work.add(
            pool.submit(
                () -> {
                  randomOperation(new Random(op), op);
                  if (done.incrementAndGet() >= KILL_AFTER && killed.compareAndSet(false, true)) {
                    kill(2);
                  }
                  return null;
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      pool.shutdown();
      System.out.println("operation outcomes (kind status -> count): " + new TreeMap<>(outcomes));
      assertThat(killed).isTrue();
      assertThat(outcomes.keySet()).anyMatch(k -> k.startsWith("buy 200"));
      assertThat(outcomes.keySet()).anyMatch(k -> k.startsWith("confirm 200"));

      // Settled: nothing in flight once the survivors host every shard; then the invariant.
      JsonNode[] ledger = new JsonNode[1];
      await()
          .atMost(Duration.ofSeconds(120))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                Answer a =
                    client.send(0, "GET", "/admin/v1/economy/ledger", null, adminTokens(), 1);
                System.out.println("ledger poll: " + a.status() + " " + a.body());
                assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
                assertThat(a.body().path("inFlight").asInt()).as(a.body().toString()).isZero();
                ledger[0] = a.body();
              });
      JsonNode l = ledger[0];
      System.out.println("ledger after kill -9: " + l);
      assertThat(l.path("balanced").asBoolean()).as(l.toString()).isTrue();
      assertThat(l.path("holdingsChecked").asInt()).isGreaterThanOrEqualTo(PLAYERS);
      long circulating =
          l.path("players").asLong()
              + l.path("marketEscrow").asLong()
              + l.path("marketFees").asLong()
              + l.path("tradeEscrow").asLong()
              + l.path("undeliveredMints").asLong();
      assertThat(circulating).isEqualTo(l.path("minted").asLong());
      assertThat(l.path("items")).as("items held vs minted").isEqualTo(l.path("itemsMinted"));
      for (int p = 0; p < PLAYERS; p++) {
        Answer w = client.send(0, "GET", "/api/marketplace/wallet", null, tokens.get(p), 3);
        assertThat(w.status()).isEqualTo(200);
        assertThat(w.body().path("balance").path("copper").asLong()).isNotNegative();
      }
    } finally {
      for (NodeProcess n : nodes) {
        n.close();
      }
    }
  }

  private void kill(int node) {
    try {
      dead[node] = true;
      nodes.get(node).kill();
      System.out.println("killed node " + (node + 1) + " with SIGKILL");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<String> adminTokens() throws Exception {
    List<String> t = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      t.add(dead[i] ? null : nodes.get(i).admin().adminToken());
    }
    return t;
  }

  private void createAndFundPlayers() throws Exception {
    players = new ArrayList<>();
    tokens = new ArrayList<>();
    List<String> admin = adminTokens();
    for (int p = 0; p < PLAYERS; p++) {
      String name = "eco" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      Answer reg =
          client.send(
              p % 3,
              "POST",
              "/v1/auth/register",
              EconomyClient.json(
                  Map.of("username", name, "password", PASSWORD, "email", name + "@example.org")),
              null,
              3);
      assertThat(reg.status()).as(String.valueOf(reg.body())).isEqualTo(201);
      List<String> perNode = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        // One login per node: each node checks the tokens it signed.
        Answer login =
            client.send(
                i,
                "POST",
                "/v1/auth/login",
                EconomyClient.json(Map.of("username", name, "password", PASSWORD)),
                null,
                1);
        assertThat(login.status()).as(String.valueOf(login.body())).isEqualTo(200);
        perNode.add(login.body().path("accessToken").asText());
      }
      players.add(reg.body().path("accountId").asText());
      tokens.add(perNode);
      Answer grant = grant(p, "fund-" + p, 500_000, "copper_ore", 60, admin);
      assertThat(grant.status()).as(String.valueOf(grant.body())).isEqualTo(200);
    }
  }

  private Answer grant(
      int p, String requestId, long copper, String item, int qty, List<String> admin) {
    String body =
        EconomyClient.json(
            Map.of(
                "copper",
                copper,
                "items",
                List.of(Map.of("itemId", item, "quantity", qty)),
                "reason",
                "load",
                "requestId",
                requestId));
    return client.send(
        p % 3, "POST", "/admin/v1/economy/players/" + players.get(p) + "/grants", body, admin, 4);
  }

  private void randomOperation(Random r, int op) throws Exception {
    int me = r.nextInt(PLAYERS);
    int node = op % 3;
    int roll = r.nextInt(100);
    if (roll < 30) {
      String body =
          EconomyClient.json(
              Map.of(
                  "market",
                  MARKETS.get(r.nextInt(3)),
                  "itemId",
                  "copper_ore",
                  "quantity",
                  1 + r.nextInt(4),
                  "price",
                  100 + r.nextInt(5_000),
                  "durationDays",
                  1));
      Answer a = count("list", call(node, "POST", "/api/marketplace/listings", body, me));
      if (a.status() == 201) {
        listings.add(Map.entry(a.body().path("id").asText(), me));
      }
    } else if (roll < 55 && !listings.isEmpty()) {
      String id = listings.get(r.nextInt(listings.size())).getKey();
      count("buy", call(node, "POST", "/api/marketplace/listings/" + id + "/buy", null, me));
    } else if (roll < 65 && !listings.isEmpty()) {
      Map.Entry<String, Integer> l = listings.get(r.nextInt(listings.size()));
      count(
          "cancel",
          call(node, "DELETE", "/api/marketplace/listings/" + l.getKey(), null, l.getValue()));
    } else if (roll < 92) {
      trade(r, node, me, (me + 1 + r.nextInt(PLAYERS - 1)) % PLAYERS);
    } else {
      count(
          "grant",
          grant(me, "grant-" + op, 1_000 + r.nextInt(9_000), "iron_sword", 1, adminTokens()));
    }
  }

  private void trade(Random r, int node, int a, int b) {
    Answer open =
        count(
            "open",
            call(
                node,
                "POST",
                "/api/marketplace/trades",
                EconomyClient.json(Map.of("counterparty", players.get(b))),
                a));
    if (open.status() != 201) {
      return;
    }
    String base = "/api/marketplace/trades/" + open.body().path("tradeId").asText();
    String payment =
        EconomyClient.json(Map.of("copper", 200 + r.nextInt(2_000), "items", List.of()));
    String goods =
        EconomyClient.json(
            Map.of(
                "copper",
                0,
                "items",
                List.of(Map.of("itemId", "copper_ore", "quantity", 1 + r.nextInt(3)))));
    if (!count("offer", call(node + 1, "PUT", base + "/offer", payment, a)).ok()) {
      return;
    }
    Answer offered = count("offer", call(node + 2, "PUT", base + "/offer", goods, b));
    if (!offered.ok()) {
      return;
    }
    String confirm = EconomyClient.json(Map.of("version", offered.body().path("version").asLong()));
    if (count("confirm", call(node, "POST", base + "/confirm", confirm, a)).ok()) {
      count("confirm", call(node + 1, "POST", base + "/confirm", confirm, b));
    }
  }

  private Answer call(int node, String method, String path, String body, int player) {
    return client.send(node % 3, method, path, body, tokens.get(player), 4);
  }

  private Answer count(String kind, Answer a) {
    String code = a.body() == null ? "" : a.body().path("code").asText("");
    outcomes.merge(kind + " " + a.status() + (code.isEmpty() ? "" : " " + code), 1, Integer::sum);
    return a;
  }
}
