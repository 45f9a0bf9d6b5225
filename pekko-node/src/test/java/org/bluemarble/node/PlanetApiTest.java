package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planet API of a real node, generating small real planets (terrain level 5: 6,144 cells). */
class PlanetApiTest {
  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static AdminClient api;
  private static String planetId;

  @BeforeAll
  static void generateOnePlanet() throws Exception {
    node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of(
                "bluemarble.node.data-dir",
                dataDir.toString(),
                "bluemarble.planet.max-queued-generations",
                1));
    api = node.client();
    AdminClient.Response accepted =
        api.post(
            "/v1/planet/generate",
            "{\"name\":\"Test\",\"seed\":7,\"plateCount\":8,\"terrainLevel\":5,"
                + "\"climate\":{\"globalTemperature\":25}}");
    assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(202);
    assertThat(accepted.body().path("status").asText()).isIn("queued", "running");
    String statusUrl = accepted.body().path("statusUrl").asText();
    planetId = accepted.body().path("planetId").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> api.get(statusUrl).body().path("status").asText().equals("completed"));
    assertThat(api.get(statusUrl).body().path("progress").asInt()).isEqualTo(100);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void describesTheGeneratedPlanetAndExportsItsConfig() throws Exception {
    JsonNode planet = api.get("/v1/planet/" + planetId).body();
    assertThat(planet.path("cellCount").asInt()).isEqualTo(6 * 1024);
    assertThat(planet.path("oceanShare").asDouble()).isBetween(0.5, 0.9);
    assertThat(planet.path("contentHash").asText()).hasSize(64);

    JsonNode config = api.get("/v1/planet/" + planetId + "/config/export").body();
    assertThat(config.path("seed").asLong()).isEqualTo(7);
    assertThat(config.path("plateCount").asInt()).isEqualTo(8);
    assertThat(config.path("climate").path("globalTemperature").asDouble()).isEqualTo(25);
  }

  @Test
  void servesBiomePolygonsPagedAndNeverAcrossTheAntimeridian() throws Exception {
    JsonNode page = api.get("/v1/planet/" + planetId + "/polygons?limit=5").body();
    assertThat(page.path("type").asText()).isEqualTo("FeatureCollection");
    assertThat(page.path("features")).hasSize(5);
    JsonNode meta = page.path("metadata");
    int total = meta.path("totalFeatures").asInt();
    assertThat(total).isGreaterThan(5);
    assertThat(meta.path("hasMore").asBoolean()).isTrue();
    JsonNode next = api.get(meta.path("nextUrl").asText()).body();
    assertThat(next.path("metadata").path("offset").asInt()).isEqualTo(5);
    assertThat(next.path("features").get(0).path("id").asInt()).isEqualTo(5);

    JsonNode all = api.get("/v1/planet/" + planetId + "/polygons?limit=1000").body();
    assertThat(all.path("features")).hasSize(total);
    // Split at the antimeridian: no edge jumps across it (more than 180 degrees between
    // neighbouring vertices).
    // A polar cap may still run from -180 to 180 along its border.
    for (JsonNode feature : all.path("features")) {
      for (JsonNode ring : feature.path("geometry").path("coordinates")) {
        Double previous = null;
        for (JsonNode point : ring) {
          double lon = point.get(0).asDouble();
          assertThat(lon).isBetween(-180.0, 180.0);
          assertThat(point.get(1).asDouble()).isBetween(-90.0, 90.0);
          if (previous != null) {
            assertThat(Math.abs(lon - previous))
                .as("feature %s", feature.path("id"))
                .isLessThanOrEqualTo(180);
          }
          previous = lon;
        }
      }
    }
  }

  @Test
  void filtersByBiomeAndBboxAndProjects() throws Exception {
    JsonNode oceans = api.get("/v1/planet/" + planetId + "/polygons?biome=ocean").body();
    assertThat(oceans.path("features")).isNotEmpty();
    for (JsonNode f : oceans.path("features")) {
      assertThat(f.path("properties").path("biome").asText()).isEqualTo("Ocean");
    }
    JsonNode boxed = api.get("/v1/planet/" + planetId + "/polygons?bbox=-10,-10,10,10").body();
    JsonNode everything = api.get("/v1/planet/" + planetId + "/polygons").body();
    assertThat(boxed.path("metadata").path("totalFeatures").asInt())
        .isLessThan(everything.path("metadata").path("totalFeatures").asInt());

    JsonNode mercator =
        api.get("/v1/planet/" + planetId + "/polygons?projection=mercator&limit=50").body();
    assertThat(mercator.path("metadata").path("projection").asText()).isEqualTo("mercator");
    for (JsonNode f : mercator.path("features")) {
      for (JsonNode point : f.path("geometry").path("coordinates").get(0)) {
        assertThat(Math.abs(point.get(0).asDouble())).isLessThanOrEqualTo(20_037_508.35);
      }
    }
  }

  @Test
  void listsBiomeSharesAndProjections() throws Exception {
    JsonNode biomes = api.get("/v1/planet/" + planetId + "/biomes").body().path("biomes");
    double sum = 0;
    for (JsonNode b : biomes) {
      sum += b.path("share").asDouble();
      assertThat(b.path("color").asText()).startsWith("#");
    }
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    JsonNode projections = api.get("/v1/projections").body().path("projections");
    assertThat(projections.findValuesAsText("name"))
        .contains("equirectangular", "mercator", "robinson", "mollweide", "orthographic");
  }

  @Test
  void badRequestsGetTheCompanionErrorCodes() throws Exception {
    AdminClient.Response plates = api.post("/v1/planet/generate", "{\"plateCount\":60}");
    assertThat(plates.status()).isEqualTo(400);
    JsonNode error = plates.body().path("error");
    assertThat(error.path("code").asText()).isEqualTo("INVALID_PLANET_CONFIG");
    assertThat(error.path("details").path("field").asText()).isEqualTo("plateCount");
    assertThat(error.path("timestamp").asText()).isNotBlank();
    assertThat(error.path("requestId").asText()).isNotBlank();

    AdminClient.Response level = api.post("/v1/planet/generate", "{\"terrainLevel\":10}");
    assertThat(level.body().path("error").path("details").path("field").asText())
        .isEqualTo("terrainLevel");
    AdminClient.Response nan = api.post("/v1/planet/generate", "{\"radiusMeters\":\"NaN\"}");
    assertThat(nan.status()).isEqualTo(400);

    assertThat(api.get("/v1/planet/nope").status()).isEqualTo(404);
    assertThat(api.get("/v1/planet/nope").body().path("error").path("code").asText())
        .isEqualTo("PLANET_NOT_FOUND");
    assertThat(api.get("/v1/planet/generate/status/nope").status()).isEqualTo(404);
    AdminClient.Response projection =
        api.get("/v1/planet/" + planetId + "/polygons?projection=dymaxion");
    assertThat(projection.status()).isEqualTo(400);
    assertThat(projection.body().path("error").path("code").asText())
        .isEqualTo("PROJECTION_NOT_SUPPORTED");
    for (String q :
        new String[] {"bbox=1,2,3", "bbox=10,0,-10,5", "limit=0", "offset=-1", "biome=lava"}) {
      AdminClient.Response r = api.get("/v1/planet/" + planetId + "/polygons?" + q);
      assertThat(r.status()).as(q).isEqualTo(400);
      assertThat(r.body().path("error").path("code").asText()).as(q).isEqualTo("INVALID_PARAMETER");
    }
  }

  @Test
  void aPlanetBeingGeneratedIsAConflictAndAFullQueueIsRefusedWithRetryAfter() throws Exception {
    // One slot runs, one waits (max-queued-generations = 1): the third of three level-7 generations
    // is refused.
    String body = "{\"seed\":1,\"terrainLevel\":7}";
    AdminClient.Response first = api.post("/v1/planet/generate", body);
    AdminClient.Response second = api.post("/v1/planet/generate", body);
    AdminClient.Response third = api.post("/v1/planet/generate", body);
    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(202);
    assertThat(third.status()).isEqualTo(503);
    assertThat(third.body().path("error").path("code").asText())
        .isEqualTo("INSUFFICIENT_RESOURCES");
    assertThat(third.headers().firstValue("Retry-After")).isPresent();

    AdminClient.Response busy = api.get("/v1/planet/" + second.body().path("planetId").asText());
    assertThat(busy.status()).isEqualTo(409);
    assertThat(busy.body().path("error").path("code").asText()).isEqualTo("GENERATION_IN_PROGRESS");
  }
}
