package org.bluemarble.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bluemarble.auth.EmbeddedRedis;
import org.bluemarble.auth.KeyRing;
import org.bluemarble.auth.StandInIssuer;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in one cluster (one shared journal), the production auth profile: one real Redis for
 * sessions, refresh tokens and rate limits, one shared signing key, one stand-in OIDC provider.
 */
@Tag("slow")
class TwoNodeAuthTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int REGISTRATIONS_PER_ADDRESS = 3;

  @TempDir static Path dataDir;
  private static EmbeddedRedis redis;
  private static StandInIssuer issuer;
  private static final List<InProcessNode> nodes = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    redis = EmbeddedRedis.start();
    issuer = new StandInIssuer();
    Path key = dataDir.resolve("signing-key.json");
    Files.writeString(key, KeyRing.generate().signingKey().toJSONString());
    String journal = "jdbc:h2:mem:two-auth-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    int[] remote = {FreePorts.next(), FreePorts.next()};
    for (int i = 0; i < 2; i++) {
      Map<String, Object> overrides = new HashMap<>(OidcLoginTest.providerSettings(issuer));
      overrides.put("bluemarble.node.data-dir", dataDir.resolve("node-" + i).toString());
      overrides.put("bluemarble.persistence.url", journal);
      overrides.put("bluemarble.node.remote-port", remote[i]);
      overrides.put("bluemarble.node.seed-nodes", List.of("127.0.0.1:" + remote[0]));
      overrides.put("bluemarble.auth.redis-url", "redis://127.0.0.1:" + redis.port());
      overrides.put("bluemarble.auth.tokens.signing-key-file", key.toString());
      overrides.put("bluemarble.auth.argon2.memory-kib", 1024);
      overrides.put("bluemarble.auth.argon2.iterations", 1);
      overrides.put("bluemarble.auth.session-check-cache", "0s");
      overrides.put("bluemarble.auth.rate-limits.registration.capacity", REGISTRATIONS_PER_ADDRESS);
      nodes.add(InProcessNode.start(Profile.EMBEDDED, overrides));
    }
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(
            () -> {
              AdminClient.Response view = nodes.get(1).client().get("/admin/v1/cluster");
              return view.status() == 200 && view.body().path("members").size() == 2;
            });
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (InProcessNode node : nodes) {
      node.close();
    }
    issuer.close();
    redis.close();
  }

  @Test
  void aLogoutOnNodeAEndsTheAccessTokenOnNodeB() throws Exception {
    AdminClient a = nodes.get(0).client();
    AdminClient b = nodes.get(1).client();
    AdminClient.Response in =
        OidcLoginTest.oidcLogin(a, OidcLoginTest.idToken(issuer, "two-out", "t@example.org"), null);
    assertThat(in.status()).as(String.valueOf(in.body())).isEqualTo(200);
    String access = in.body().path("accessToken").asText();
    assertThat(b.call("GET", "/v1/characters", null, access).status()).isEqualTo(200);

    String refresh =
        JSON.writeValueAsString(Map.of("refreshToken", in.body().path("refreshToken").asText()));
    assertThat(a.call("POST", "/v1/auth/logout", refresh, null).status()).isEqualTo(204);

    AdminClient.Response after = b.call("GET", "/v1/characters", null, access);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.body().path("error").path("details").path("reason").asText())
        .isEqualTo("SESSION_REVOKED");
    assertThat(b.call("POST", "/v1/auth/refresh", refresh, null).status()).isEqualTo(401);
  }

  @Test
  void concurrentFirstLoginsOfOneIdentityOnTwoNodesEndInOneAccount() throws Exception {
    int attempts = 8;
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    try {
      List<Callable<AdminClient.Response>> calls = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        AdminClient client = nodes.get(i % 2).client();
        String token = OidcLoginTest.idToken(issuer, "two-race", "racer@example.org");
        calls.add(() -> OidcLoginTest.oidcLogin(client, token, null));
      }
      Set<String> accounts = new HashSet<>();
      Set<String> names = new HashSet<>();
      for (Future<AdminClient.Response> f : pool.invokeAll(calls)) {
        AdminClient.Response r = f.get(120, TimeUnit.SECONDS);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        accounts.add(OidcLoginTest.claims(r).path("sub").asText());
        names.add(OidcLoginTest.claims(r).path("name").asText());
      }
      assertThat(accounts).hasSize(1);
      assertThat(names).hasSize(1);
      String winner = accounts.iterator().next();
      // A losing login erased its own account and released its name: the derived base name is
      // either the winner's or free again.
      AdminClient.Response base = nodes.get(0).client().get("/admin/v1/accounts?name=racer");
      if (base.status() == 200) {
        assertThat(base.body().path("accountId").asText()).isEqualTo(winner);
      } else {
        assertThat(base.status()).isEqualTo(404);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theRegistrationLimitPerAddressCountsAcrossBothNodes() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i <= REGISTRATIONS_PER_ADDRESS; i++) {
      AdminClient client = nodes.get(i % 2).client();
      AdminClient.Response r =
          client.call(
              "POST",
              "/v1/auth/register",
              JSON.writeValueAsString(
                  Map.of(
                      "username", "two_reg_" + i,
                      "password", "a-long-password",
                      "email", "r@example.org")),
              null);
      statuses.add(r.status());
      if (i == REGISTRATIONS_PER_ADDRESS) {
        assertThat(r.headers().firstValue("X-RateLimit-Limit"))
            .hasValue(Integer.toString(REGISTRATIONS_PER_ADDRESS));
        assertThat(r.headers().firstValueAsLong("Retry-After").orElse(0)).isPositive();
      }
    }
    assertThat(statuses).containsExactly(201, 201, 201, 429);
  }
}
