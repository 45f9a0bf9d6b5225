package org.bluemarble.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.account.Account;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientIoLoop;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.client.UdpClientTransport;
import org.bluemarble.protocol.client.WebSocketClientTransport;
import org.bluemarble.protocol.udp.ConnectToken;
import org.bluemarble.protocol.v1.ConnectTokenIssued;

/** Test helper: accounts with one character each on a real node, and connected clients. */
final class PlayWorld {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "correct-horse-battery";
  static final Duration WAIT = Duration.ofSeconds(30);

  /** One account with one character and a fresh access token. */
  record Player(String accountId, String token, String playerId) {}

  private final InProcessNode node;
  private final AdminClient api;
  private final HttpClient http;

  PlayWorld(InProcessNode node) {
    this.node = node;
    this.api = node.client();
    this.http = node.httpClient();
  }

  /** Config for a node that plays: cheap Argon2, a free UDP port. */
  static Map<String, Object> config(String dataDir, String gracePeriod) {
    return Map.of(
        "bluemarble.node.data-dir",
        dataDir,
        "bluemarble.auth.argon2.memory-kib",
        1024,
        "bluemarble.auth.argon2.iterations",
        1,
        "bluemarble.node.udp-port",
        0,
        "bluemarble.edge.grace-period",
        gracePeriod);
  }

  Player newPlayer(String username) throws Exception {
    return newPlayer(username, "Warrior");
  }

  /** An account {@code username} with one character "{@code username} hero" of that class. */
  Player newPlayer(String username, String characterClass) throws Exception {
    AdminClient.Response reg =
        api.post(
            "/v1/auth/register",
            JSON.writeValueAsString(
                Map.of("username", username, "password", PASSWORD, "email", "p@example.org")));
    if (reg.status() != 201) {
      throw new IllegalStateException("register " + username + ": " + reg.status() + reg.body());
    }
    String accountId = reg.body().path("accountId").asText();
    String token = token(username);
    AdminClient.Response created = api.createPlayer(username + " hero", characterClass);
    if (created.status() != 201) {
      throw new IllegalStateException("create player: " + created.status() + created.body());
    }
    String playerId = created.body().path("id").asText();
    CompletionStage<Account.Reply> added =
        ClusterSharding.get(node.system)
            .entityRefFor(Account.ENTITY_KEY, accountId)
            .ask(r -> new Account.AddCharacter(playerId, r), WAIT);
    Account.Reply reply = added.toCompletableFuture().get(30, TimeUnit.SECONDS);
    if (!(reply instanceof Account.Summary)) {
      throw new IllegalStateException("add character: " + reply);
    }
    return new Player(accountId, token, playerId);
  }

  /** Bans an account through its entity (no kick is published: only the session checks hold). */
  void ban(String accountId, String reason) throws Exception {
    Account.Reply reply =
        ClusterSharding.get(node.system)
            .entityRefFor(Account.ENTITY_KEY, accountId)
            .<Account.Reply>ask(r -> new Account.Ban(reason, null, "test-admin", r), WAIT)
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    if (!(reply instanceof Account.Summary)) {
      throw new IllegalStateException("ban: " + reply);
    }
  }

  /** Creates one more character for the player's account; returns its player id. */
  String addCharacter(Player p, String name) throws Exception {
    AdminClient.Response created = api.createPlayer(name, "Warrior");
    if (created.status() != 201) {
      throw new IllegalStateException("create player: " + created.status() + created.body());
    }
    String playerId = created.body().path("id").asText();
    Account.Reply reply =
        ClusterSharding.get(node.system)
            .entityRefFor(Account.ENTITY_KEY, p.accountId())
            .<Account.Reply>ask(r -> new Account.AddCharacter(playerId, r), WAIT)
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    if (!(reply instanceof Account.Summary)) {
      throw new IllegalStateException("add character: " + reply);
    }
    return playerId;
  }

  String token(String username) throws Exception {
    AdminClient.Response login =
        api.post(
            "/v1/auth/login",
            JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD)));
    JsonNode body = login.body();
    return body.path("accessToken").asText();
  }

  /** A client over WebSocket, greeted and authenticated. */
  BlueMarbleClient webSocket(Player p, ClientListener listener) throws Exception {
    BlueMarbleClient client = webSocketGreeted(listener);
    client.authenticate(p.token()).get(30, TimeUnit.SECONDS);
    return client;
  }

  /** A client over WebSocket, greeted but not authenticated. */
  BlueMarbleClient webSocketGreeted(ClientListener listener) throws Exception {
    WebSocketClientTransport ws =
        WebSocketClientTransport.connect(http, node.webSocketUri(), e -> {}, t -> {})
            .get(30, TimeUnit.SECONDS);
    BlueMarbleClient client = new BlueMarbleClient(ws, listener);
    client.hello("edge-test/1").get(30, TimeUnit.SECONDS);
    return client;
  }

  /** A connect token obtained over a short-lived WebSocket session. */
  ConnectToken connectToken(Player p) throws Exception {
    try (BlueMarbleClient ws = webSocket(p, new ClientListener() {})) {
      ConnectTokenIssued issued = ws.requestConnectToken(p.playerId()).get(30, TimeUnit.SECONDS);
      return ConnectToken.fromBytes(issued.getToken().toByteArray());
    }
  }

  /**
   * A client over UDP (through {@code via} when not null, e.g. a lossy proxy), greeted and
   * authenticated.
   */
  BlueMarbleClient udp(Player p, ClientListener listener, ClientIoLoop loop, InetSocketAddress via)
      throws Exception {
    BlueMarbleClient client = udpGreeted(connectToken(p), p, listener, loop, via);
    client.authenticate(p.token()).get(30, TimeUnit.SECONDS);
    return client;
  }

  /** A client over UDP with a given connect token, greeted but not authenticated. */
  BlueMarbleClient udpGreeted(
      ConnectToken token,
      Player p,
      ClientListener listener,
      ClientIoLoop loop,
      InetSocketAddress via)
      throws Exception {
    long now = System.currentTimeMillis();
    UdpClientTransport transport =
        via == null
            ? UdpClientTransport.open(token, p.playerId(), now)
            : UdpClientTransport.open(token, via, p.playerId(), now);
    BlueMarbleClient client = new BlueMarbleClient(transport, listener);
    loop.register(transport);
    transport.connected().get(30, TimeUnit.SECONDS);
    client.hello("edge-test-udp/1").get(30, TimeUnit.SECONDS);
    return client;
  }

  /** The port UDP clients should use, from a connect token's server address. */
  static InetSocketAddress serverOf(ConnectToken token) {
    String[] hp = token.serverAddress().split(":");
    return new InetSocketAddress(hp[0], Integer.parseInt(hp[1]));
  }
}
