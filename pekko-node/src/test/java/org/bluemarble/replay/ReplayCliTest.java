package org.bluemarble.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bluemarble.config.Profile;
import org.bluemarble.node.Main;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bluemarble-node replay} against the H2 journal a real embedded node wrote: a character
 * created, a sword listed and bought between two players. The replayed states equal what the live
 * node answered before it stopped; the integrity check finds a damaged event and a missing one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct-horse-battery";
  private static final int PRICE = 12_345;

  @TempDir static Path dataDir;

  private static String playerId;
  private static JsonNode livePlayer;
  private static String sellerId;
  private static long liveSellerCopper;
  private static long liveBuyerCopper;
  private static String buyerId;

  record Run(int code, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  static Run replay(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("replay", "--data-dir", dataDir.toString()));
    all.addAll(List.of(args));
    int code =
        new CommandLine(new Main())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void aShortSessionOnARealNode() throws Exception {
    try (InProcessNode node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of(
                "bluemarble.node.data-dir",
                dataDir.toString(),
                "bluemarble.auth.argon2.memory-kib",
                1024,
                "bluemarble.auth.argon2.iterations",
                1,
                "bluemarble.market.default-trust-tier",
                "ESTABLISHED"))) {
      AdminClient admin = node.client();
      AdminClient.Response created = admin.createPlayer("Replay Hero", "Ranger");
      assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
      playerId = created.body().path("id").asText();
      livePlayer = admin.player(playerId).body();

      String[] seller = signUp(node);
      String[] buyer = signUp(node);
      sellerId = seller[0];
      buyerId = buyer[0];
      grant(node, seller[0], 1_000, List.of(Map.of("itemId", "iron_sword", "quantity", 1)));
      grant(node, buyer[0], 50_000, List.of());
      JsonNode listed =
          send(
              node,
              "POST",
              "/api/marketplace/listings",
              Map.of("itemId", "iron_sword", "quantity", 1, "price", PRICE, "durationDays", 3),
              seller[1]);
      String listing = listed.path("id").asText();
      send(node, "POST", "/api/marketplace/listings/" + listing + "/buy", null, buyer[1]);
      long expectedSeller = 1_000 - 247 + PRICE - 617;
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(copper(node, seller[1])).isEqualTo(expectedSeller));
      liveSellerCopper = copper(node, seller[1]);
      liveBuyerCopper = copper(node, buyer[1]);
    }
  }

  @Test
  @Order(1)
  void listsTheEntitiesOfTheJournal() throws Exception {
    Run text = replay("entities");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("Player", "Market", "Holdings", "Account", playerId);

    Run players = replay("--json", "entities", "--type", "Player");
    assertThat(players.code()).isZero();
    assertThat(players.json().findValuesAsText("persistenceId"))
        .containsExactly("Player|" + playerId);
  }

  @Test
  @Order(2)
  void aCharactersReplayedStateEqualsWhatTheLiveNodeAnswered() throws Exception {
    Run state = replay("--json", "state", "Player|" + playerId);
    assertThat(state.code()).as(state.err()).isZero();
    JsonNode s = state.json().path("state");
    assertThat(s.path("name").asText()).isEqualTo(livePlayer.path("name").asText());
    assertThat(s.path("characterClass").asText())
        .isEqualToIgnoringCase(livePlayer.path("characterClass").asText());
    assertThat(state.json().path("hash").asText()).hasSize(64);

    Run events = replay("events", "Player|" + playerId);
    assertThat(events.out()).contains("#1", "CharacterCreated", "Replay Hero");
  }

  @Test
  @Order(3)
  void walletsAndTheMarketReplayToTheLiveBalancesAndSale() throws Exception {
    Run seller = replay("--json", "state", "Holdings|" + sellerId);
    assertThat(seller.code()).as(seller.err()).isZero();
    assertThat(seller.json().path("state").path("copper").asLong()).isEqualTo(liveSellerCopper);
    Run buyer = replay("--json", "state", "Holdings|" + buyerId);
    assertThat(buyer.json().path("state").path("copper").asLong()).isEqualTo(liveBuyerCopper);
    assertThat(buyer.json().path("state").path("bag").findValuesAsText("itemId"))
        .containsExactly("iron_sword");

    Run market = replay("--json", "state", "Market|capital");
    assertThat(market.code()).as(market.err()).isZero();
    JsonNode m = market.json().path("state");
    assertThat(m.path("escrowCopper").asLong()).isZero();
    assertThat(m.path("recent").findValuesAsText("itemId")).containsExactly("iron_sword");
    long last = market.json().path("sequenceNr").asLong();

    Run diff = replay("diff", "Market|capital", "--from", "0", "--to", Long.toString(last));
    assertThat(diff.code()).as(diff.err()).isZero();
    assertThat(diff.out()).contains("OpStarted", "/recent/0/itemId: (absent) -> \"iron_sword\"");

    Run before = replay("--json", "state", "Holdings|" + buyerId, "--at-seq", "1");
    assertThat(before.json().path("state").path("copper").asLong()).isEqualTo(50_000);
  }

  @Test
  @Order(4)
  void theIntegrityCheckPassesOnTheUntouchedJournal() {
    Run verify = replay("verify");
    assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("OK");
  }

  @Test
  @Order(5)
  void badRequestsGetAClearMessageAndExitCode() {
    Run unknown = replay("state", "Player|nobody");
    assertThat(unknown.code()).isEqualTo(3);
    assertThat(unknown.err()).contains("no events for Player|nobody");
    Run time = replay("state", "Player|" + playerId, "--at-time", "yesterday");
    assertThat(time.code()).isEqualTo(3);
    assertThat(time.err()).contains("ISO-8601");
    Run range = replay("diff", "Player|" + playerId, "--from", "5", "--to", "2");
    assertThat(range.code()).isEqualTo(3);
    assertThat(range.err()).contains("bad range");
    StringWriter err = new StringWriter();
    int code =
        new CommandLine(new Main())
            .setErr(new PrintWriter(err))
            .execute("replay", "--data-dir", dataDir.resolve("nothing").toString(), "entities");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).contains("no journal at");
  }

  @Test
  @Order(6)
  void theIntegrityCheckFindsAnUnreadableEventAndAGap() throws Exception {
    String url = "jdbc:h2:file:" + dataDir + "/bluemarble;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    try (Connection c = DriverManager.getConnection(url, "bluemarble", "")) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE \"event_journal\" SET \"event_payload\" = ? WHERE \"persistence_id\" = ?"
                  + " AND \"sequence_number\" = 1")) {
        s.setBytes(1, "not cbor".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        s.setString(2, "Player|" + playerId);
        assertThat(s.executeUpdate()).isEqualTo(1);
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "DELETE FROM \"event_journal\" WHERE \"persistence_id\" = ? AND"
                  + " \"sequence_number\" = 1")) {
        s.setString(1, "Holdings|" + buyerId);
        assertThat(s.executeUpdate()).isEqualTo(1);
      }
    }
    Run verify = replay("verify");
    assertThat(verify.code()).isEqualTo(1);
    assertThat(verify.out())
        .contains("Player|" + playerId + " #1 unreadable")
        .contains("Holdings|" + buyerId + " #2 gap")
        .contains("2 problems");
    Run state = replay("state", "Player|" + playerId);
    assertThat(state.code()).isEqualTo(3);
    assertThat(state.err()).contains("event 1 of Player|" + playerId + " is unreadable");
  }

  @Test
  @Order(7)
  void whatIfAMarketHadTakenAnotherFee() throws Exception {
    // The sale at 12,345 copper: 2 % listing fee 247 (rounded up), 5 % transaction fee 617.
    Run doubled =
        replay("--json", "what-if", "Market|capital", "--set", "transaction-fee-basis-points=1000");
    assertThat(doubled.code()).as(doubled.err()).isZero();
    Map<String, JsonNode[]> changes = changes(doubled.json());
    assertThat(changes.get("/feeSink")[0].asLong()).isEqualTo(247 + 617);
    assertThat(changes.get("/feeSink")[1].asLong()).isEqualTo(247 + 1_234);
    assertThat(changes.get("/recent/0/fee")[0].asLong()).isEqualTo(617);
    assertThat(changes.get("/recent/0/fee")[1].asLong()).isEqualTo(1_234);

    Run listing =
        replay(
            "what-if", "Market|capital", "--set", "bluemarble.market.listing-fee-basis-points=500");
    assertThat(listing.code()).as(listing.err()).isZero();
    assertThat(listing.out()).contains("/feeSink: 864 -> 1235");

    Run player = replay("what-if", "Player|" + playerId, "--set", "x=1");
    assertThat(player.code()).isEqualTo(3);
    assertThat(player.err()).contains("outcomes only");
    Run badFee = replay("what-if", "Market|capital", "--set", "listing-fee-basis-points=50");
    assertThat(badFee.code()).isEqualTo(3);
    assertThat(badFee.err()).contains("listingFeeBasisPoints must be 100..500");
  }

  private static Map<String, JsonNode[]> changes(JsonNode whatIf) {
    Map<String, JsonNode[]> out = new java.util.HashMap<>();
    whatIf
        .path("changes")
        .forEach(
            c ->
                out.put(c.path("path").asText(), new JsonNode[] {c.get("before"), c.get("after")}));
    return out;
  }

  private static String[] signUp(InProcessNode node) throws Exception {
    String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    JsonNode reg =
        send(
            node,
            "POST",
            "/v1/auth/register",
            Map.of("username", name, "password", PASSWORD, "email", "a@example.org"),
            null);
    JsonNode login =
        send(node, "POST", "/v1/auth/login", Map.of("username", name, "password", PASSWORD), null);
    return new String[] {reg.path("accountId").asText(), login.path("accessToken").asText()};
  }

  private static void grant(
      InProcessNode node, String player, long copper, List<Map<String, Object>> items)
      throws Exception {
    send(
        node,
        "POST",
        "/admin/v1/economy/players/" + player + "/grants",
        Map.of("copper", copper, "items", items, "reason", "test"),
        node.client().adminToken());
  }

  private static long copper(InProcessNode node, String token) throws Exception {
    return send(node, "GET", "/api/marketplace/wallet", null, token)
        .path("balance")
        .path("copper")
        .asLong();
  }

  private static JsonNode send(
      InProcessNode node, String method, String path, Object body, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isLessThan(300);
    return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
  }
}
