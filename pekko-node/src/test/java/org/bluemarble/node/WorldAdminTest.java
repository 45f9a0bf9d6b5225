package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node simulates its world: zone cells run on the world planet and admins can look at them. */
class WorldAdminTest {
  @TempDir Path dataDir;

  @Test
  void describesTheWorldAndARunningZoneCell() throws Exception {
    try (InProcessNode node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of("bluemarble.node.data-dir", dataDir.toString(), "bluemarble.world.seed", 7))) {
      AdminClient api = node.client();
      AdminClient.Response world = api.get("/admin/v1/world");
      assertThat(world.status()).isEqualTo(200);
      assertThat(world.body().path("planetId").asText()).isEqualTo("world-7-l5");
      assertThat(world.body().path("zoneLevel").asInt()).isEqualTo(13);
      assertThat(world.body().path("tickHz").asInt()).isEqualTo(60);
      assertThat(world.body().path("contentHash").asText()).hasSize(64);

      String cell = S2CellId.fromLatLng(S2LatLng.fromDegrees(10.5, -20.25)).parent(13).toToken();
      AdminClient.Response first = api.get("/admin/v1/world/cells/" + cell);
      assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(200);
      assertThat(first.body().path("cellId").asText()).isEqualTo(cell);
      // The cell ticks on its own once started.
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> api.get("/admin/v1/world/cells/" + cell).body().path("ticks").asLong() > 10);

      // The running cell is listed among the active cells of the cluster (one node here).
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                AdminClient.Response list = api.get("/admin/v1/world/cells?limit=500");
                return list.status() == 200
                    && list.body().path("nodesAnswered").asInt() == 1
                    && list.body().path("cells").findValuesAsText("cellId").contains(cell);
              });
      AdminClient.Response page = api.get("/admin/v1/world/cells?limit=1");
      assertThat(page.body().path("cells")).hasSize(1);
      assertThat(page.body().path("cells").get(0).path("ticks").asLong()).isPositive();
      assertThat(api.get("/admin/v1/world/cells?limit=0").status()).isEqualTo(400);

      AdminClient.Response bad = api.get("/admin/v1/world/cells/not-a-cell");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body().path("error").path("code").asText()).isEqualTo("INVALID_INPUT");
      String coarse = S2CellId.fromLatLng(S2LatLng.fromDegrees(0, 0)).parent(5).toToken();
      assertThat(api.get("/admin/v1/world/cells/" + coarse).status()).isEqualTo(400);
    }
  }
}
