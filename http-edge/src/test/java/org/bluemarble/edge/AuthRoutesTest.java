package org.bluemarble.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.bluemarble.auth.Argon2Settings;
import org.bluemarble.auth.Bucket4jRateLimiter;
import org.bluemarble.auth.InMemoryRefreshTokenStore;
import org.bluemarble.auth.KeyRing;
import org.bluemarble.auth.PasswordHasher;
import org.bluemarble.auth.PasswordLogin;
import org.bluemarble.auth.RateLimit;
import org.bluemarble.auth.RateLimitSettings;
import org.bluemarble.auth.RefreshTokens;
import org.bluemarble.auth.Role;
import org.bluemarble.auth.TokenService;
import org.bluemarble.auth.TokenSettings;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.GamePort;
import org.bluemarble.edge.port.HealthPort;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.PlayerAdminPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link AuthRoutes} over real HTTP with accounts in a map: the edge-side rules that the node tests
 * do not reach (body limit, slow accounts, rehash on login, vanished accounts).
 */
class AuthRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PASSWORD = "correct-horse-battery";
  private static final Argon2Settings CHEAP = new Argon2Settings(1024, 1, 1, 16, 32);

  private static ActorTestKit testKit;
  private static ExecutorService blocking;
  private static InMemoryAccounts accounts;
  private static String base;
  private static String tightBase;
  private static String registrationBase;

  @BeforeAll
  static void start() throws Exception {
    testKit =
        ActorTestKit.create(
            "auth",
            ConfigFactory.parseString(
                "pekko.http.server.parsing.max-content-length = 1m\n"
                    + "pekko.http.server.remote-address-attribute = on"));
    blocking = Executors.newFixedThreadPool(2);
    accounts = new InMemoryAccounts();
    base = bind(RateLimitSettings.DEFAULTS);
    RateLimit tight = new RateLimit(2, Duration.ofMinutes(15));
    RateLimitSettings d = RateLimitSettings.DEFAULTS;
    tightBase =
        bind(new RateLimitSettings(d.api(), d.chat(), d.trade(), d.loginPerAccount(), tight));
    registrationBase =
        bind(
            new RateLimitSettings(
                d.api(),
                d.chat(),
                d.trade(),
                d.loginPerAccount(),
                d.loginPerAddress(),
                new RateLimit(2, Duration.ofHours(1))));
  }

  private static String bind(RateLimitSettings limits) throws Exception {
    Clock clock = Clock.systemUTC();
    AuthComponents auth =
        new AuthComponents(
            new PasswordHasher(CHEAP),
            new TokenService(
                new TokenSettings(
                    "https://test/", "bluemarble", Duration.ofMinutes(15), Duration.ofSeconds(30)),
                KeyRing.generate(),
                clock),
            new RefreshTokens(new InMemoryRefreshTokenStore(clock), Duration.ofDays(30), clock),
            Bucket4jRateLimiter.inProcess(limits),
            blocking,
            Duration.ofMillis(300));
    EdgeServerTest.InMemoryGame players = new EdgeServerTest.InMemoryGame();
    GamePort game =
        new GamePort() {
          @Override
          public PlayerAdminPort players() {
            return players;
          }

          @Override
          public PlanetPort planets() {
            return players.planets();
          }

          @Override
          public HealthPort health() {
            return players;
          }

          @Override
          public AccountPort accounts() {
            return accounts;
          }

          @Override
          public org.bluemarble.edge.port.WorldAdminPort world() {
            return EdgeServerTest.STAND_IN_WORLD;
          }
        };
    ServerBinding binding =
        new EdgeServer(new EdgeServer.Settings("127.0.0.1", 0, false, "test"), game, auth)
            .start(testKit.system())
            .toCompletableFuture()
            .get();
    return "http://127.0.0.1:" + binding.localAddress().getPort();
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
    blocking.shutdownNow();
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> login(String username, String password) throws Exception {
    return post(
        "/v1/auth/login",
        JSON.writeValueAsString(Map.of("username", username, "password", password)));
  }

  private static JsonNode error(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body()).path("error");
  }

  @Test
  void limitsLoginsPerPeerAddressWhateverXForwardedForClaims() throws Exception {
    HttpResponse<String> last = null;
    for (int i = 0; i < 3; i++) {
      last =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(tightBase + "/v1/auth/login"))
                  .header("Content-Type", "application/json")
                  .header("X-Forwarded-For", "203.0.113." + i)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\"spray_" + i + "\",\"password\":\"guess-guess-1\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
  }

  @Test
  void limitsRegistrationsPerPeerAddressWith429AndRateLimitHeaders() throws Exception {
    int[] statuses = new int[3];
    HttpResponse<String> last = null;
    for (int i = 0; i < 3; i++) {
      last =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(registrationBase + "/v1/auth/register"))
                  .header("Content-Type", "application/json")
                  .header("X-Forwarded-For", "198.51.100." + i)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.writeValueAsString(
                              Map.of(
                                  "username", "mass_" + i,
                                  "password", PASSWORD,
                                  "email", "m" + i + "@example.org"))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      statuses[i] = last.statusCode();
    }
    assertThat(statuses).containsExactly(201, 201, 429);
    assertThat(error(last).path("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(last.headers().firstValueAsLong("Retry-After").orElse(0)).isPositive();
    assertThat(last.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
    assertThat(last.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
    assertThat(last.headers().firstValue("X-RateLimit-Reset")).isPresent();
    assertThat(accounts.byName).doesNotContainKey("mass_2");
  }

  @Test
  void wrongCurrentPasswordsLockThePasswordChangeWith429BeforeArgon2Runs() throws Exception {
    accounts.add("pw_guesser", new PasswordHasher(CHEAP).hash(PASSWORD));
    String access =
        JSON.readTree(login("pw_guesser", PASSWORD).body()).path("accessToken").asText();
    String guess =
        JSON.writeValueAsString(
            Map.of("currentPassword", "not-the-password", "newPassword", "a-new-long-password"));
    for (int i = 0; i < RateLimitSettings.DEFAULTS.loginPerAccount().capacity(); i++) {
      assertThat(postWithToken("/v1/auth/password", guess, access).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> locked = postWithToken("/v1/auth/password", guess, access);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(locked.headers().firstValue("X-RateLimit-Limit")).hasValue("10");
    // The failed changes count as failed logins of the account: its login is locked too.
    assertThat(login("pw_guesser", PASSWORD).statusCode()).isEqualTo(429);
  }

  private static HttpResponse<String> postWithToken(String path, String body, String token)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void refusesBodiesBeyondTheAuthLimitWith413() throws Exception {
    String body = "{\"username\":\"" + "a".repeat(64 * 1024) + "\",\"password\":\"x\"}";
    HttpResponse<String> r = post("/v1/auth/login", body);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(error(r).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void answers503WhenTheAccountsDoNotAnswerInTime() throws Exception {
    HttpResponse<String> r = login("slow_user", PASSWORD);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(error(r).path("code").asText()).isEqualTo("UNAVAILABLE");
  }

  @Test
  void rehashesAPasswordStoredWithOldParametersAtLogin() throws Exception {
    String old = new PasswordHasher(new Argon2Settings(512, 1, 1, 16, 32)).hash(PASSWORD);
    String id = accounts.add("old_hash_user", old);
    assertThat(login("old_hash_user", PASSWORD).statusCode()).isEqualTo(200);
    PasswordHasher current = new PasswordHasher(CHEAP);
    String stored = accounts.byId.get(id).passwordHash();
    assertThat(stored).isNotEqualTo(old);
    assertThat(current.needsRehash(stored)).isFalse();
    assertThat(current.verify(PASSWORD, stored)).isTrue();
  }

  @Test
  void refusesRefreshForAnAccountThatNoLongerExists() throws Exception {
    String id = accounts.add("vanishing", new PasswordHasher(CHEAP).hash(PASSWORD));
    String refresh =
        JSON.readTree(login("vanishing", PASSWORD).body()).path("refreshToken").asText();
    accounts.byId.remove(id);
    HttpResponse<String> r =
        post("/v1/auth/refresh", JSON.writeValueAsString(Map.of("refreshToken", refresh)));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(error(r).path("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
  }

  @Test
  void refusesLogoutWithAnUnknownOrMalformedToken() throws Exception {
    HttpResponse<String> malformed = post("/v1/auth/logout", "{\"refreshToken\":\"' OR 1=1 --\"}");
    assertThat(malformed.statusCode()).isEqualTo(401);
    HttpResponse<String> missing = post("/v1/auth/logout", "{}");
    assertThat(missing.statusCode()).isEqualTo(401);
  }

  @Test
  void refusesUnknownFieldsInARegistration() throws Exception {
    HttpResponse<String> r =
        post(
            "/v1/auth/register",
            "{\"username\":\"sneaky\",\"password\":\""
                + PASSWORD
                + "\",\"email\":\"s@example.org\","
                + "\"roles\":[\"Admin\"]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error(r).path("details").path("field").asText()).isEqualTo("roles");
    assertThat(accounts.byName).doesNotContainKey("sneaky");
  }

  @Test
  void servesOnlyPublicKeysAsJwks() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/.well-known/jwks.json")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode key = JSON.readTree(r.body()).path("keys").path(0);
    assertThat(key.path("kty").asText()).isEqualTo("EC");
    assertThat(key.has("d")).isFalse();
  }

  /** Accounts in maps; the name {@code slow_user} never answers. */
  static final class InMemoryAccounts implements AccountPort {
    final Map<String, String> byName = new ConcurrentHashMap<>();
    final Map<String, PasswordLogin.Credentials> byId = new ConcurrentHashMap<>();

    String add(String username, String hash) {
      String id = UUID.randomUUID().toString();
      byId.put(id, new PasswordLogin.Credentials(id, username, hash, Set.of(Role.PLAYER)));
      byName.put(username.toLowerCase(java.util.Locale.ROOT), id);
      return id;
    }

    @Override
    public CompletionStage<Registration> register(
        String username, String email, String passwordHash, Set<Role> roles) {
      if (byName.containsKey(username.toLowerCase(java.util.Locale.ROOT))) {
        return CompletableFuture.completedFuture(new UsernameTaken(username));
      }
      return CompletableFuture.completedFuture(
          new Registered(add(username, passwordHash), username));
    }

    @Override
    public CompletionStage<Optional<PasswordLogin.Credentials>> findByUsernameKey(
        String usernameKey) {
      if (usernameKey.equals("slow_user")) {
        return new CompletableFuture<>();
      }
      String id = byName.get(usernameKey);
      return CompletableFuture.completedFuture(
          id == null ? Optional.empty() : Optional.ofNullable(byId.get(id)));
    }

    @Override
    public CompletionStage<Optional<PasswordLogin.Credentials>> findById(UUID accountId) {
      return CompletableFuture.completedFuture(Optional.ofNullable(byId.get(accountId.toString())));
    }

    @Override
    public CompletionStage<Boolean> changePasswordHash(UUID accountId, String passwordHash) {
      PasswordLogin.Credentials c = byId.get(accountId.toString());
      byId.put(
          accountId.toString(),
          new PasswordLogin.Credentials(c.accountId(), c.username(), passwordHash, c.roles()));
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletionStage<java.util.List<org.bluemarble.edge.port.PlayerView>> characters(
        UUID accountId) {
      return CompletableFuture.completedFuture(java.util.List.of());
    }

    @Override
    public CompletionStage<org.bluemarble.edge.port.PlayerView> createCharacter(
        UUID accountId, String name, String characterClass) {
      return CompletableFuture.failedFuture(
          new org.bluemarble.edge.port.PortException(
              org.bluemarble.edge.port.PortException.Code.UNAVAILABLE, "no characters here"));
    }

    @Override
    public CompletionStage<Void> deleteCharacter(UUID accountId, UUID playerId) {
      return CompletableFuture.failedFuture(
          new org.bluemarble.edge.port.PortException(
              org.bluemarble.edge.port.PortException.Code.NOT_FOUND, "no characters here"));
    }
  }
}
