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
import org.bluemarble.node.testing.PlayerSignup;
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
        api.call(
            "POST",
            "/v1/planet/generate",
            "{\"name\":\"Test\",\"seed\":7,\"plateCount\":8,\"terrainLevel\":5,"
                + "\"climate\":{\"globalTemperature\":25}}",
            api.adminToken());
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

  /** A fresh account's access token: every test spends its own generation quota. */
  private static String token(String name) throws Exception {
    return PlayerSignup.signUp(node.httpPort, name, "Warrior").accessToken();
  }

  private static AdminClient.Response generate(String body, String token) throws Exception {
    return api.call("POST", "/v1/planet/generate", body, token);
  }

  private static void awaitCompleted(String statusUrl) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> api.get(statusUrl).body().path("status").asText().equals("completed"));
  }

  @Test
  void badRequestsGetTheCompanionErrorCodes() throws Exception {
    String token = token("planet_bad");
    AdminClient.Response plates = generate("{\"plateCount\":60}", token);
    assertThat(plates.status()).isEqualTo(400);
    JsonNode error = plates.body().path("error");
    assertThat(error.path("code").asText()).isEqualTo("INVALID_PLANET_CONFIG");
    assertThat(error.path("details").path("field").asText()).isEqualTo("plateCount");
    assertThat(error.path("timestamp").asText()).isNotBlank();
    assertThat(error.path("requestId").asText()).isNotBlank();

    AdminClient.Response level = generate("{\"terrainLevel\":10}", token);
    assertThat(level.body().path("error").path("details").path("field").asText())
        .isEqualTo("terrainLevel");
    AdminClient.Response nan = generate("{\"radiusMeters\":\"NaN\"}", token);
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
    // One slot runs, one waits (max-queued-generations = 1): the third of three level-6 generations
    // is refused.
    String body = "{\"seed\":1,\"terrainLevel\":6}";
    String token = token("planet_busy");
    AdminClient.Response first = generate(body, token);
    AdminClient.Response second = generate(body, token);
    AdminClient.Response third = generate(body, token);
    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(202);
    assertThat(third.status()).isEqualTo(503);
    assertThat(third.body().path("error").path("code").asText())
        .isEqualTo("INSUFFICIENT_RESOURCES");
    assertThat(third.headers().firstValue("Retry-After")).isPresent();

    AdminClient.Response busy = api.get("/v1/planet/" + second.body().path("planetId").asText());
    assertThat(busy.status()).isEqualTo(409);
    assertThat(busy.body().path("error").path("code").asText()).isEqualTo("GENERATION_IN_PROGRESS");
    // Let them finish: the other tests share the two cores.
    awaitCompleted(first.body().path("statusUrl").asText());
    awaitCompleted(second.body().path("statusUrl").asText());
  }

  @Test
  void generationNeedsATokenAndTakesTheSpecificationsBody() throws Exception {
    AdminClient.Response anonymous = generate("{\"config\":{\"seed\":3}}", null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body().path("error").path("code").asText()).isEqualTo("AUTH_REQUIRED");
    assertThat(generate("{}", "not-a-token").status()).isEqualTo(401);

    String token = token("planet_spec");
    AdminClient.Response accepted =
        generate(
            "{\"config\":{\"name\":\"Spec\",\"seed\":11,\"plateCount\":6,\"terrainLevel\":3,"
                + "\"climate\":{\"globalTemperature\":12}},"
                + "\"options\":{\"generateBiomes\":true,\"applyProjection\":\"mollweide\","
                + "\"outputFormat\":\"geojson\",\"compressionLevel\":\"high\"}}",
            token);
    assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(202);
    assertThat(accepted.headers().firstValue("X-RateLimit-Limit")).hasValue("5");
    assertThat(accepted.headers().firstValue("X-RateLimit-Remaining")).hasValue("4");
    assertThat(accepted.headers().firstValue("X-RateLimit-Resource")).hasValue("planet-generation");
    assertThat(accepted.body().path("polygonsUrl").asText()).endsWith("?projection=mollweide");
    awaitCompleted(accepted.body().path("statusUrl").asText());
    JsonNode config =
        api.get("/v1/planet/" + accepted.body().path("planetId").asText() + "/config/export")
            .body();
    assertThat(config.path("name").asText()).isEqualTo("Spec");
    assertThat(config.path("plateCount").asInt()).isEqualTo(6);
    assertThat(config.path("climate").path("globalTemperature").asDouble()).isEqualTo(12);

    AdminClient.Response both = generate("{\"seed\":1,\"config\":{\"seed\":2}}", token);
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.body().path("error").path("details").path("field").asText())
        .isEqualTo("config");
    AdminClient.Response format =
        generate("{\"config\":{},\"options\":{\"outputFormat\":\"shapefile\"}}", token);
    assertThat(format.status()).isEqualTo(400);
    assertThat(format.body().path("error").path("details").path("field").asText())
        .isEqualTo("options.outputFormat");
  }

  @Test
  void generationIsLimitedToFivePerHourPerUser() throws Exception {
    String token = token("planet_quota");
    for (int i = 4; i >= 0; i--) {
      // Refused bodies still count: the quota limits requests, and these are cheap to make.
      AdminClient.Response r = generate("{\"plateCount\":60}", token);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(i));
    }
    AdminClient.Response refused = generate("{\"seed\":5,\"terrainLevel\":3}", token);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.body().path("error").path("code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(refused.headers().firstValue("X-RateLimit-Limit")).hasValue("5");
    assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3600L);
    assertThat(Long.parseLong(refused.headers().firstValue("X-RateLimit-Reset").orElseThrow()))
        .isBetween(retryAfter, 3600L);
    // Another user has a quota of their own.
    assertThat(generate("{\"plateCount\":60}", token("planet_quota2")).status()).isEqualTo(400);
  }

  @Test
  void reclassifiesBiomesUnderANewClimateKeepingTheTerrain() throws Exception {
    String token = token("planet_reclass");
    AdminClient.Response accepted =
        generate("{\"seed\":21,\"plateCount\":6,\"terrainLevel\":4}", token);
    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.body().path("planetId").asText();
    awaitCompleted(accepted.body().path("statusUrl").asText());
    JsonNode before = api.get("/v1/planet/" + id).body();

    AdminClient.Response anonymous =
        api.call("POST", "/v1/planet/" + id + "/biomes/reclassify", "{}", null);
    assertThat(anonymous.status()).isEqualTo(401);
    AdminClient.Response rules =
        api.call(
            "POST",
            "/v1/planet/" + id + "/biomes/reclassify",
            "{\"climateParameters\":{},\"biomeRules\":[{\"biomeType\":\"Desert\"}]}",
            token);
    assertThat(rules.status()).isEqualTo(400);
    assertThat(rules.body().path("error").path("details").path("field").asText())
        .isEqualTo("biomeRules");

    AdminClient.Response task =
        api.call(
            "POST",
            "/v1/planet/" + id + "/biomes/reclassify",
            "{\"climateParameters\":{\"globalTemperature\":-25}}",
            token);
    assertThat(task.status()).as(String.valueOf(task.body())).isEqualTo(202);
    assertThat(task.body().path("kind").asText()).isEqualTo("reclassification");
    assertThat(task.headers().firstValue("X-RateLimit-Limit")).hasValue("10");
    String statusUrl = task.body().path("statusUrl").asText();
    assertThat(statusUrl).startsWith("/v1/planet/" + id + "/biomes/reclassify/status/");
    awaitCompleted(statusUrl);

    JsonNode after = api.get("/v1/planet/" + id).body();
    assertThat(after.path("config").path("climate").path("globalTemperature").asDouble())
        .isEqualTo(-25);
    assertThat(after.path("oceanShare").asDouble()).isEqualTo(before.path("oceanShare").asDouble());
    assertThat(after.path("maxElevation").asDouble())
        .isEqualTo(before.path("maxElevation").asDouble());
    double ice = 0;
    for (JsonNode b : api.get("/v1/planet/" + id + "/biomes").body().path("biomes")) {
      if (b.path("biome").asText().equals("IceSheet")) {
        ice = b.path("share").asDouble();
      }
    }
    assertThat(ice).as("ice under -25 degrees").isGreaterThan(0.2);
  }

  @Test
  void projectsAPlanetWithTissotDistortionFigures() throws Exception {
    String token = token("planet_proj");
    AdminClient.Response anonymous =
        api.call("POST", "/v1/planet/" + planetId + "/projection/mercator", "{}", null);
    assertThat(anonymous.status()).isEqualTo(401);

    AdminClient.Response mercator =
        api.call("POST", "/v1/planet/" + planetId + "/projection/mercator", "{}", token);
    assertThat(mercator.status()).as(String.valueOf(mercator.body())).isEqualTo(200);
    assertThat(mercator.headers().firstValue("X-RateLimit-Resource")).hasValue("projection");
    JsonNode features = mercator.body().path("features");
    assertThat(features).isNotEmpty();
    for (JsonNode f : features) {
      JsonNode d = f.path("properties").path("distortion");
      // Mercator is conformal: h = k = sec(latitude), no angular distortion.
      double sec =
          1 / Math.cos(Math.toRadians(Math.min(89.9, Math.abs(d.path("sampledAtLat").asDouble()))));
      assertThat(d.path("maxAngularDistortionDeg").asDouble()).isLessThan(0.05);
      assertThat(d.path("k").asDouble())
          .isCloseTo(sec, org.assertj.core.data.Percentage.withPercentage(0.1));
    }
    assertThat(mercator.body().path("distortionAnalysis").path("maxAreaScale").asDouble())
        .isGreaterThan(2);

    AdminClient.Response mollweide =
        api.call(
            "POST",
            "/v1/planet/" + planetId + "/projection/mollweide",
            "{\"parameters\":{\"centralMeridian\":30},"
                + "\"options\":{\"simplificationTolerance\":1000,\"includeDistortionData\":true}}",
            token);
    assertThat(mollweide.status()).isEqualTo(200);
    JsonNode analysis = mollweide.body().path("distortionAnalysis");
    assertThat(analysis.path("maxAreaScale").asDouble())
        .isCloseTo(1, org.assertj.core.data.Offset.offset(0.01));
    assertThat(analysis.path("minAreaScale").asDouble())
        .isCloseTo(1, org.assertj.core.data.Offset.offset(0.01));
    assertThat(mollweide.body().path("parameters").path("centralMeridian").asDouble())
        .isEqualTo(30);
    assertThat(mollweide.body().path("metadata").path("omittedFeatures").asInt()).isPositive();

    AdminClient.Response unknown =
        api.call("POST", "/v1/planet/" + planetId + "/projection/dymaxion", "{}", token);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("error").path("code").asText())
        .isEqualTo("PROJECTION_NOT_SUPPORTED");
    AdminClient.Response missing =
        api.call("POST", "/v1/planet/nope/projection/mercator", "{}", token);
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void validatesTheTopologyOfThePolygons() throws Exception {
    AdminClient.Response report =
        api.call("POST", "/v1/planet/" + planetId + "/validate", null, null);
    assertThat(report.status()).as(String.valueOf(report.body())).isEqualTo(200);
    JsonNode body = report.body();
    assertThat(body.path("isValid").asBoolean()).isTrue();
    JsonNode stats = body.path("statistics");
    // Polygons at level 5 (the terrain level, finer than polygon-level 6 allows): 6 * 4^5 cells.
    assertThat(stats.path("cellsChecked").asInt()).isEqualTo(6 * 1024);
    assertThat(stats.path("gaps").asInt()).isZero();
    assertThat(stats.path("overlaps").asInt()).isZero();
    assertThat(stats.path("invalidPolygons").asInt()).isZero();
    assertThat(stats.path("splitAtAntimeridian").asInt()).isPositive();
    assertThat(api.call("POST", "/v1/planet/nope/validate", null, null).status()).isEqualTo(404);
  }

  @Test
  void downloadsThePlanetAsGeoJson() throws Exception {
    AdminClient.Response download = api.get("/v1/planet/" + planetId + "/download");
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "planet-" + planetId + ".geojson");
    int total =
        api.get("/v1/planet/" + planetId + "/polygons")
            .body()
            .path("metadata")
            .path("totalFeatures")
            .asInt();
    assertThat(download.body().path("features")).hasSize(total);
    assertThat(download.body().path("type").asText()).isEqualTo("FeatureCollection");

    AdminClient.Response shapefile =
        api.get("/v1/planet/" + planetId + "/download?format=shapefile");
    assertThat(shapefile.status()).isEqualTo(400);
    assertThat(shapefile.body().path("error").path("code").asText())
        .isEqualTo("FORMAT_NOT_SUPPORTED");
    assertThat(api.get("/v1/planet/nope/download").status()).isEqualTo(404);
  }
}
