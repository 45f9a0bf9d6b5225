package org.bluemarble.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;
import org.bluemarble.account.Account;
import org.bluemarble.chat.ChatHub;
import org.bluemarble.config.Profile;
import org.bluemarble.market.listing.Market;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.node.testing.PlayerSignup;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.client.WebSocketClientTransport;
import org.bluemarble.protocol.v1.BuyListing;
import org.bluemarble.protocol.v1.CancelListing;
import org.bluemarble.protocol.v1.ChatChannel;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.SocialVerb;
import org.bluemarble.social.Guild;
import org.bluemarble.social.Party;
import org.bluemarble.social.SocialList;
import org.bluemarble.zone.ZoneCell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * W3C trace context from the HTTP request into the entity: a registration (a purchase) sent with a
 * {@code traceparent} makes the Account (Market) entity write a JSON log line (the production
 * encoder) whose {@code trace_id} is the request's trace id.
 */
class TraceIntoEntityTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  /** Encodes each event as the node's JSON appender would, on the logging thread (its MDC). */
  private static final class JsonLines extends AppenderBase<ILoggingEvent> {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final LogstashEncoder encoder = new LogstashEncoder();

    @Override
    public void start() {
      encoder.setContext(getContext());
      encoder.start();
      super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
      lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
    }
  }

  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static JsonLines jsonLines;
  private static Logger accountLogger;
  private static Logger marketLogger;

  @BeforeAll
  static void start() {
    accountLogger = (Logger) LoggerFactory.getLogger(Account.class);
    jsonLines = new JsonLines();
    jsonLines.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    jsonLines.start();
    accountLogger.addAppender(jsonLines);
    // The Market logs each purchase at DEBUG (a line per purchase would cost throughput at INFO).
    marketLogger = (Logger) LoggerFactory.getLogger(Market.class);
    marketLogger.setLevel(Level.DEBUG);
    marketLogger.addAppender(jsonLines);
    node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of(
                "bluemarble.node.data-dir",
                dataDir.toString(),
                "bluemarble.auth.argon2.memory-kib",
                1024,
                "bluemarble.auth.argon2.iterations",
                1));
  }

  @AfterAll
  static void stop() throws Exception {
    accountLogger.detachAppender(jsonLines);
    marketLogger.detachAppender(jsonLines);
    marketLogger.setLevel(null);
    node.close();
  }

  private static HttpResponse<String> register(String username, String traceparent)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.httpPort + "/v1/auth/register"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\""
                        + username
                        + "\",\"password\":\"correct-horse-battery\",\"email\":\"a@example.org\"}"));
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theEntityLogsTheTraceIdTheClientSent() throws Exception {
    HttpResponse<String> r = register("traced_hero", "00-" + TRACE + "-00f067aa0ba902b7-01");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.headers().firstValue("traceparent").orElseThrow()).startsWith("00-" + TRACE + "-");
    String accountId = r.body().replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(jsonLines.lines)
                    .anySatisfy(
                        line ->
                            assertThat(line)
                                .contains("registering account " + accountId)
                                .contains("\"trace_id\":\"" + TRACE + "\"")));
  }

  @Test
  void withoutATraceparentTheEntityLogsTheTraceTheNodeStartedAndReturned() throws Exception {
    HttpResponse<String> r = register("untraced_hero", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String started = r.headers().firstValue("traceparent").orElseThrow().substring(3, 35);
    String accountId = r.body().replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(jsonLines.lines)
                    .anySatisfy(
                        line ->
                            assertThat(line)
                                .contains("registering account " + accountId)
                                .contains("\"trace_id\":\"" + started + "\"")));
  }

  @Test
  void theMarketLogsThePurchaseUnderTheTraceIdTheClientSent() throws Exception {
    assertThat(register("traced_buyer", null).statusCode()).isEqualTo(201);
    HttpResponse<String> login =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.httpPort + "/v1/auth/login"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"traced_buyer\",\"password\":\"correct-horse-battery\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String token = login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
    String trace = "0af7651916cd43dd8448eb211c80319c";

    // A listing of a configured market that does not exist: the Market entity handles the buy
    // (and refuses it), which is all this test needs.
    HttpResponse<String> buy =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + node.httpPort
                                + "/api/marketplace/listings/capital.no-such-listing/buy"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .header("traceparent", "00-" + trace + "-b7ad6b7169203331-01")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(buy.statusCode()).as(buy.body()).isBetween(400, 499);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(jsonLines.lines)
                    .anySatisfy(
                        line ->
                            assertThat(line)
                                .contains("buy of listing capital.no-such-listing")
                                .contains("\"trace_id\":\"" + trace + "\"")));
  }

  @Test
  void economyCommandsOverTheWebSocketCarryTheUpgradesTraceIntoTheMarket() throws Exception {
    assertThat(register("ws_trader", null).statusCode()).isEqualTo(201);
    String token = login("ws_trader");
    String trace = "5c1c63257de34c67b4a8e3b6f2a0d9e1";
    WebSocketClientTransport ws =
        WebSocketClientTransport.connect(
                HttpClient.newHttpClient(),
                URI.create("ws://127.0.0.1:" + node.httpPort + "/ws"),
                Map.of("traceparent", "00-" + trace + "-a3ce929d0e0e4736-01"),
                e -> {},
                t -> {})
            .get(30, TimeUnit.SECONDS);
    try (BlueMarbleClient client = new BlueMarbleClient(ws, new ClientListener() {})) {
      client.hello("trace-test/1").get(30, TimeUnit.SECONDS);
      client.authenticate(token).get(30, TimeUnit.SECONDS);
      // Listings that do not exist in a configured market: the Market entity handles (and
      // refuses) the buy and the cancel, which is all this test needs.
      Envelope.Builder buy =
          Envelope.newBuilder()
              .setBuyListing(BuyListing.newBuilder().setListingId("capital.ws-no-such-listing"));
      Envelope.Builder cancel =
          Envelope.newBuilder()
              .setCancelListing(
                  CancelListing.newBuilder().setListingId("capital.ws-no-such-listing"));
      assertThat(client.economy(buy).handle((ok, failure) -> failure).get(60, TimeUnit.SECONDS))
          .isNotNull();
      assertThat(client.economy(cancel).handle((ok, failure) -> failure).get(60, TimeUnit.SECONDS))
          .isNotNull();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(jsonLines.lines)
                  .anySatisfy(
                      line ->
                          assertThat(line)
                              .contains("buy of listing capital.ws-no-such-listing")
                              .contains("\"trace_id\":\"" + trace + "\""));
              assertThat(jsonLines.lines)
                  .anySatisfy(
                      line ->
                          assertThat(line)
                              .contains("handling Cancel[listingId=capital.ws-no-such-listing")
                              .contains("\"trace_id\":\"" + trace + "\""));
            });
  }

  @Test
  void aListingCancelledOverHttpIsLoggedByTheMarketUnderTheRequestsTrace() throws Exception {
    assertThat(register("traced_seller", null).statusCode()).isEqualTo(201);
    String token = login("traced_seller");
    String trace = "9d2e1f0a3b4c5d6e7f8091a2b3c4d5e6";
    HttpResponse<String> cancel =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + node.httpPort
                                + "/api/marketplace/listings/capital.http-no-such-listing"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("traceparent", "00-" + trace + "-b7ad6b7169203331-01")
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(cancel.statusCode()).as(cancel.body()).isBetween(400, 499);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(jsonLines.lines)
                    .anySatisfy(
                        line ->
                            assertThat(line)
                                .contains("handling Cancel[listingId=capital.http-no-such-listing")
                                .contains("\"trace_id\":\"" + trace + "\"")));
  }

  @Test
  void chatAndCombatOverTheWebSocketCarryTheUpgradesTraceIntoTheHubAndTheCell() throws Exception {
    PlayerSignup.SignedUp hero = PlayerSignup.signUp(node.httpPort, "ws_fighter", "Warrior");
    String trace = "c0ffee00c0ffee00c0ffee00c0ffee01";
    // The hub and the cell log each traced command at DEBUG (a line per command at INFO would cost
    // the tick and the chat's throughput).
    List<Logger> entities =
        List.of(
            (Logger) LoggerFactory.getLogger(ChatHub.class),
            (Logger) LoggerFactory.getLogger(ZoneCell.class));
    for (Logger entity : entities) {
      entity.setLevel(Level.DEBUG);
      entity.addAppender(jsonLines);
    }
    try {
      WebSocketClientTransport ws =
          WebSocketClientTransport.connect(
                  HttpClient.newHttpClient(),
                  URI.create("ws://127.0.0.1:" + node.httpPort + "/ws"),
                  Map.of("traceparent", "00-" + trace + "-a3ce929d0e0e4736-01"),
                  e -> {},
                  t -> {})
              .get(30, TimeUnit.SECONDS);
      try (BlueMarbleClient client = new BlueMarbleClient(ws, new ClientListener() {})) {
        client.hello("trace-test/1").get(30, TimeUnit.SECONDS);
        client.authenticate(hero.accessToken()).get(30, TimeUnit.SECONDS);
        client.enterWorld(hero.playerId()).get(60, TimeUnit.SECONDS);
        client.chat(ChatChannel.CHAT_CHANNEL_SAY, "traced hello", "").get(60, TimeUnit.SECONDS);
        client.useAbility("whirlwind", 0);

        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  assertThat(jsonLines.lines)
                      .anySatisfy(
                          line ->
                              assertThat(line)
                                  .contains("handling Send[")
                                  .contains("traced hello")
                                  .contains("\"trace_id\":\"" + trace + "\""));
                  assertThat(jsonLines.lines)
                      .anySatisfy(
                          line ->
                              assertThat(line)
                                  .contains("handling UseAbility[playerId=" + hero.playerId())
                                  .contains("\"trace_id\":\"" + trace + "\""));
                });
      }
    } finally {
      for (Logger entity : entities) {
        entity.detachAppender(jsonLines);
        entity.setLevel(null);
      }
    }
  }

  @Test
  void socialActionsAndAHarvestOverTheWebSocketCarryTheUpgradesTraceIntoTheEntities()
      throws Exception {
    PlayerSignup.SignedUp hero = PlayerSignup.signUp(node.httpPort, "ws_socialite", "Warrior");
    PlayerSignup.SignedUp other = PlayerSignup.signUp(node.httpPort, "ws_other", "Mage");
    String trace = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e";
    // The entities log each traced command at DEBUG.
    List<Logger> entities =
        List.of(
            (Logger) LoggerFactory.getLogger(Guild.class),
            (Logger) LoggerFactory.getLogger(Party.class),
            (Logger) LoggerFactory.getLogger(SocialList.class),
            (Logger) LoggerFactory.getLogger(ZoneCell.class));
    for (Logger entity : entities) {
      entity.setLevel(Level.DEBUG);
      entity.addAppender(jsonLines);
    }
    try {
      WebSocketClientTransport ws =
          WebSocketClientTransport.connect(
                  HttpClient.newHttpClient(),
                  URI.create("ws://127.0.0.1:" + node.httpPort + "/ws"),
                  Map.of("traceparent", "00-" + trace + "-a3ce929d0e0e4736-01"),
                  e -> {},
                  t -> {})
              .get(30, TimeUnit.SECONDS);
      try (BlueMarbleClient client = new BlueMarbleClient(ws, new ClientListener() {})) {
        client.hello("trace-test/1").get(30, TimeUnit.SECONDS);
        client.authenticate(hero.accessToken()).get(30, TimeUnit.SECONDS);
        client.enterWorld(hero.playerId()).get(60, TimeUnit.SECONDS);
        // Each answer (or refusal) only says the entity handled the command.
        client.createGuild("TRC", "Tracers").handle((r, f) -> r).get(60, TimeUnit.SECONDS);
        client
            .social(SocialVerb.SOCIAL_VERB_FRIEND_REQUEST, other.playerId())
            .handle((r, f) -> r)
            .get(60, TimeUnit.SECONDS);
        client
            .social(SocialVerb.SOCIAL_VERB_PARTY_INVITE, other.playerId())
            .handle((r, f) -> r)
            .get(60, TimeUnit.SECONDS);
        // A node id no cell knows: the cell handles (and refuses) the harvest.
        client.harvest(987_654_321L, 1).handle((r, f) -> r).get(60, TimeUnit.SECONDS);

        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  for (String handled :
                      List.of(
                          "handling UnderTrace[command=Create[name=Tracers",
                          "handling UnderTrace[command=RequestFriend[from=" + hero.playerId(),
                          "handling UnderTrace[command=Invite[by=" + hero.playerId(),
                          "handling Harvest[playerId=" + hero.playerId())) {
                    assertThat(jsonLines.lines)
                        .anySatisfy(
                            line ->
                                assertThat(line)
                                    .contains(handled)
                                    .contains("\"trace_id\":\"" + trace + "\""));
                  }
                });
      }
    } finally {
      for (Logger entity : entities) {
        entity.detachAppender(jsonLines);
        entity.setLevel(null);
      }
    }
  }

  @Test
  void theWebSocketUpgradesAnswerContinuesTheTraceTheClientSent() throws Exception {
    String trace = "7e3a1c9b5d2f4e6a8b0c1d2e3f4a5b6c";
    String clientSpan = "1122334455667788";
    String head;
    try (Socket socket = new Socket("127.0.0.1", node.httpPort)) {
      socket.setSoTimeout(60_000);
      socket
          .getOutputStream()
          .write(
              ("GET /ws HTTP/1.1\r\n"
                      + "Host: 127.0.0.1:"
                      + node.httpPort
                      + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      + "Sec-WebSocket-Version: 13\r\n"
                      + "traceparent: 00-"
                      + trace
                      + "-"
                      + clientSpan
                      + "-01\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      head = responseHead(socket.getInputStream());
    }

    assertThat(head).startsWith("HTTP/1.1 101 ");
    // The same trace, continued with a span of the node's own (W3C: a new parent id per hop).
    assertThat(head.lines())
        .anySatisfy(
            line ->
                assertThat(line.toLowerCase(Locale.ROOT))
                    .matches("traceparent: 00-" + trace + "-[0-9a-f]{16}-01")
                    .doesNotContain(clientSpan));
  }

  /** The status line and headers of an HTTP response, up to the empty line. */
  private static String responseHead(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    int c;
    while (head.indexOf("\r\n\r\n") < 0 && (c = in.read()) >= 0) {
      head.append((char) c);
    }
    return head.toString();
  }

  private static String login(String username) throws Exception {
    HttpResponse<String> login =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.httpPort + "/v1/auth/login"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\""
                                + username
                                + "\",\"password\":\"correct-horse-battery\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
  }
}
