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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.client.WebSocketClientTransport;
import org.bluemarble.protocol.v1.CancelOrder;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.GetWallet;
import org.bluemarble.protocol.v1.PlaceOrder;
import org.bluemarble.protocol.v1.TradeRequest;
import org.bluemarble.protocol.v1.WalletUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Order books and auctions over HTTP on a real embedded node (H2 journal): placing, matching,
 * depth, listing and cancelling orders; creating, bidding on and buying out auctions; error codes
 * and statuses; the same over the game WebSocket with the reference client; the admin ledger check
 * balances afterwards.
 */
class ExchangeApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct-horse-battery";

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
                "test-payments-secret-0123456789"));
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  static Response call(String method, String path, Object body, Player as) throws Exception {
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

  static Player newPlayer() throws Exception {
    String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Response reg =
        call(
            "POST",
            "/v1/auth/register",
            Map.of("username", name, "password", PASSWORD, "email", "a@example.org"),
            null);
    assertThat(reg.status()).as(reg.body().toString()).isEqualTo(201);
    Response login =
        call("POST", "/v1/auth/login", Map.of("username", name, "password", PASSWORD), null);
    return new Player(
        reg.body().path("accountId").asText(), login.body().path("accessToken").asText());
  }

  static void grant(Player p, long copper, String itemId, int quantity) throws Exception {
    List<Map<String, Object>> items =
        itemId == null ? List.of() : List.of(Map.of("itemId", itemId, "quantity", quantity));
    Response r =
        call(
            "POST",
            "/admin/v1/economy/players/" + p.id() + "/grants",
            Map.of("copper", copper, "items", items, "reason", "test"),
            null);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
  }

  static JsonNode wallet(Player p) throws Exception {
    return call("GET", "/api/marketplace/wallet", null, p).body();
  }

  private static void ledgerBalances() {
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
  void ordersMatchShowInTheDepthAndCancelReturnsTheRest() throws Exception {
    Player seller = newPlayer();
    Player buyer = newPlayer();
    Player stranger = newPlayer();
    grant(seller, 0, "iron_ore", 50);
    grant(buyer, 10_000, null, 0);

    Response ask =
        call(
            "POST",
            "/api/marketplace/orders",
            Map.of("itemId", "iron_ore", "side", "SELL", "price", 40, "quantity", 50),
            seller);
    assertThat(ask.status()).as(ask.body().toString()).isEqualTo(201);
    assertThat(ask.body().path("status").asText()).isEqualTo("OPEN");
    String askId = ask.body().path("orderId").asText();

    Response bid =
        call(
            "POST",
            "/api/marketplace/orders",
            Map.of("itemId", "iron_ore", "side", "BUY", "price", 45, "quantity", 20),
            buyer);
    assertThat(bid.status()).isEqualTo(201);
    assertThat(bid.body().path("status").asText()).isEqualTo("FILLED");
    assertThat(bid.body().path("limitPrice").path("text").asText()).isEqualTo("45c");

    Response depth = call("GET", "/api/marketplace/orderbook/iron_ore", null, stranger);
    assertThat(depth.status()).isEqualTo(200);
    assertThat(depth.body().path("asks").get(0).path("quantity").asLong()).isEqualTo(30);
    assertThat(depth.body().path("asks").get(0).path("price").path("copper").asLong())
        .isEqualTo(40);
    assertThat(depth.body().path("lastPrice").path("copper").asLong()).isEqualTo(40);
    assertThat(depth.body().path("volume").asLong()).isEqualTo(20);

    Response mine = call("GET", "/api/marketplace/orders?itemId=iron_ore", null, seller);
    assertThat(mine.body().path("orders").findValuesAsText("orderId")).containsExactly(askId);
    assertThat(call("GET", "/api/marketplace/orders/" + askId, null, stranger).status())
        .as("someone else's order")
        .isEqualTo(404);

    Response cancelled = call("DELETE", "/api/marketplace/orders/" + askId, null, seller);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.body().path("filled").asLong()).isEqualTo(20);
    Response again = call("DELETE", "/api/marketplace/orders/" + askId, null, seller);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("error").path("code").asText()).isEqualTo("ORDER_UNAVAILABLE");

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(wallet(seller).path("items").path("iron_ore").asInt()).isEqualTo(30);
              assertThat(wallet(buyer).path("items").path("iron_ore").asInt()).isEqualTo(20);
              assertThat(wallet(buyer).path("balance").path("copper").asLong())
                  .isEqualTo(10_000 - 800);
              assertThat(wallet(seller).path("balance").path("copper").asLong())
                  .isEqualTo(800 - 40);
            });
    ledgerBalances();
  }

  @Test
  void badOrdersGetClearErrors() throws Exception {
    Player p = newPlayer();
    grant(p, 100, null, 0);
    Response poor =
        call(
            "POST",
            "/api/marketplace/orders",
            Map.of("itemId", "torch", "side", "BUY", "price", 50, "quantity", 3),
            p);
    assertThat(poor.status()).isEqualTo(422);
    assertThat(poor.body().path("error").path("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
    Response noSide =
        call(
            "POST",
            "/api/marketplace/orders",
            Map.of("itemId", "torch", "side", "HOLD", "price", 5, "quantity", 1),
            p);
    assertThat(noSide.status()).isEqualTo(400);
    assertThat(noSide.body().toString()).contains("side");
    Response unknown = call("GET", "/api/marketplace/orderbook/unobtainium", null, p);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("error").path("code").asText()).isEqualTo("UNKNOWN_ITEM");
    assertThat(call("GET", "/api/marketplace/orders/capital.torch.nope", null, p).status())
        .isEqualTo(404);
    assertThat(call("GET", "/api/marketplace/orderbook/torch", null, null).status()).isEqualTo(401);
  }

  @Test
  void auctionsTakeBidsRefundTheOutbidAndSellOnBuyout() throws Exception {
    Player seller = newPlayer();
    Player alice = newPlayer();
    Player bob = newPlayer();
    grant(seller, 0, "silver_ring", 1);
    grant(alice, 5_000, null, 0);
    grant(bob, 5_000, null, 0);

    Response created =
        call(
            "POST",
            "/api/marketplace/auctions",
            Map.of(
                "itemId",
                "silver_ring",
                "startPrice",
                1_000,
                "buyoutPrice",
                3_000,
                "durationMinutes",
                60),
            seller);
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    String id = created.body().path("auctionId").asText();
    assertThat(created.body().path("status").asText()).isEqualTo("RUNNING");

    Response first =
        call("POST", "/api/marketplace/auctions/" + id + "/bids", Map.of("amount", 1_000), alice);
    assertThat(first.status()).isEqualTo(200);
    Response low =
        call("POST", "/api/marketplace/auctions/" + id + "/bids", Map.of("amount", 1_001), bob);
    assertThat(low.status()).isEqualTo(409);
    assertThat(low.body().path("error").path("code").asText()).isEqualTo("BID_TOO_LOW");
    Response own =
        call("POST", "/api/marketplace/auctions/" + id + "/bids", Map.of("amount", 2_000), seller);
    assertThat(own.status()).isEqualTo(403);

    Response listed = call("GET", "/api/marketplace/auctions?itemId=silver_ring", null, bob);
    assertThat(listed.body().path("auctions").findValuesAsText("auctionId")).contains(id);

    Response bought = call("POST", "/api/marketplace/auctions/" + id + "/buyout", null, bob);
    assertThat(bought.status()).as(bought.body().toString()).isEqualTo(200);
    assertThat(bought.body().path("status").asText()).isEqualTo("SOLD");
    assertThat(bought.body().path("highestBidder").asText()).isEqualTo(bob.id());
    assertThat(
            call("GET", "/api/marketplace/auctions/" + id, null, alice)
                .body()
                .path("status")
                .asText())
        .isEqualTo("SOLD");
    Response closed = call("POST", "/api/marketplace/auctions/" + id + "/buyout", null, alice);
    assertThat(closed.status()).isEqualTo(409);
    assertThat(closed.body().path("error").path("code").asText()).isEqualTo("AUCTION_CLOSED");
    assertThat(call("GET", "/api/marketplace/auctions/capital.nope", null, alice).status())
        .isEqualTo(404);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(wallet(alice).path("balance").path("copper").asLong()).isEqualTo(5_000);
              assertThat(wallet(bob).path("balance").path("copper").asLong()).isEqualTo(2_000);
              assertThat(wallet(bob).path("items").path("silver_ring").asInt()).isEqualTo(1);
              assertThat(wallet(seller).path("balance").path("copper").asLong())
                  .isEqualTo(3_000 - 150);
            });
    ledgerBalances();
  }

  @Test
  void withoutItemIdThePlayersOrdersAcrossTheBooksOfAMarketAreListedNewestFirst() throws Exception {
    Player p = newPlayer();
    Player other = newPlayer();
    grant(p, 5_000, "copper_ore", 10);
    grant(other, 5_000, null, 0);
    Response sell =
        call(
            "POST",
            "/api/marketplace/orders",
            Map.of("itemId", "copper_ore", "side", "SELL", "price", 900, "quantity", 10),
            p);
    Response buy =
        call(
            "POST",
            "/api/marketplace/orders",
            Map.of("itemId", "trail_bread", "side", "BUY", "price", 3, "quantity", 5),
            p);
    call(
        "POST",
        "/api/marketplace/orders",
        Map.of("itemId", "trail_bread", "side", "BUY", "price", 2, "quantity", 5),
        other);
    assertThat(List.of(sell.status(), buy.status())).containsOnly(201);
    Response mine = call("GET", "/api/marketplace/orders", null, p);
    assertThat(mine.status()).as(mine.body().toString()).isEqualTo(200);
    assertThat(mine.body().path("orders").findValuesAsText("orderId"))
        .containsExactlyInAnyOrder(
            sell.body().path("orderId").asText(), buy.body().path("orderId").asText());
    Response harbor = call("GET", "/api/marketplace/orders?market=harbor", null, p);
    assertThat(harbor.status()).isEqualTo(200);
    assertThat(harbor.body().path("orders").size()).as("no orders in another market").isZero();
    ledgerBalances();
  }

  @Test
  void aNewcomersOrderAboveTenGoldIsRefusedOverHttpAndTheGameProtocolUntilAnAdminRaisesTheTier()
      throws Exception {
    Player p = newPlayer();
    grant(p, 300_000, null, 0);
    Map<String, Object> big =
        Map.of("itemId", "gold_nugget", "side", "BUY", "price", 1_100, "quantity", 100);
    Response refused = call("POST", "/api/marketplace/orders", big, p);
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
    assertThat(refused.body().path("error").path("code").asText())
        .isEqualTo("ITEM_VALUE_LIMIT_EXCEEDED");
    try (BlueMarbleClient c = webSocket(p, new ClientListener() {})) {
      ExecutionException overProtocol =
          org.junit.jupiter.api.Assertions.assertThrows(
              ExecutionException.class,
              () ->
                  c.economy(
                          Envelope.newBuilder()
                              .setPlaceOrder(
                                  order(PlaceOrder.Side.SIDE_BUY, 1_100, 100)
                                      .setItemId("gold_nugget")))
                      .get(30, TimeUnit.SECONDS));
      assertThat(((ProtocolException) overProtocol.getCause()).code())
          .isEqualTo(Error.Code.CODE_REFUSED);
      assertThat(overProtocol.getCause().getMessage()).startsWith("ITEM_VALUE_LIMIT_EXCEEDED");
    }
    assertThat(
            call(
                    "PUT",
                    "/admin/v1/economy/players/" + p.id() + "/trust-tier",
                    Map.of("tier", "GRANDMASTER", "reason", "typo"),
                    null)
                .status())
        .isEqualTo(400);
    Response raised =
        call(
            "PUT",
            "/admin/v1/economy/players/" + p.id() + "/trust-tier",
            Map.of("tier", "ESTABLISHED", "reason", "verified trader"),
            null);
    assertThat(raised.status()).as(raised.body().toString()).isEqualTo(200);
    assertThat(raised.body().path("trustTier").asText()).isEqualTo("ESTABLISHED");
    Response accepted = call("POST", "/api/marketplace/orders", big, p);
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(201);
    ledgerBalances();
  }

  private static BlueMarbleClient webSocket(Player p, ClientListener listener) throws Exception {
    WebSocketClientTransport ws =
        WebSocketClientTransport.connect(
                http, URI.create("ws://127.0.0.1:" + node.httpPort + "/ws"), e -> {}, t -> {})
            .get(30, TimeUnit.SECONDS);
    BlueMarbleClient client = new BlueMarbleClient(ws, listener);
    client.hello("exchange-test/1").get(30, TimeUnit.SECONDS);
    client.authenticate(p.token()).get(30, TimeUnit.SECONDS);
    return client;
  }

  private static Envelope ask(BlueMarbleClient client, Envelope.Builder request) throws Exception {
    return client.economy(request).get(30, TimeUnit.SECONDS);
  }

  private static PlaceOrder.Builder order(PlaceOrder.Side side, long price, long quantity) {
    return PlaceOrder.newBuilder()
        .setItemId("oak_log")
        .setSide(side)
        .setLimitPrice(price)
        .setQuantity(quantity);
  }

  @Test
  void ordersAndTradesOverTheGameWebSocketGoThroughTheSamePort() throws Exception {
    Player seller = newPlayer();
    Player buyer = newPlayer();
    grant(seller, 0, "oak_log", 10);
    grant(buyer, 1_000, null, 0);
    List<WalletUpdate> pushed = new CopyOnWriteArrayList<>();
    ClientListener listener =
        new ClientListener() {
          @Override
          public void onWalletUpdate(WalletUpdate wallet) {
            pushed.add(wallet);
          }
        };
    try (BlueMarbleClient s = webSocket(seller, new ClientListener() {});
        BlueMarbleClient b = webSocket(buyer, listener)) {
      Envelope wallet = ask(b, Envelope.newBuilder().setGetWallet(GetWallet.getDefaultInstance()));
      assertThat(wallet.getWalletUpdate().getCopper()).isEqualTo(1_000);

      Envelope ask =
          ask(s, Envelope.newBuilder().setPlaceOrder(order(PlaceOrder.Side.SIDE_SELL, 30, 10)));
      assertThat(ask.getOrderUpdate().getStatus()).isEqualTo("OPEN");
      Envelope bid =
          ask(b, Envelope.newBuilder().setPlaceOrder(order(PlaceOrder.Side.SIDE_BUY, 30, 4)));
      assertThat(bid.getOrderUpdate().getStatus()).isEqualTo("FILLED");
      assertThat(bid.getOrderUpdate().getFilled()).isEqualTo(4);

      ExecutionException poor =
          org.junit.jupiter.api.Assertions.assertThrows(
              ExecutionException.class,
              () ->
                  b.economy(
                          Envelope.newBuilder()
                              .setPlaceOrder(order(PlaceOrder.Side.SIDE_BUY, 500, 10)))
                      .get(30, TimeUnit.SECONDS));
      ProtocolException refused = (ProtocolException) poor.getCause();
      assertThat(refused.code()).isEqualTo(Error.Code.CODE_REFUSED);
      assertThat(refused.getMessage()).startsWith("INSUFFICIENT_FUNDS");

      ExecutionException unknown =
          org.junit.jupiter.api.Assertions.assertThrows(
              ExecutionException.class,
              () ->
                  s.economy(
                          Envelope.newBuilder()
                              .setCancelOrder(
                                  CancelOrder.newBuilder().setOrderId("capital.oak_log.nope")))
                      .get(30, TimeUnit.SECONDS));
      assertThat(((ProtocolException) unknown.getCause()).code())
          .isEqualTo(Error.Code.CODE_REFUSED);
      assertThat(unknown.getCause().getMessage()).startsWith("ORDER_UNAVAILABLE");

      Envelope cancelled =
          ask(
              s,
              Envelope.newBuilder()
                  .setCancelOrder(
                      CancelOrder.newBuilder().setOrderId(ask.getOrderUpdate().getOrderId())));
      assertThat(cancelled.getOrderUpdate().getStatus()).isEqualTo("CANCELLED");

      Envelope trade =
          ask(
              b,
              Envelope.newBuilder()
                  .setTradeRequest(TradeRequest.newBuilder().setCounterparty(seller.id())));
      assertThat(trade.getTradeUpdate().getStatus()).isEqualTo("NEGOTIATING");
      assertThat(trade.getTradeUpdate().getSecond()).isEqualTo(seller.id());

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(pushed)
                      .as("wallet pushed after the buy")
                      .anyMatch(
                          w ->
                              w.getItemsList().stream()
                                  .anyMatch(i -> i.getItemId().equals("oak_log"))));
    }
    ledgerBalances();
  }
}
