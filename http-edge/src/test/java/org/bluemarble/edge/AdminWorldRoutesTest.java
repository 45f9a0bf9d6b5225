package org.bluemarble.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.port.WorldAdminPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminWorldRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<int[]> asked = new ArrayList<>();
  private static ActorTestKit testKit;
  private static String base;

  /** A world of 120 cells named c000..c119. */
  private static final WorldAdminPort WORLD =
      new WorldAdminPort() {
        @Override
        public WorldView world() {
          return new WorldView("earth-42", 42, 8, "abc", 13, 60, 20, 250);
        }

        @Override
        public CompletionStage<CellView> cell(String cellId) {
          return CompletableFuture.completedFuture(view(cellId));
        }

        @Override
        public CompletionStage<CellPage> cells(int offset, int limit) {
          synchronized (asked) {
            asked.add(new int[] {offset, limit});
          }
          List<CellView> page = new ArrayList<>();
          for (int i = offset; i < Math.min(120, offset + limit); i++) {
            page.add(view(String.format("c%03d", i)));
          }
          Integer next = offset + limit < 120 ? offset + limit : null;
          return CompletableFuture.completedFuture(
              new CellPage(120, offset, limit, 2, 2, page, next, 9_000, 1_000));
        }

        @Override
        public CompletionStage<PositionPage> positions(int offset, int limit) {
          List<PlayerPosition> page = new ArrayList<>();
          for (int i = offset; i < Math.min(3, offset + limit); i++) {
            page.add(
                new PlayerPosition(
                    "p" + i,
                    "18446744073709551615",
                    "Hero " + i,
                    47.0 + i,
                    8.0,
                    2036.0,
                    "47a1c",
                    "pekko://BlueMarble@10.0.0.2:25520",
                    "2026-12-07T03:00:00Z"));
          }
          Integer next = offset + limit < 3 ? offset + limit : null;
          return CompletableFuture.completedFuture(
              new PositionPage(3, offset, limit, 2, 2, page, next));
        }
      };

  private static WorldAdminPort.CellView view(String id) {
    return new WorldAdminPort.CellView(
        id, "pekko://BlueMarble@10.0.0.2:25520", 3, 12, 5, 1, 600, 0, 80_000, 150_000, 0, 75, 8);
  }

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create("world-routes");
    ServerBinding binding =
        Http.get(testKit.system())
            .newServerAt("127.0.0.1", 0)
            .bind(new AdminWorldRoutes(WORLD).route())
            .toCompletableFuture()
            .get();
    base = "http://127.0.0.1:" + binding.localAddress().getPort();
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listsActiveCellsFiftyAtATimeByDefault() throws Exception {
    HttpResponse<String> r = get("/admin/v1/world/cells");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode page = JSON.readTree(r.body());
    assertThat(page.get("total").asInt()).isEqualTo(120);
    assertThat(page.get("cells")).hasSize(50);
    assertThat(page.get("cells").get(0).get("cellId").asText()).isEqualTo("c000");
    assertThat(page.get("cells").get(0).get("tickP99Nanos").asLong()).isEqualTo(150_000);
    assertThat(page.get("nextOffset").asInt()).isEqualTo(50);
    assertThat(page.get("crossNodeMessages").asLong()).isEqualTo(1_000);
    assertThat(page.get("cells").get(0).get("node").asText()).endsWith(":25520");
    assertThat(page.get("cells").get(0).get("crossNodeMessages").asLong()).isEqualTo(8);
  }

  @Test
  void pagesWithOffsetAndLimit() throws Exception {
    JsonNode page = JSON.readTree(get("/admin/v1/world/cells?offset=100&limit=500").body());

    assertThat(page.get("cells")).hasSize(20);
    assertThat(page.get("cells").get(0).get("cellId").asText()).isEqualTo("c100");
    assertThat(page.get("nextOffset").isNull()).isTrue();
  }

  @Test
  void refusesALimitOrOffsetOutOfRangeNamingTheParameter() throws Exception {
    for (String query : List.of("limit=0", "limit=501", "limit=ten", "offset=-1")) {
      HttpResponse<String> r = get("/admin/v1/world/cells?" + query);

      assertThat(r.statusCode()).as(query).isEqualTo(400);
      JsonNode error = JSON.readTree(r.body()).get("error");
      assertThat(error.get("code").asText()).isEqualTo("INVALID_PARAMETER");
      assertThat(error.get("details").get("field").asText()).isEqualTo(query.split("=")[0]);
    }
  }

  @Test
  void listsPlayersWithPositionsPagedAndEntityIdsAsStrings() throws Exception {
    HttpResponse<String> r = get("/admin/v1/world/positions?offset=1&limit=1");

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode page = JSON.readTree(r.body());
    assertThat(page.get("total").asInt()).isEqualTo(3);
    assertThat(page.get("players")).hasSize(1);
    JsonNode p = page.get("players").get(0);
    assertThat(p.get("name").asText()).isEqualTo("Hero 1");
    assertThat(p.get("latitudeDeg").asDouble()).isEqualTo(48.0);
    assertThat(p.get("entityId").isTextual()).isTrue();
    assertThat(page.get("nextOffset").asInt()).isEqualTo(2);
    assertThat(get("/admin/v1/world/positions?limit=0").statusCode()).isEqualTo(400);
  }

  @Test
  void positionsAreForAdminsOnlyAndEveryReadIsAudited() {
    AdminEndpoint positions =
        AdminWorldRoutes.ENDPOINTS.stream()
            .filter(e -> e.path().equals("/admin/v1/world/positions"))
            .findFirst()
            .orElseThrow();
    assertThat(positions.allows(Set.of(Role.ADMIN))).isTrue();
    assertThat(positions.allows(Set.of(Role.MODERATOR, Role.DEVELOPER))).isFalse();
    assertThat(positions.auditedRead()).isTrue();
  }

  @Test
  void moderatorsAndDevelopersMayReadEveryOtherWorldRoute() {
    assertThat(AdminWorldRoutes.ENDPOINTS)
        .filteredOn(e -> !e.path().equals("/admin/v1/world/positions"))
        .allSatisfy(
            e -> {
              assertThat(e.allows(Set.of(Role.MODERATOR))).isTrue();
              assertThat(e.allows(Set.of(Role.DEVELOPER))).isTrue();
              assertThat(e.allows(Set.of(Role.PLAYER))).isFalse();
            });
  }

  @Test
  void theOpenApiFragmentDocumentsExactlyTheDeclaredEndpoints() throws Exception {
    JsonNode doc;
    try (InputStream in = getClass().getResourceAsStream("/openapi/admin-world.json")) {
      doc = JSON.readTree(in);
    }
    Set<String> documented = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      p.getValue()
          .fieldNames()
          .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey()));
    }
    Set<String> declared = new HashSet<>();
    AdminWorldRoutes.ENDPOINTS.forEach(e -> declared.add(e.method() + " " + e.path()));

    assertThat(documented).isEqualTo(declared);
    assertThat(doc.get("components").get("schemas").fieldNames())
        .toIterable()
        .contains("WorldCellPage", "WorldCellView", "WorldView");
  }
}
