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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated planet is stored with its config and is served again after a restart, without
 * generating it again.
 */
class PlanetStoreRestartTest {
  @TempDir Path dataDir;

  @Test
  void aGeneratedPlanetIsServedFromTheTerrainStoreAfterARestart() throws Exception {
    Map<String, Object> settings = Map.of("bluemarble.node.data-dir", dataDir.toString());
    String planetId;
    JsonNode before;
    try (InProcessNode node = InProcessNode.start(Profile.EMBEDDED, settings)) {
      AdminClient api = node.client();
      AdminClient.Response accepted =
          api.call(
              "POST",
              "/v1/planet/generate",
              "{\"seed\":99,\"terrainLevel\":4,\"plateCount\":5}",
              api.adminToken());
      assertThat(accepted.status()).isEqualTo(202);
      planetId = accepted.body().path("planetId").asText();
      String statusUrl = accepted.body().path("statusUrl").asText();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> api.get(statusUrl).body().path("status").asText().equals("completed"));
      before = api.get("/v1/planet/" + planetId).body();
    }

    try (InProcessNode again = InProcessNode.start(Profile.EMBEDDED, settings)) {
      AdminClient.Response after = again.client().get("/v1/planet/" + planetId);
      assertThat(after.status()).isEqualTo(200);
      assertThat(after.body().path("contentHash").asText())
          .isEqualTo(before.path("contentHash").asText());
      assertThat(after.body().path("config")).isEqualTo(before.path("config"));
      AdminClient.Response polygons = again.client().get("/v1/planet/" + planetId + "/polygons");
      assertThat(polygons.body().path("metadata").path("totalFeatures").asInt()).isPositive();
    }
  }
}
