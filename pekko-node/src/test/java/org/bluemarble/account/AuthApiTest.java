package org.bluemarble.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /v1/auth routes against a real embedded node (entities, journal, edge) over HTTP. */
class AuthApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "correct-horse-battery";

  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static AdminClient api;

  @BeforeAll
  static void startNode() {
    node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of(
                "bluemarble.node.data-dir",
                dataDir.toString(),
                // Cheap Argon2 keeps the many hashes of these tests fast on two shared cores.
                "bluemarble.auth.argon2.memory-kib",
                1024,
                "bluemarble.auth.argon2.iterations",
                1,
                "bluemarble.auth.bootstrap-admin",
                "root_admin:" + PASSWORD,
                // Reuse of a spent refresh token revokes its family at once here; the grace for a
                // retried refresh is AccountAdminApiTest's.
                "bluemarble.auth.refresh-grace",
                "0s"));
    api = node.client();
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  private static AdminClient.Response register(String username, String password) throws Exception {
    return api.post(
        "/v1/auth/register",
        JSON.writeValueAsString(
            Map.of("username", username, "password", password, "email", "a@example.org")));
  }

  private static AdminClient.Response login(String username, String password) throws Exception {
    return api.post(
        "/v1/auth/login",
        JSON.writeValueAsString(Map.of("username", username, "password", password)));
  }

  private static AdminClient.Response refresh(String path, String token) throws Exception {
    return api.post(path, JSON.writeValueAsString(Map.of("refreshToken", token)));
  }

  private static JsonNode claims(String jwt) throws Exception {
    return JSON.readTree(SignedJWT.parse(jwt).getPayload().toString());
  }

  @Test
  void registersLogsInRefreshesAndLogsOut() throws Exception {
    AdminClient.Response created = register("Flow_User", PASSWORD);
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    assertThat(created.body().path("username").asText()).isEqualTo("Flow_User");

    AdminClient.Response in = login("flow_user", PASSWORD);
    assertThat(in.status()).as(String.valueOf(in.body())).isEqualTo(200);
    assertThat(in.body().path("expiresIn").asLong()).isEqualTo(900);
    assertThat(claims(in.body().path("accessToken").asText()).path("sub").asText())
        .isEqualTo(created.body().path("accountId").asText());

    AdminClient.Response next =
        refresh("/v1/auth/refresh", in.body().path("refreshToken").asText());
    assertThat(next.status()).isEqualTo(200);
    String newer = next.body().path("refreshToken").asText();
    assertThat(newer).isNotEqualTo(in.body().path("refreshToken").asText());
    assertThat(claims(next.body().path("accessToken").asText()).path("name").asText())
        .isEqualTo("Flow_User");

    assertThat(refresh("/v1/auth/logout", newer).status()).isEqualTo(204);
    assertThat(refresh("/v1/auth/refresh", newer).status()).isEqualTo(401);
  }

  @Test
  void refusesTheSameNameInAnotherCaseWith409() throws Exception {
    assertThat(register("Case_Name", PASSWORD).status()).isEqualTo(201);
    AdminClient.Response again = register("cASE_nAME", PASSWORD);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().path("error").path("code").asText()).isEqualTo("USERNAME_TAKEN");
  }

  @Test
  void concurrentRegistrationsOfOneNameHaveExactlyOneWinner() throws Exception {
    int threads = 12;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String variant = i % 2 == 0 ? "racer" : "RACER";
        attempts.add(() -> register(variant, PASSWORD).status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(attempts)) {
        statuses.add(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(threads - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void answersWrongPasswordAndUnknownUserAlike() throws Exception {
    assertThat(register("known_user", PASSWORD).status()).isEqualTo(201);
    AdminClient.Response wrong = login("known_user", "not-the-password");
    AdminClient.Response unknown = login("nobody_here", "not-the-password");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.body().path("error").path("code").asText())
        .isEqualTo(unknown.body().path("error").path("code").asText())
        .isEqualTo("INVALID_CREDENTIALS");
    assertThat(wrong.body().path("error").path("message").asText())
        .isEqualTo(unknown.body().path("error").path("message").asText());
  }

  @Test
  void reusingARefreshTokenRevokesItsFamily() throws Exception {
    assertThat(register("reuse_user", PASSWORD).status()).isEqualTo(201);
    String first = login("reuse_user", PASSWORD).body().path("refreshToken").asText();
    String second = refresh("/v1/auth/refresh", first).body().path("refreshToken").asText();

    AdminClient.Response reused = refresh("/v1/auth/refresh", first);
    assertThat(reused.status()).isEqualTo(401);
    assertThat(reused.body().path("error").path("details").path("reason").asText())
        .isEqualTo("REUSED_FAMILY_REVOKED");
    AdminClient.Response successor = refresh("/v1/auth/refresh", second);
    assertThat(successor.status()).isEqualTo(401);
    assertThat(successor.body().path("error").path("details").path("reason").asText())
        .isEqualTo("FAMILY_REVOKED");
  }

  @Test
  void rateLimitsLoginAttemptsPerAccountWithRetryHeaders() throws Exception {
    assertThat(register("limited_user", PASSWORD).status()).isEqualTo(201);
    AdminClient.Response last = null;
    for (int i = 0; i < 11; i++) {
      last = login("limited_user", "wrong-password-" + i);
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.body().path("error").path("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(last.headers().firstValueAsLong("Retry-After").orElse(0)).isPositive();
    assertThat(last.headers().firstValue("X-RateLimit-Limit")).hasValue("10");
    assertThat(last.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
    assertThat(last.headers().firstValue("X-RateLimit-Reset")).isPresent();
    // Even the right password waits now.
    assertThat(login("limited_user", PASSWORD).status()).isEqualTo(429);
  }

  @Test
  void refusesHostileInputWithClear4xxAndStoresNothing() throws Exception {
    AdminClient.Response sql = register("x'); DROP TABLE journal;--", PASSWORD);
    assertThat(sql.status()).isEqualTo(400);
    assertThat(sql.body().path("error").path("details").path("field").asText())
        .isEqualTo("username");
    AdminClient.Response script = register("<script>alert(1)</script>", PASSWORD);
    assertThat(script.status()).isEqualTo(400);
    AdminClient.Response sqlLogin = login("admin' OR '1'='1", "' OR '1'='1' --");
    assertThat(sqlLogin.status()).isEqualTo(401);
    assertThat(sqlLogin.body().path("error").path("code").asText())
        .isEqualTo("INVALID_CREDENTIALS");

    String huge =
        "{\"username\":\"huge_body\",\"password\":\""
            + "p".repeat(1024 * 1024)
            + "\",\"email\":\"a@example.org\"}";
    assertThat(
            org.bluemarble.node.testing.LargeBodies.status(
                node.httpPort, "POST", "/v1/auth/register", huge, null))
        .isEqualTo(413);

    AdminClient.Response malformed =
        api.post("/v1/auth/register", "{\"username\": \"broken_json\", ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().path("error").path("code").asText()).isEqualTo("INVALID_JSON");

    // None of the refused requests claimed a name.
    assertThat(register("huge_body", PASSWORD).status()).isEqualTo(201);
    assertThat(register("broken_json", PASSWORD).status()).isEqualTo(201);
  }

  @Test
  void anIssuedTokenVerifiesAgainstThePublishedJwks() throws Exception {
    assertThat(register("jwks_user", PASSWORD).status()).isEqualTo(201);
    String token = login("jwks_user", PASSWORD).body().path("accessToken").asText();
    AdminClient.Response jwks = api.get("/.well-known/jwks.json");
    assertThat(jwks.status()).isEqualTo(200);

    SignedJWT jwt = SignedJWT.parse(token);
    JWKSet keys = JWKSet.parse(jwks.body().toString());
    ECKey key = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).isNotNull();
    assertThat(key.isPrivate()).isFalse();
    assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
  }

  @Test
  void createsTheBootstrapAdminAtStart() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> login("root_admin", PASSWORD).status() == 200);
    assertThat(register("ROOT_ADMIN", PASSWORD).status()).isEqualTo(409);
  }

  @Test
  void theNodeIsReadyOnlyWhenTheBootstrapAdminCanLogIn() throws Exception {
    // Wait for /ready only, as load scripts do; the admin login must then work at the first try.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> AdminClient.get(node.managementPort, "/ready").status() == 200);
    assertThat(login("root_admin", PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void theBootstrapAdminCarriesTheAdminRole() throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> login("root_admin", PASSWORD).status() == 200);
    JsonNode roles =
        claims(login("root_admin", PASSWORD).body().path("accessToken").asText()).path("roles");
    List<String> names = new ArrayList<>();
    roles.forEach(r -> names.add(r.asText()));
    assertThat(names).containsExactlyInAnyOrder("Player", "Admin");
  }
}
