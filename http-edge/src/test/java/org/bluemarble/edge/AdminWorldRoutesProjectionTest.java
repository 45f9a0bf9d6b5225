package org.bluemarble.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import java.util.List;
import org.bluemarble.edge.port.WorldAdminPort;
import org.bluemarble.spatial.MapProjection;
import org.bluemarble.spatial.PlanarPoint;
import org.bluemarble.spatial.Projections;
import org.junit.jupiter.api.Test;

/**
 * Live positions for a 2D map: players and zone cells carry {@code x}, {@code y} as the planet API
 * projects the biome polygons, and nothing where the projection cannot draw the point.
 */
class AdminWorldRoutesProjectionTest {

  private static WorldAdminPort.PlayerPosition at(String name, double lat, double lng) {
    return new WorldAdminPort.PlayerPosition(
        "p-" + name, "1", name, lat, lng, 100, "89c", "node", "2026-12-07T00:00:00Z");
  }

  @Test
  void playersGetTheirPositionInTheProjectionOfThePolygons() {
    MapProjection mercator = Projections.byName("mercator");
    WorldAdminPort.PositionPage page =
        new WorldAdminPort.PositionPage(1, 0, 50, 1, 1, List.of(at("Ann", -21.0, -27.0)), null);
    JsonNode body = AdminWorldRoutes.projected(page, mercator);
    PlanarPoint expected = mercator.forward(-21.0, -27.0);
    JsonNode ann = body.path("players").get(0);
    assertThat(ann.path("name").asText()).isEqualTo("Ann");
    assertThat(ann.path("x").asDouble()).isCloseTo(expected.x(), within(1e-6));
    assertThat(ann.path("y").asDouble()).isCloseTo(expected.y(), within(1e-6));
    assertThat(body.path("projection").asText()).isEqualTo(mercator.name());
  }

  @Test
  void aPointTheProjectionCannotDrawHasNoCoordinates() {
    MapProjection north = Projections.byName("polar-stereographic-north");
    WorldAdminPort.PositionPage page =
        new WorldAdminPort.PositionPage(1, 0, 50, 1, 1, List.of(at("Far", -89.9, 0)), null);
    JsonNode far = AdminWorldRoutes.projected(page, north).path("players").get(0);
    assertThat(north.accepts(-89.9, 0)).isFalse();
    assertThat(far.has("x")).isFalse();
    assertThat(far.path("latitudeDeg").asDouble()).isEqualTo(-89.9);
  }

  @Test
  void cellsCarryTheirCentreAndItsProjection() {
    String token = S2CellId.fromLatLng(S2LatLng.fromDegrees(-21.0, -27.0)).parent(12).toToken();
    WorldAdminPort.CellPage page =
        new WorldAdminPort.CellPage(
            1,
            0,
            50,
            1,
            1,
            List.of(new WorldAdminPort.CellView(token, 1, 4, 2, 0, 10, 0, 1, 2, 0)),
            null);
    MapProjection robinson = Projections.byName("robinson");
    JsonNode cell = AdminWorldRoutes.withCentres(page, robinson).path("cells").get(0);
    assertThat(cell.path("npcs").asInt()).isEqualTo(4);
    assertThat(cell.path("latitudeDeg").asDouble()).isCloseTo(-21.0, within(0.05));
    assertThat(cell.path("longitudeDeg").asDouble()).isCloseTo(-27.0, within(0.05));
    PlanarPoint xy =
        robinson.forward(cell.path("latitudeDeg").asDouble(), cell.path("longitudeDeg").asDouble());
    assertThat(cell.path("x").asDouble()).isCloseTo(xy.x(), within(1e-6));
    JsonNode withoutProjection = AdminWorldRoutes.withCentres(page, null).path("cells").get(0);
    assertThat(withoutProjection.has("latitudeDeg")).isTrue();
    assertThat(withoutProjection.has("x")).isFalse();
  }
}
