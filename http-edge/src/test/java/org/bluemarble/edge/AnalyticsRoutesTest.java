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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ForkJoinPool;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.port.AccountAdminPort;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.AdminPort;
import org.bluemarble.edge.port.AnalyticsPort;
import org.bluemarble.edge.port.AuditPort;
import org.bluemarble.edge.port.GamePort;
import org.bluemarble.edge.port.HealthPort;
import org.bluemarble.edge.port.OperationsPort;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.PlayerAdminPort;
import org.bluemarble.edge.port.WorldAdminPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The presence analytics routes ({@code ccu}, {@code sessions}, {@code active}): ranges passed to
 * the port as asked (defaults, truncation to the minute), bad ranges refused with 400, and the
 * replies' JSON shape.
 */
class AnalyticsRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<String> calls = new ArrayList<>();
  private static ActorTestKit testKit;
  private static String base;
  private static String token;

  /** Answers fixed values and records each call's range. */
  private static final AnalyticsPort PORT =
      new AnalyticsPort() {
        @Override
        public CompletionStage<List<DailyMetric>> daily(LocalDate from, LocalDate to) {
          return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<List<MinuteCount>> ccu(Instant from, Instant to) {
          calls.add("ccu " + from + " " + to);
          return CompletableFuture.completedFuture(List.of(new MinuteCount(from.toString(), 7)));
        }

        @Override
        public CompletionStage<List<SessionDay>> sessions(LocalDate from, LocalDate to) {
          calls.add("sessions " + from + " " + to);
          return CompletableFuture.completedFuture(
              List.of(new SessionDay(from.toString(), 3, 210, 70, 60, 120)));
        }

        @Override
        public CompletionStage<List<ActiveDay>> active(LocalDate from, LocalDate to) {
          calls.add("active " + from + " " + to);
          return CompletableFuture.completedFuture(List.of(new ActiveDay(to.toString(), 2, 3)));
        }
      };

  @BeforeAll
  static void start() throws Exception {
    testKit =
        ActorTestKit.create(
            "analytics",
            ConfigFactory.parseString("pekko.http.server.remote-address-attribute = on"));
    AuthComponents auth = TestAuth.components(ForkJoinPool.commonPool());
    token = TestAuth.token(auth, Role.PLAYER, Role.ADMIN);
    base =
        "http://127.0.0.1:"
            + new EdgeServer(
                    new EdgeServer.Settings("127.0.0.1", 0, true, "test"),
                    withAnalytics(new EdgeServerTest.InMemoryGame(), PORT),
                    auth)
                .start(testKit.system())
                .toCompletableFuture()
                .get()
                .localAddress()
                .getPort();
  }

  /** {@code game} with {@code analytics} as its admin port's analytics. */
  private static GamePort withAnalytics(EdgeServerTest.InMemoryGame game, AnalyticsPort analytics) {
    AdminPort admin =
        new AdminPort() {
          @Override
          public AuditPort audit() {
            return game.admin.audit();
          }

          @Override
          public AccountAdminPort accounts() {
            return game.admin.accounts();
          }

          @Override
          public OperationsPort operations() {
            return game.admin.operations();
          }

          @Override
          public AnalyticsPort analytics() {
            return analytics;
          }
        };
    return new GamePort() {
      @Override
      public PlayerAdminPort players() {
        return game.players();
      }

      @Override
      public PlanetPort planets() {
        return game.planets();
      }

      @Override
      public HealthPort health() {
        return game.health();
      }

      @Override
      public AccountPort accounts() {
        return game.accounts();
      }

      @Override
      public WorldAdminPort world() {
        return game.world();
      }

      @Override
      public AdminPort admin() {
        return admin;
      }
    };
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void passesTheRangesAndAnswersTheMetrics() throws Exception {
    calls.clear();
    HttpResponse<String> ccu =
        get("/admin/v1/analytics/ccu?from=2026-11-30T10:00:30Z&to=2026-11-30T10:11:00Z");
    assertThat(ccu.statusCode()).as(ccu.body()).isEqualTo(200);
    JsonNode c = JSON.readTree(ccu.body());
    assertThat(c.path("from").asText()).isEqualTo("2026-11-30T10:00:00Z");
    assertThat(c.path("minutes").get(0).path("players").asLong()).isEqualTo(7);

    HttpResponse<String> sessions =
        get("/admin/v1/analytics/sessions?from=2026-11-01&to=2026-11-30");
    assertThat(sessions.statusCode()).as(sessions.body()).isEqualTo(200);
    JsonNode s = JSON.readTree(sessions.body()).path("days").get(0);
    assertThat(s.path("medianSeconds").asLong()).isEqualTo(60);
    assertThat(s.path("longestSeconds").asLong()).isEqualTo(120);

    HttpResponse<String> active = get("/admin/v1/analytics/active?to=2026-11-30");
    assertThat(active.statusCode()).as(active.body()).isEqualTo(200);
    JsonNode a = JSON.readTree(active.body()).path("days").get(0);
    assertThat(a.path("dau").asLong()).isEqualTo(2);
    assertThat(a.path("mau").asLong()).isEqualTo(3);

    assertThat(calls)
        .containsExactly(
            "ccu 2026-11-30T10:00:00Z 2026-11-30T10:11:00Z",
            "sessions 2026-11-01 2026-11-30",
            "active 2026-11-01 2026-11-30");
  }

  @Test
  void refusesBadRangesWith400() throws Exception {
    calls.clear();
    for (String bad :
        List.of(
            "/admin/v1/analytics/ccu?from=2026-11-30T10:00:00Z&to=2026-12-02T10:00:00Z",
            "/admin/v1/analytics/ccu?from=2026-11-30T10:00:00Z&to=2026-11-30T09:00:00Z",
            "/admin/v1/analytics/ccu?from=yesterday",
            "/admin/v1/analytics/sessions?from=2026-12-01&to=2026-11-01",
            "/admin/v1/analytics/active?from=2020-01-01&to=2026-01-01")) {
      assertThat(get(bad).statusCode()).as(bad).isEqualTo(400);
    }
    assertThat(calls).isEmpty();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
