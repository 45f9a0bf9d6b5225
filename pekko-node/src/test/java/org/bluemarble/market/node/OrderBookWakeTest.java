package org.bluemarble.market.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An order book that still owes a buyer the bought items when its node stops delivers them after a
 * restart on the same journal without any request to the book: the node wakes the books the journal
 * knows at start. The buyer's bag is full at the fill, so the delivery is refused and owed; after
 * the restart the buyer frees a slot by listing a sword (a market, not the book).
 */
class OrderBookWakeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct-horse-battery";
  private static final HttpClient http = HttpClient.newHttpClient();

  @TempDir static Path dataDir;

  record Response(int status, JsonNode body) {}

  record Player(String id, String name, String token) {}

  private static InProcessNode start() {
    return InProcessNode.start(
        Profile.EMBEDDED,
        Map.of(
            "bluemarble.node.data-dir",
            dataDir.toString(),
            "bluemarble.auth.argon2.memory-kib",
            1024,
            "bluemarble.auth.argon2.iterations",
            1,
            "bluemarble.market.payments.secret",
            "test-payments-secret-0123456789"));
  }

  private static Response call(
      InProcessNode node, String method, String path, Object body, Player as) throws Exception {
    String token =
        as != null
            ? as.token()
            : path.startsWith("/admin/") ? new AdminClient(node.httpPort).adminToken() : null;
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
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(
        r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
  }

  private static Player register(InProcessNode node) throws Exception {
    String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Response reg =
        call(
            node,
            "POST",
            "/v1/auth/register",
            Map.of("username", name, "password", PASSWORD, "email", "a@example.org"),
            null);
    assertThat(reg.status()).as(reg.body().toString()).isEqualTo(201);
    return login(node, reg.body().path("accountId").asText(), name);
  }

  private static Player login(InProcessNode node, String id, String name) throws Exception {
    Response login =
        call(node, "POST", "/v1/auth/login", Map.of("username", name, "password", PASSWORD), null);
    assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
    return new Player(id, name, login.body().path("accessToken").asText());
  }

  private static void grant(InProcessNode node, Player p, long copper, String item, int quantity)
      throws Exception {
    Response r =
        call(
            node,
            "POST",
            "/admin/v1/economy/players/" + p.id() + "/grants",
            Map.of(
                "copper",
                copper,
                "items",
                List.of(Map.of("itemId", item, "quantity", quantity)),
                "reason",
                "test"),
            null);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
  }

  private static JsonNode wallet(InProcessNode node, Player p) throws Exception {
    return call(node, "GET", "/admin/v1/economy/players/" + p.id() + "/wallet", null, null).body();
  }

  private static Response order(InProcessNode node, Player p, String side) throws Exception {
    return call(
        node,
        "POST",
        "/api/marketplace/orders",
        Map.of("itemId", "oak_log", "side", side, "price", 50, "quantity", 1),
        p);
  }

  @Test
  void aBookOwingItemsDeliversThemAfterARestartWithoutBeingAsked() throws Exception {
    Player buyer;
    Player seller;
    InProcessNode first = start();
    try {
      buyer = register(first);
      seller = register(first);
      grant(first, buyer, 1_000, "iron_sword", 199);
      grant(first, seller, 0, "oak_log", 1);
      Response bid = order(first, buyer, "BUY");
      assertThat(bid.body().path("status").asText()).as(bid.body().toString()).isEqualTo("OPEN");
      grant(first, buyer, 0, "iron_sword", 1);
      assertThat(wallet(first, buyer).path("freeSlots").asInt()).as("bag full").isZero();
      Response ask = order(first, seller, "SELL");
      assertThat(ask.body().path("status").asText()).as(ask.body().toString()).isEqualTo("FILLED");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(wallet(first, seller).path("copper").asLong())
                      .as("paid 50 less the 5 % fee")
                      .isEqualTo(48));
      assertThat(wallet(first, buyer).path("items").has("oak_log")).as("still owed").isFalse();
    } finally {
      first.close();
    }

    InProcessNode second = start();
    try {
      Player again = login(second, buyer.id(), buyer.name());
      Response listed =
          call(
              second,
              "POST",
              "/api/marketplace/listings",
              Map.of("itemId", "iron_sword", "quantity", 1, "price", 100, "durationDays", 1),
              again);
      assertThat(listed.status()).as(listed.body().toString()).isEqualTo(201);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(wallet(second, buyer).path("items").path("oak_log").asInt())
                      .as("delivered by the woken book")
                      .isEqualTo(1));
    } finally {
      second.close();
    }
  }
}
