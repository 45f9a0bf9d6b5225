package org.bluemarble.market.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.client.WebSocketClientTransport;
import org.bluemarble.protocol.v1.CreateListing;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.GetWallet;
import org.bluemarble.protocol.v1.ItemAmount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Idempotency-Key} and {@code X-Character-Id} on /api/marketplace, through HTTP on an
 * embedded node: retried and racing creates give one listing charged once, a reused key with
 * another body is refused, and a request acts for the account bank or for one of its characters
 * (over HTTP with X-Character-Id, over the game WebSocket once the character entered the world).
 */
class IdempotentMarketApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct-horse-battery";
  private static final Map<String, Object> SWORD_LISTING =
      Map.of("itemId", "iron_sword", "quantity", 1, "price", 10_000, "durationDays", 3);

  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static final HttpClient http = HttpClient.newHttpClient();

  record Response(int status, JsonNode body) {}

  record Account(String id, String token) {}

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
                "bluemarble.market.default-trust-tier",
                "ESTABLISHED"));
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  private static HttpRequest request(
      String method, String path, Object body, String token, Map<String, String> headers)
      throws Exception {
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
    headers.forEach(b::header);
    return b.build();
  }

  private static Response parse(HttpResponse<String> r) throws Exception {
    return new Response(
        r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
  }

  private static Response send(
      String method, String path, Object body, String token, Map<String, String> headers)
      throws Exception {
    return parse(
        http.send(
            request(method, path, body, token, headers), HttpResponse.BodyHandlers.ofString()));
  }

  private static Account newAccount() throws Exception {
    String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Response reg =
        send(
            "POST",
            "/v1/auth/register",
            Map.of("username", name, "password", PASSWORD, "email", "a@example.org"),
            null,
            Map.of());
    assertThat(reg.status()).as(reg.body().toString()).isEqualTo(201);
    Response login =
        send(
            "POST",
            "/v1/auth/login",
            Map.of("username", name, "password", PASSWORD),
            null,
            Map.of());
    return new Account(
        reg.body().path("accountId").asText(), login.body().path("accessToken").asText());
  }

  private static String newCharacter(Account a) throws Exception {
    String name = "Hero " + UUID.randomUUID().toString().substring(0, 8);
    Response c =
        send(
            "POST",
            "/v1/characters",
            Map.of("name", name, "characterClass", "Mage"),
            a.token(),
            Map.of());
    assertThat(c.status()).as(c.body().toString()).isEqualTo(201);
    return c.body().path("playerId").asText();
  }

  private static void grant(String playerId, long copper, int swords) throws Exception {
    List<Map<String, Object>> items = new ArrayList<>();
    if (swords > 0) {
      items.add(Map.of("itemId", "iron_sword", "quantity", swords));
    }
    Response r =
        send(
            "POST",
            "/admin/v1/economy/players/" + playerId + "/grants",
            Map.of("copper", copper, "items", items, "reason", "test"),
            new AdminClient(node.httpPort).adminToken(),
            Map.of());
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
  }

  private static JsonNode wallet(Account a, Map<String, String> headers) throws Exception {
    Response r = send("GET", "/api/marketplace/wallet", null, a.token(), headers);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    return r.body();
  }

  private static Response list(Account a, Map<String, Object> body, Map<String, String> headers)
      throws Exception {
    return send("POST", "/api/marketplace/listings", body, a.token(), headers);
  }

  private static Map<String, String> key(String k) {
    return Map.of("Idempotency-Key", k);
  }

  @Test
  void aRetryAfterASuccessfulCreateReturnsTheSameListingAndChargesTheFeeOnce() throws Exception {
    Account seller = newAccount();
    grant(seller.id(), 1_000, 2);

    Response first = list(seller, SWORD_LISTING, key("retry-1"));
    Response retry = list(seller, SWORD_LISTING, key("retry-1"));

    assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
    assertThat(retry.status()).as(retry.body().toString()).isEqualTo(201);
    assertThat(retry.body().path("id").asText()).isEqualTo(first.body().path("id").asText());
    JsonNode w = wallet(seller, Map.of());
    assertThat(w.path("balance").path("copper").asLong()).isEqualTo(1_000 - 200);
    assertThat(w.path("items").path("iron_sword").asInt()).isEqualTo(1);
  }

  @Test
  void twoConcurrentRequestsWithOneKeyCreateOneListing() throws Exception {
    Account seller = newAccount();
    grant(seller.id(), 1_000, 2);

    HttpRequest req =
        request("POST", "/api/marketplace/listings", SWORD_LISTING, seller.token(), key("race"));
    CompletableFuture<HttpResponse<String>> a =
        http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
    CompletableFuture<HttpResponse<String>> b =
        http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
    Response one = parse(a.get(60, TimeUnit.SECONDS));
    Response two = parse(b.get(60, TimeUnit.SECONDS));

    assertThat(List.of(one.status(), two.status())).containsExactly(201, 201);
    assertThat(two.body().path("id").asText()).isEqualTo(one.body().path("id").asText());
    Response mine =
        send(
            "GET",
            "/api/marketplace/listings?seller=" + seller.id(),
            null,
            seller.token(),
            Map.of());
    assertThat(mine.body().path("total").asInt()).as(mine.body().toString()).isEqualTo(1);
    JsonNode w = wallet(seller, Map.of());
    assertThat(w.path("balance").path("copper").asLong()).isEqualTo(800);
    assertThat(w.path("items").path("iron_sword").asInt()).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedWith422AndChargesNothing() throws Exception {
    Account seller = newAccount();
    grant(seller.id(), 1_000, 2);
    assertThat(list(seller, SWORD_LISTING, key("k-1")).status()).isEqualTo(201);

    Map<String, Object> cheaper = new LinkedHashMap<>(SWORD_LISTING);
    cheaper.put("price", 5_000);
    Response reused = list(seller, cheaper, key("k-1"));

    assertThat(reused.status()).as(reused.body().toString()).isEqualTo(422);
    assertThat(reused.body().path("error").path("code").asText())
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(wallet(seller, Map.of()).path("balance").path("copper").asLong()).isEqualTo(800);
  }

  @Test
  void aRetriedPurchaseWithAKeyAnswersTheSaleAgainAndBuysOnce() throws Exception {
    Account seller = newAccount();
    Account buyer = newAccount();
    Account other = newAccount();
    grant(seller.id(), 1_000, 1);
    grant(buyer.id(), 50_000, 0);
    grant(other.id(), 50_000, 0);
    Response listed = list(seller, SWORD_LISTING, Map.of());
    assertThat(listed.status()).as(listed.body().toString()).isEqualTo(201);
    String buy = "/api/marketplace/listings/" + listed.body().path("id").asText() + "/buy";

    Response first = send("POST", buy, null, buyer.token(), key("buy-1"));
    Response retry = send("POST", buy, null, buyer.token(), key("buy-1"));
    Response unkeyed = send("POST", buy, null, buyer.token(), Map.of());
    Response someoneElse = send("POST", buy, null, other.token(), key("buy-1"));

    assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
    assertThat(retry.status()).as(retry.body().toString()).isEqualTo(200);
    assertThat(retry.body().path("buyer").asText()).isEqualTo(buyer.id());
    assertThat(retry.body().path("status").asText()).isEqualTo("SOLD");
    assertThat(unkeyed.status()).isEqualTo(409);
    assertThat(someoneElse.status()).isEqualTo(409);
    JsonNode w = wallet(buyer, Map.of());
    assertThat(w.path("balance").path("copper").asLong()).isEqualTo(50_000 - 10_000);
    assertThat(w.path("items").path("iron_sword").asInt()).isEqualTo(1);
    assertThat(wallet(other, Map.of()).path("balance").path("copper").asLong()).isEqualTo(50_000);
    Response malformed = send("POST", buy, null, buyer.token(), key("not a key"));
    assertThat(malformed.status()).isEqualTo(400);
  }

  @Test
  void withoutAConfiguredSecretThePaymentsWebhookIsNotServed() throws Exception {
    // This node has no bluemarble.market.payments.secret: there is no default to sign with.
    Response r =
        send(
            "POST",
            "/v1/webhooks/payments",
            Map.of("id", "evt_1", "type", "payment.succeeded"),
            null,
            Map.of("Payment-Signature", "t=1,v1=00"));
    assertThat(r.status()).as(r.body().toString()).isEqualTo(404);
  }

  @Test
  void aMalformedKeyIsRefusedWith400NamingTheHeader() throws Exception {
    Account seller = newAccount();
    Response r = list(seller, SWORD_LISTING, key("no spaces allowed"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("error").path("message").asText()).contains("Idempotency-Key");
    Response tooLong = list(seller, SWORD_LISTING, key("x".repeat(65)));
    assertThat(tooLong.status()).isEqualTo(400);
  }

  @Test
  void twoPlayersMayUseTheSameKeyForTheirOwnListings() throws Exception {
    Account ann = newAccount();
    Account bob = newAccount();
    grant(ann.id(), 1_000, 1);
    grant(bob.id(), 1_000, 1);
    Response a = list(ann, SWORD_LISTING, key("shared"));
    Response b = list(bob, SWORD_LISTING, key("shared"));
    assertThat(List.of(a.status(), b.status())).containsExactly(201, 201);
    assertThat(a.body().path("id").asText()).isNotEqualTo(b.body().path("id").asText());
  }

  @Test
  void aRetriedTradeRequestOpensOneTrade() throws Exception {
    Account ann = newAccount();
    Account bob = newAccount();
    Map<String, Object> body = Map.of("counterparty", bob.id());
    Response first = send("POST", "/api/marketplace/trades", body, ann.token(), key("t-1"));
    Response retry = send("POST", "/api/marketplace/trades", body, ann.token(), key("t-1"));
    Response other =
        send(
            "POST",
            "/api/marketplace/trades",
            Map.of("counterparty", UUID.randomUUID().toString()),
            ann.token(),
            key("t-1"));

    assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
    assertThat(retry.status()).as(retry.body().toString()).isEqualTo(201);
    assertThat(retry.body().path("tradeId").asText())
        .isEqualTo(first.body().path("tradeId").asText());
    assertThat(other.status()).as(other.body().toString()).isEqualTo(422);
    assertThat(other.body().path("error").path("code").asText())
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void buysAndListingsSpendOneApiBucketPerAccountWhicheverCharacterActs() throws Exception {
    Account owner = newAccount();
    List<Map<String, String>> actors =
        List.of(
            Map.of(),
            Map.of("X-Character-Id", newCharacter(owner)),
            Map.of("X-Character-Id", newCharacter(owner)));
    int firstLimited = -1;
    // 100 a minute per account: keyed by character, three actors would get 300 before a 429.
    for (int i = 0; i < 200 && firstLimited < 0; i++) {
      Response r =
          i % 2 == 0
              ? send(
                  "POST",
                  "/api/marketplace/listings/capital.no-such-" + i + "/buy",
                  null,
                  owner.token(),
                  actors.get(i % 3))
              : list(owner, Map.of(), actors.get(i % 3));
      if (r.status() == 429) {
        firstLimited = i;
        assertThat(r.body().path("error").path("code").asText()).isEqualTo("RATE_LIMITED");
      }
    }
    assertThat(firstLimited).isBetween(100, 199);
  }

  @Test
  void withoutACharacterHeaderTheAccountBankActsAndWithOneTheCharacter() throws Exception {
    Account owner = newAccount();
    String hero = newCharacter(owner);
    grant(owner.id(), 1_000, 0);
    grant(hero, 2_000, 1);

    JsonNode bank = wallet(owner, Map.of());
    JsonNode heroWallet = wallet(owner, Map.of("X-Character-Id", hero));
    assertThat(bank.path("playerId").asText()).isEqualTo(owner.id());
    assertThat(bank.path("balance").path("copper").asLong()).isEqualTo(1_000);
    assertThat(heroWallet.path("playerId").asText()).isEqualTo(hero);
    assertThat(heroWallet.path("balance").path("copper").asLong()).isEqualTo(2_000);

    Response listed = list(owner, SWORD_LISTING, Map.of("X-Character-Id", hero));
    assertThat(listed.status()).as(listed.body().toString()).isEqualTo(201);
    assertThat(listed.body().path("seller").asText()).isEqualTo(hero);
    assertThat(
            wallet(owner, Map.of("X-Character-Id", hero)).path("balance").path("copper").asLong())
        .isEqualTo(2_000 - 200);
    assertThat(wallet(owner, Map.of()).path("balance").path("copper").asLong()).isEqualTo(1_000);
  }

  @Test
  void anotherAccountsCharacterIsRefusedWith403AndAnUnknownOneWith404() throws Exception {
    Account owner = newAccount();
    Account intruder = newAccount();
    String hero = newCharacter(owner);

    Response stolen =
        send(
            "GET",
            "/api/marketplace/wallet",
            null,
            intruder.token(),
            Map.of("X-Character-Id", hero));
    Response unknown =
        send(
            "GET",
            "/api/marketplace/wallet",
            null,
            intruder.token(),
            Map.of("X-Character-Id", UUID.randomUUID().toString()));
    Response notAnId =
        send(
            "GET",
            "/api/marketplace/wallet",
            null,
            intruder.token(),
            Map.of("X-Character-Id", "x"));

    assertThat(stolen.status()).isEqualTo(403);
    assertThat(stolen.body().path("error").path("code").asText()).isEqualTo("NOT_YOUR_CHARACTER");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(notAnId.status()).isEqualTo(404);
  }

  @Test
  void retriedOrdersAndAuctionsWithAKeyAreTheSameOrderAndAuction() throws Exception {
    Account trader = newAccount();
    grant(trader.id(), 1_000, 1);
    Map<String, Object> order =
        Map.of("itemId", "copper_ore", "side", "BUY", "price", 10, "quantity", 5);
    Map<String, Object> auction =
        Map.of("itemId", "iron_sword", "startPrice", 100, "durationMinutes", 60);

    Response o1 = send("POST", "/api/marketplace/orders", order, trader.token(), key("o-1"));
    Response o2 = send("POST", "/api/marketplace/orders", order, trader.token(), key("o-1"));
    Response a1 = send("POST", "/api/marketplace/auctions", auction, trader.token(), key("a-1"));
    Response a2 = send("POST", "/api/marketplace/auctions", auction, trader.token(), key("a-1"));

    assertThat(List.of(o1.status(), o2.status()))
        .as(o1.body().toString())
        .containsExactly(201, 201);
    assertThat(o2.body().path("orderId").asText()).isEqualTo(o1.body().path("orderId").asText());
    assertThat(List.of(a1.status(), a2.status()))
        .as(a1.body().toString())
        .containsExactly(201, 201);
    assertThat(a2.body().path("auctionId").asText())
        .isEqualTo(a1.body().path("auctionId").asText());
    JsonNode w = wallet(trader, Map.of());
    assertThat(w.path("balance").path("copper").asLong()).isEqualTo(1_000 - 50);
    assertThat(w.path("items").path("iron_sword").asInt()).isZero();
  }

  private static Envelope ask(BlueMarbleClient client, Envelope.Builder request) throws Exception {
    return client.economy(request).get(30, TimeUnit.SECONDS);
  }

  private static long walletCopper(BlueMarbleClient client) throws Exception {
    return ask(client, Envelope.newBuilder().setGetWallet(GetWallet.getDefaultInstance()))
        .getWalletUpdate()
        .getCopper();
  }

  @Test
  void overTheGameProtocolTheAccountBankActsUntilACharacterIsEnteredAndKeysDeduplicate()
      throws Exception {
    Account owner = newAccount();
    String hero = newCharacter(owner);
    grant(owner.id(), 1_000, 0);
    grant(hero, 2_000, 2);
    WebSocketClientTransport ws =
        WebSocketClientTransport.connect(
                http, URI.create("ws://127.0.0.1:" + node.httpPort + "/ws"), e -> {}, t -> {})
            .get(30, TimeUnit.SECONDS);
    try (BlueMarbleClient client = new BlueMarbleClient(ws, new ClientListener() {})) {
      client.hello("idempotency-test/1").get(30, TimeUnit.SECONDS);
      client.authenticate(owner.token()).get(30, TimeUnit.SECONDS);
      long bankBefore = walletCopper(client);
      client.enterWorld(hero).get(30, TimeUnit.SECONDS);
      long heroInWorld = walletCopper(client);
      CreateListing create =
          CreateListing.newBuilder()
              .setItem(ItemAmount.newBuilder().setItemId("iron_sword").setQuantity(1))
              .setPrice(10_000)
              .setDurationDays(3)
              .setIdempotencyKey("ws-1")
              .build();
      Envelope first = ask(client, Envelope.newBuilder().setCreateListing(create));
      Envelope retry = ask(client, Envelope.newBuilder().setCreateListing(create));

      assertThat(bankBefore).isEqualTo(1_000);
      assertThat(heroInWorld).isEqualTo(2_000);
      assertThat(first.getListingUpdate().getListing().getSeller()).isEqualTo(hero);
      assertThat(retry.getListingUpdate().getListing().getListingId())
          .isEqualTo(first.getListingUpdate().getListing().getListingId());
      assertThat(walletCopper(client)).isEqualTo(2_000 - 200);
    }
  }
}
