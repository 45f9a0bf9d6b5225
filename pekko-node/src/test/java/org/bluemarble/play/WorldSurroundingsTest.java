package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.v1.EnteredWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/world/surroundings} reads the terrain only around the caller's own character in
 * the world: its own position by default, a point within the area of interest on request; a far
 * point is refused with a clear error, and an account with no character in the world is refused.
 */
class WorldSurroundingsTest {
  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static PlayWorld world;

  @BeforeAll
  static void start() {
    node = InProcessNode.start(Profile.EMBEDDED, PlayWorld.config(dataDir.toString(), "30s"));
    world = new PlayWorld(node);
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void onlyTheCallersOwnSurroundingsAreRead() throws Exception {
    PlayWorld.Player walker = world.newPlayer("surround_walker");
    PlayWorld.Player idle = world.newPlayer("surround_idle");
    AdminClient api = node.client();

    AdminClient.Response notIn = api.call("GET", "/v1/world/surroundings", null, idle.token());
    assertThat(notIn.status()).isEqualTo(409);
    assertThat(notIn.body().path("error").path("code").asText()).isEqualTo("NOT_IN_WORLD");

    try (BlueMarbleClient client = world.webSocket(walker, new ClientListener() {})) {
      EnteredWorld entered = client.enterWorld(walker.playerId()).get(30, TimeUnit.SECONDS);
      double lat = entered.getPosition().getLatDeg();
      double lng = entered.getPosition().getLngDeg();

      // Where the character stands (its presence reports it once it is in its cell).
      AdminClient.Response[] own = new AdminClient.Response[1];
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  (own[0] = api.call("GET", "/v1/world/surroundings", null, walker.token()))
                          .status()
                      == 200);
      assertThat(own[0].body().path("latitudeDeg").asDouble()).isCloseTo(lat, within());
      assertThat(own[0].body().path("biome").asText()).isNotBlank();

      // A point 50 m north: within the area of interest.
      double near = lat + 50 / 6_371_000.0 * 180 / Math.PI;
      AdminClient.Response nearby = api.call("GET", query(near, lng), null, walker.token());
      assertThat(nearby.status()).isEqualTo(200);
      assertThat(nearby.body().path("latitudeDeg").asDouble()).isCloseTo(near, within());

      // A point across the planet is refused, and the error says how far it is and the limit.
      AdminClient.Response far = api.call("GET", query(-lat, lng + 90), null, walker.token());
      assertThat(far.status()).isEqualTo(403);
      assertThat(far.body().path("error").path("code").asText()).isEqualTo("OUT_OF_SURROUNDINGS");
      assertThat(far.body().path("error").path("message").asText()).contains("from your character");

      // One coordinate alone is a bad request.
      assertThat(api.call("GET", "/v1/world/surroundings?lat=1", null, walker.token()).status())
          .isEqualTo(400);
      // Another account still has no character in the world.
      assertThat(api.call("GET", query(lat, lng), null, idle.token()).status()).isEqualTo(409);
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-4);
  }

  private static String query(double lat, double lng) {
    double l = lng > 180 ? lng - 360 : lng;
    return String.format(Locale.ROOT, "/v1/world/surroundings?lat=%.7f&lng=%.7f", lat, l);
  }
}
