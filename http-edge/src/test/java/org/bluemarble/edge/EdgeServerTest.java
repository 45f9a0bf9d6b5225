package org.bluemarble.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.GamePort;
import org.bluemarble.edge.port.HealthPort;
import org.bluemarble.edge.port.HealthReport;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.PlayerAdminPort;
import org.bluemarble.edge.port.PlayerView;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.geojson.BiomePolygon;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP edge over a real socket, with an in-memory stand-in for the game behind the port. */
class EdgeServerTest {
  /** The world is tested against the real zone cells in pekko-node; here it has no cells. */
  static final org.bluemarble.edge.port.WorldAdminPort STAND_IN_WORLD =
      new org.bluemarble.edge.port.WorldAdminPort() {
        @Override
        public WorldView world() {
          return new WorldView("none", 0, 3, "", 13, 60, 20, 250);
        }

        @Override
        public CompletionStage<CellView> cell(String cellId) {
          return CompletableFuture.failedFuture(
              new PortException(PortException.Code.NOT_FOUND, "no cells here"));
        }
      };

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ActorTestKit testKit;
  private static InMemoryGame game;
  private static AuthComponents auth;
  private static String adminToken;
  private static String base;
  private static String baseWithoutAdmin;

  @BeforeAll
  static void start() throws Exception {
    testKit =
        ActorTestKit.create(
            "edge", ConfigFactory.parseString("pekko.http.server.parsing.max-content-length = 1m"));
    game = new InMemoryGame();
    auth = TestAuth.components(java.util.concurrent.ForkJoinPool.commonPool());
    adminToken =
        TestAuth.token(auth, org.bluemarble.auth.Role.PLAYER, org.bluemarble.auth.Role.ADMIN);
    base = bind(true);
    baseWithoutAdmin = bind(false);
  }

