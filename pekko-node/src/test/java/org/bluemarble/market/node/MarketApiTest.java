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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bluemarble.config.Profile;
import org.bluemarble.edge.market.PaymentSignature;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The economy's HTTP interface on a real embedded node: /api/marketplace as two logged-in players,
 * /admin/v1/economy, and the payments webhook signed by a stand-in provider.
 */
class MarketApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct-horse-battery";
  private static final String SECRET = "test-payments-secret-0123456789";

  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static final HttpClient http = HttpClient.newHttpClient();

  record Response(int status, JsonNode body) {}

  record Player(String id, String token) {}

  @BeforeAll
  static void startNode() {
    node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of(
                "bluemarble.node.data-dir",
                dataDir.toString(),
                "bluemarble.auth.argon2.memory-kib",
                1024,
                "bluemarble.auth.argon2.iterations",
                1,
                "bluemarble.market.payments.secret",
                SECRET,
                "bluemarble.market.default-trust-tier",
                "ESTABLISHED"));
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  static Response send(String method, String path, Object body, String token, String signature)
      throws Exception {
    String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (signature != null) {
      b.header("Payment-Signature", signature);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    return new Response(r.statusCode(), json);
  }

  /** Without a player, admin routes go with the test admin's token (they sit behind the gate). */
  static Response call(String method, String path, Object body, Player as) throws Exception {
    String token =
        as != null
            ? as.token()
            : path.startsWith("/admin/")
                ? new org.bluemarble.node.testing.AdminClient(node.httpPort).adminToken()
                : null;
    return send(method, path, body, token, null);
  }

  static Player newPlayer() throws Exception {
    String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Response reg =
        send(
            "POST",
            "/v1/auth/register",
            Map.of("username", name, "password", PASSWORD, "email", "a@example.org"),
            null,
            null);
    assertThat(reg.status()).as(reg.body().toString()).isEqualTo(201);
    Response login =
        send("POST", "/v1/auth/login", Map.of("username", name, "password", PASSWORD), null, null);
    return new Player(
        reg.body().path("accountId").asText(), login.body().path("accessToken").asText());
  }

  static void grant(Player p, long copper, List<Map<String, Object>> items) throws Exception {
    Response r =
        call(
            "POST",
            "/admin/v1/economy/players/" + p.id() + "/grants",
            Map.of("copper", copper, "items", items, "reason", "test"),
            null);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
  }

  static long balance(Player p) throws Exception {
    return call("GET", "/api/marketplace/wallet", null, p)
        .body()
        .path("balance")
        .path("copper")
        .asLong();
  }

  @Test
  void sellerListsBuyerBuysSecondBuyerGetsListingUnavailable() throws Exception {
    Player seller = newPlayer();
    Player buyer = newPlayer();
    Player late = newPlayer();
    grant(seller, 1_000, List.of(Map.of("itemId", "iron_sword", "quantity", 1)));
    grant(buyer, 50_000, List.of());
    grant(late, 50_000, List.of());

    Response listed =
        call(
            "POST",
            "/api/marketplace/listings",
            Map.of("itemId", "iron_sword", "quantity", 1, "price", 12_345, "durationDays", 3),
            seller);
    assertThat(listed.status()).as(listed.body().toString()).isEqualTo(201);
    assertThat(listed.body().path("price").path("text").asText()).isEqualTo("1g 23s 45c");
    String id = listed.body().path("id").asText();

    Response again =
        call(
            "POST",
            "/api/marketplace/listings",
            Map.of("itemId", "iron_sword", "quantity", 1, "price", 12_345, "durationDays", 3),
            seller);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("error").path("code").asText()).isEqualTo("DUPLICATE_LISTING");
    Response noSword =
        call(
            "POST",
            "/api/marketplace/listings",
            Map.of("itemId", "iron_sword", "quantity", 1, "price", 9_000, "durationDays", 1),
            seller);
    assertThat(noSword.status()).isEqualTo(422);
    assertThat(noSword.body().path("error").path("code").asText())
        .isEqualTo("INSUFFICIENT_INVENTORY");

    Response search = call("GET", "/api/marketplace/listings?itemId=iron_sword", null, buyer);
    assertThat(search.body().path("listings").findValuesAsText("id")).contains(id);

    Response bought = call("POST", "/api/marketplace/listings/" + id + "/buy", null, buyer);
    assertThat(bought.status()).as(bought.body().toString()).isEqualTo(200);
    Response lost = call("POST", "/api/marketplace/listings/" + id + "/buy", null, late);
    assertThat(lost.status()).isEqualTo(409);
    assertThat(lost.body().path("error").path("code").asText()).isEqualTo("LISTING_UNAVAILABLE");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(balance(seller)).isEqualTo(1_000 - 247 + 12_345 - 617));
    assertThat(balance(buyer)).isEqualTo(50_000 - 12_345);
    assertThat(balance(late)).isEqualTo(50_000);
    JsonNode ledgerLines =
        call("GET", "/admin/v1/economy/players/" + buyer.id() + "/wallet", null, null)
            .body()
            .path("ledger");
    assertThat(ledgerLines.findValuesAsText("key")).anyMatch(k -> k.endsWith(":deliver"));
    Response tx = call("GET", "/api/marketplace/transactions", null, buyer);
    assertThat(tx.body().path("transactions").findValuesAsText("listingId")).containsExactly(id);
    Response prices = call("GET", "/api/marketplace/prices/iron_sword", null, buyer);
    assertThat(prices.body().path("markets").get(0).path("lastPrice").path("copper").asLong())
        .isEqualTo(12_345);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode ledger = call("GET", "/admin/v1/economy/ledger", null, null).body();
              assertThat(ledger.path("inFlight").asInt()).isZero();
              assertThat(ledger.path("balanced").asBoolean()).as(ledger.toString()).isTrue();
            });
  }

  @Test
  void marketplaceNeedsAnAccessToken() throws Exception {
    Response r = send("GET", "/api/marketplace/listings", null, "not-a-jwt", null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(send("GET", "/api/marketplace/listings", null, null, null).status()).isEqualTo(401);
  }

  @Test
  void tradeRequestsAreLimitedToFiveAMinute() throws Exception {
    Player a = newPlayer();
    Player b = newPlayer();
    int last = 0;
    for (int i = 0; i < 6; i++) {
      last = call("POST", "/api/marketplace/trades", Map.of("counterparty", b.id()), a).status();
      if (i < 5) {
        assertThat(last).isEqualTo(201);
      }
    }
    assertThat(last).isEqualTo(429);
  }

  @Test
  void aTradeIsShownToItsParticipantsOnly() throws Exception {
    Player a = newPlayer();
    Player b = newPlayer();
    Player stranger = newPlayer();
    Response open = call("POST", "/api/marketplace/trades", Map.of("counterparty", b.id()), a);
    assertThat(open.status()).as(open.body().toString()).isEqualTo(201);
    String path = "/api/marketplace/trades/" + open.body().path("tradeId").asText();

    assertThat(call("GET", path, null, a).status()).isEqualTo(200);
    assertThat(call("GET", path, null, b).status()).isEqualTo(200);
    Response peek = call("GET", path, null, stranger);
    assertThat(peek.status()).isEqualTo(404);
    assertThat(peek.body().path("error").path("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(peek.body().toString()).doesNotContain(a.id()).doesNotContain(b.id());
  }

  @Test
  void readOnlyEconomyAnswers503ToWritesAndStillServesReads() throws Exception {
    Player p = newPlayer();
    grant(p, 1_000, List.of(Map.of("itemId", "iron_sword", "quantity", 1)));
    Response on =
        call(
            "PUT",
            "/admin/v1/economy/read-only",
            Map.of("readOnly", true, "reason", "audit"),
            null);
    assertThat(on.status()).isEqualTo(200);
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                Response w =
                    call(
                        "POST",
                        "/api/marketplace/listings",
                        Map.of("itemId", "iron_sword", "price", 100),
                        p);
                assertThat(w.status()).isEqualTo(503);
                assertThat(w.body().path("error").path("message").asText()).contains("audit");
              });
      assertThat(call("GET", "/api/marketplace/listings", null, p).status()).isEqualTo(200);
    } finally {
      call("PUT", "/admin/v1/economy/read-only", Map.of("readOnly", false), null);
    }
  }

  @Test
  void paymentsWebhookCreditsOnceAndRejectsBadOrStaleSignatures() throws Exception {
    Player p = newPlayer();
    PaymentSignature provider = new PaymentSignature(SECRET, Duration.ofMinutes(5), 1_000_000);
    String event =
        JSON.writeValueAsString(
            Map.of(
                "id",
                "evt_" + UUID.randomUUID(),
                "type",
                "payment.succeeded",
                "data",
                Map.of("playerId", p.id(), "copper", 5_000)));
    String path = "/v1/webhooks/payments";

    Response first = send("POST", path, event, null, provider.sign(event, Instant.now()));
    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    assertThat(first.body().path("credited").asBoolean()).isTrue();
    Response replay = send("POST", path, event, null, provider.sign(event, Instant.now()));
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.body().path("duplicate").asBoolean()).isTrue();

    PaymentSignature forger =
        new PaymentSignature("some-other-secret-123456", Duration.ofMinutes(5), 1_000_000);
    Response forged = send("POST", path, event, null, forger.sign(event, Instant.now()));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.body().path("error").path("code").asText()).isEqualTo("INVALID_SIGNATURE");
    Response stale =
        send("POST", path, event, null, provider.sign(event, Instant.now().minusSeconds(3600)));
    assertThat(stale.status()).isEqualTo(400);
    assertThat(stale.body().path("error").path("message").asText()).contains("tolerance");
    Response unsigned = send("POST", path, event, null, null);
    assertThat(unsigned.status()).isEqualTo(400);

    assertThat(balance(p)).isEqualTo(5_000);
  }

  @Test
  void aPaymentAboveTheLimitPerEventIsRefusedCreditsNothingAndIsAudited() throws Exception {
    Player p = newPlayer();
    PaymentSignature provider = new PaymentSignature(SECRET, Duration.ofMinutes(5), 1_000_000);
    String id = "evt_" + UUID.randomUUID();
    String event =
        JSON.writeValueAsString(
            Map.of(
                "id",
                id,
                "type",
                "payment.succeeded",
                "data",
                Map.of("playerId", p.id(), "copper", 1_000_000_000_000L)));
    String path = "/v1/webhooks/payments";

    Response refused = send("POST", path, event, null, provider.sign(event, Instant.now()));
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
    assertThat(refused.body().path("error").path("code").asText())
        .isEqualTo("PAYMENT_LIMIT_EXCEEDED");
    assertThat(balance(p)).isZero();

    // The largest allowed event (the default max-credit-per-event) is credited.
    String atLimit = event.replace(id, id + "-b").replace("1000000000000", "1000000");
    Response credited = send("POST", path, atLimit, null, provider.sign(atLimit, Instant.now()));
    assertThat(credited.status()).as(credited.body().toString()).isEqualTo(200);
    assertThat(balance(p)).isEqualTo(1_000_000);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Response audit =
                  call("GET", "/admin/v1/audit?actor=payment-provider&limit=100", null, null);
              assertThat(audit.status()).as(audit.body().toString()).isEqualTo(200);
              assertThat(audit.body().toString())
                  .contains("playerId=" + p.id())
                  .contains("event=" + id + " ");
            });
  }
}