  private static String bind(boolean admin) throws Exception {
    ServerBinding binding =
        new EdgeServer(new EdgeServer.Settings("127.0.0.1", 0, admin, "test"), game, auth)
            .start(testKit.system())
            .toCompletableFuture()
            .get();
    return "http://127.0.0.1:" + binding.localAddress().getPort();
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static HttpResponse<String> send(String method, String url, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (url.contains("/admin/")) {
      b.header("Authorization", "Bearer " + adminToken);
    }
    b =
        body == null
            ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode error(HttpResponse<String> response) throws Exception {
    JsonNode node = JSON.readTree(response.body());
    assertThat(node.has("error")).as(response.body()).isTrue();
    assertThat(node.path("error").path("message").asText()).isNotBlank();
    return node.path("error");
  }

  @Test
  void healthIsOkWhenEverythingIsAndServiceUnavailableWhenTheJournalIsNot() throws Exception {
    game.journalUp = true;
    HttpResponse<String> ok = send("GET", base + "/health", null);
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(ok.body());
    assertThat(body.path("status").asText()).isEqualTo("healthy");
    assertThat(body.path("checks").path("journal").path("status").asText()).isEqualTo("healthy");
    assertThat(body.path("version").asText()).isEqualTo("test");
    assertThat(Instant.parse(body.path("timestamp").asText())).isNotNull();

    game.journalUp = false;
    HttpResponse<String> down = send("GET", base + "/health", null);
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(down.body()).path("status").asText()).isEqualTo("unhealthy");
    game.journalUp = true;
  }

  @Test
  void createsAPlayerAndReadsItBack() throws Exception {
    HttpResponse<String> created =
        send("POST", base + "/admin/v1/players", "{\"name\":\"Aria\",\"class\":\"Mage\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode player = JSON.readTree(created.body());
    String id = player.path("id").asText();
    assertThat(created.headers().firstValue("Location")).contains("/admin/v1/players/" + id);

    HttpResponse<String> read = send("GET", base + "/admin/v1/players/" + id, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(read.body()).path("name").asText()).isEqualTo("Aria");
    assertThat(JSON.readTree(read.body()).path("characterClass").asText()).isEqualTo("Mage");
  }

  @Test
  void unknownAndMalformedIdsAreNotFoundAndBadRequest() throws Exception {
    HttpResponse<String> unknown =
        send("GET", base + "/admin/v1/players/" + UUID.randomUUID(), null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(error(unknown).path("code").asText()).isEqualTo("PLAYER_NOT_FOUND");

    HttpResponse<String> malformed = send("GET", base + "/admin/v1/players/not-a-uuid", null);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(error(malformed).path("details").path("field").asText()).isEqualTo("id");
  }

  @Test
  void badBodiesGetAJsonErrorNamingTheProblemAndNothingIsCreated() throws Exception {
    int before = game.players.size();
    Map<String, String> cases =
        Map.of(
            "{not json", "INVALID_JSON",
            "[1,2]", "INVALID_JSON",
            "", "INVALID_JSON",
            "{\"name\":5,\"class\":\"Mage\"}", "INVALID_JSON",
            "{\"name\":\"Aria\",\"class\":\"Mage\",\"admin\":true}", "INVALID_JSON",
            "{\"name\":\"Aria\",\"class\":\"Mage\"} trailing", "INVALID_JSON",
            "{\"name\":\"A\",\"class\":\"Mage\"}", "INVALID_INPUT");
    for (var c : cases.entrySet()) {
      HttpResponse<String> r = send("POST", base + "/admin/v1/players", c.getKey());
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
      assertThat(error(r).path("code").asText()).as(c.getKey()).isEqualTo(c.getValue());
    }
    HttpResponse<String> wrongType =
        send("POST", base + "/admin/v1/players", "{\"name\":5,\"class\":\"Mage\"}");
    assertThat(error(wrongType).path("details").path("field").asText()).isEqualTo("name");
    assertThat(game.players).hasSize(before);
  }

  @Test
  void aBodyOverTheSizeLimitIsRefusedWith413() throws Exception {
    // Through the route itself: over a socket the server answers and then aborts a connection whose
    // body it will not read,
    // and whether the client sees the answer before the reset is a race. The limit that the server
    // applies to every
    // request is pekko.http.server.parsing.max-content-length (1m, set in http.conf; see
    // SettingsTest).
    byte[] huge = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'x');
    org.apache.pekko.http.javadsl.model.HttpRequest request =
        org.apache.pekko.http.javadsl.model.HttpRequest.POST("/admin/v1/players")
            .addHeader(
                org.apache.pekko.http.javadsl.model.headers.RawHeader.create(
                    "Authorization", "Bearer " + adminToken))
            .withEntity(
                (org.apache.pekko.http.javadsl.model.RequestEntity)
                    org.apache.pekko.http.javadsl.model.HttpEntities.create(
                            org.apache.pekko.http.javadsl.model.ContentTypes.APPLICATION_JSON, huge)
                        .withSizeLimit(1024 * 1024));
    org.apache.pekko.http.javadsl.model.HttpResponse response =
        org.apache.pekko.stream.javadsl.Source.single(request)
            .via(
                new EdgeServer(new EdgeServer.Settings("127.0.0.1", 0, true, "test"), game, auth)
                    .route()
                    .flow(testKit.system()))
            .runWith(org.apache.pekko.stream.javadsl.Sink.head(), testKit.system())
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertThat(response.status().intValue()).isEqualTo(413);
    String body =
        response
            .entity()
            .toStrict(10_000, testKit.system())
            .toCompletableFuture()
            .get()
            .getData()
            .utf8String();
    assertThat(JSON.readTree(body).path("error").path("code").asText())
        .isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void unknownRoutesAndMethodsAnswerInJson() throws Exception {
    HttpResponse<String> missing = send("GET", base + "/nope", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(error(missing).path("code").asText()).isEqualTo("NOT_FOUND");

    HttpResponse<String> method = send("DELETE", base + "/health", null);
    assertThat(method.statusCode()).isEqualTo(405);
    assertThat(error(method).path("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
  }

  @Test
  void aGameThatDoesNotAnswerIsServiceUnavailable() throws Exception {
    HttpResponse<String> r =
        send("POST", base + "/admin/v1/players", "{\"name\":\"timeout\",\"class\":\"Mage\"}");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(error(r).path("code").asText()).isEqualTo("UNAVAILABLE");
  }

  @Test
  void adminRoutesDoNotExistWhenDisabled() throws Exception {
    HttpResponse<String> r =
        send(
            "POST",
            baseWithoutAdmin + "/admin/v1/players",
            "{\"name\":\"Aria\",\"class\":\"Mage\"}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(send("GET", baseWithoutAdmin + "/health", null).statusCode()).isEqualTo(200);
  }

  /**
   * A stand-in game: players in a map; the name "timeout" simulates a game that does not answer.
   */
  static final class InMemoryGame implements GamePort, PlayerAdminPort, HealthPort {
    final Map<UUID, PlayerView> players = new ConcurrentHashMap<>();
    volatile boolean journalUp = true;

    @Override
    public PlayerAdminPort players() {
      return this;
    }

    @Override
    public HealthPort health() {
      return this;
    }

    final TestAuth.RecordingAdmin admin = new TestAuth.RecordingAdmin();

    @Override
    public org.bluemarble.edge.port.AdminPort admin() {
      return admin;
    }

    /** Accounts are tested against the real entities in pekko-node. */
    @Override
    public AccountPort accounts() {
      return accounts;
    }

    final AccountPort accounts = new AuthRoutesTest.InMemoryAccounts();

    /** The world is tested against the real zone cells in pekko-node. */
    @Override
    public org.bluemarble.edge.port.WorldAdminPort world() {
      return STAND_IN_WORLD;
    }

    /**
     * The planet API is tested against the real generator in pekko-node; here there are no planets.
     */
    @Override
    public PlanetPort planets() {
      return new PlanetPort() {
        @Override
        public GenerationTask submit(PlanetConfig config, String owner) {
          throw new PortException(PortException.Code.UNAVAILABLE, "no generator here");
        }

        @Override
        public CompletionStage<GenerationTask> reclassify(
            String planetId, org.bluemarble.planet.ClimateConfig climate, String owner) {
          return CompletableFuture.failedFuture(
              new PortException(PortException.Code.NOT_FOUND, "no planet " + planetId));
        }

        @Override
        public <T> CompletionStage<T> withPolygons(
            String planetId, java.util.function.Function<List<BiomePolygon>, T> work) {
          return CompletableFuture.failedFuture(
              new PortException(PortException.Code.NOT_FOUND, "no planet " + planetId));
        }

        @Override
        public CompletionStage<org.bluemarble.planet.geojson.PolygonTopology.Report> validate(
            String planetId) {
          return CompletableFuture.failedFuture(
              new PortException(PortException.Code.NOT_FOUND, "no planet " + planetId));
        }

        @Override
        public CompletionStage<org.bluemarble.auth.RateLimitDecision> admit(
            String accountId, Metered what) {
          return CompletableFuture.failedFuture(
              new PortException(PortException.Code.UNAVAILABLE, "no quotas here"));
        }

        @Override
        public Webhook registerWebhook(
            String owner, java.net.URI url, java.util.Set<String> events, String secret) {
          throw new PortException(PortException.Code.UNAVAILABLE, "no webhooks here");
        }

        @Override
        public Optional<GenerationTask> task(String taskId) {
          return Optional.empty();
        }

        @Override
        public CompletionStage<Lookup> planet(String planetId) {
          return CompletableFuture.completedFuture(new Missing());
        }

        @Override
        public CompletionStage<List<BiomePolygon>> polygons(String planetId) {
          return CompletableFuture.failedFuture(
              new PortException(PortException.Code.NOT_FOUND, "no planet " + planetId));
        }
      };
    }

    @Override
    public CompletionStage<List<PlayerView>> search(String nameContains, int limit) {
      return CompletableFuture.completedFuture(
          players.values().stream()
              .filter(p -> p.name().toLowerCase(java.util.Locale.ROOT).contains(nameContains))
              .limit(limit)
              .toList());
    }

    @Override
    public CompletionStage<PlayerView> create(String name, String characterClass) {
      if (name.equals("timeout")) {
        return CompletableFuture.failedFuture(new java.util.concurrent.TimeoutException());
      }
      if (name.length() < 3) {
        return CompletableFuture.failedFuture(
            new PortException(PortException.Code.INVALID_INPUT, "name too short"));
      }
      UUID id = UUID.randomUUID();
      PlayerView view =
          new PlayerView(id.toString(), name, characterClass, null, Instant.now(), 1, "local");
      players.put(id, view);
      return CompletableFuture.completedFuture(view);
    }

    @Override
    public CompletionStage<Optional<PlayerView>> find(UUID playerId) {
      return CompletableFuture.completedFuture(Optional.ofNullable(players.get(playerId)));
    }

    @Override
    public CompletionStage<HealthReport> check() {
      HealthReport.Check journal =
          journalUp
              ? new HealthReport.Check(HealthReport.Status.HEALTHY, "reachable", 1)
              : new HealthReport.Check(HealthReport.Status.UNHEALTHY, "unreachable", 1);
      return CompletableFuture.completedFuture(new HealthReport(Map.of("journal", journal)));
    }
  }
}
