package org.bluemarble.edge.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.TokenService;
import org.bluemarble.edge.PublicEndpoint;
import org.bluemarble.edge.admin.Bearer;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.WorldAdminPort;
import org.bluemarble.planet.Biome;
import org.bluemarble.planet.TerrainQuery;

/**
 * {@code GET /v1/world/surroundings?lat=&lng=} → the biome, ground elevation and water of the world
 * planet at one point, for any logged-in account (the browser client shows the biome under the
 * character with it). The world's planet id, seed and whole map stay with staff ({@code GET
 * /admin/v1/world}); this read answers one point at a time and names no planet.
 */
public final class WorldSurroundingsRoutes extends AllDirectives {
  /** The endpoints this class serves (see {@link PublicEndpoint}). */
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          PublicEndpoint.token(
              "GET",
              "/v1/world/surroundings",
              "Biome, colour, ground height and water of the world planet at a point"));

  private final WorldAdminPort world;
  private final PlanetPort planets;
  private final TokenService tokens;

  public WorldSurroundingsRoutes(WorldAdminPort world, PlanetPort planets, TokenService tokens) {
    this.world = world;
    this.planets = planets;
    this.tokens = tokens;
  }

  /** What a point of the world is like. */
  public record Surroundings(
      double latitudeDeg,
      double longitudeDeg,
      String biome,
      String color,
      double groundMeters,
      boolean water) {}

  public Route route() {
    return path(
        PathMatchers.segment("v1").slash("world").slash("surroundings"),
        () ->
            get(
                () ->
                    Bearer.authenticate(
                        tokens,
                        caller ->
                            parameterOptional(
                                "lat", lat -> parameterOptional("lng", lng -> answer(lat, lng))))));
  }

  private Route answer(Optional<String> latText, Optional<String> lngText) {
    Double lat = number(latText, 90);
    if (lat == null) {
      return badParameter("lat", latText.orElse(""), "a number in [-90, 90]");
    }
    Double lng = number(lngText, 180);
    if (lng == null) {
      return badParameter("lng", lngText.orElse(""), "a number in [-180, 180]");
    }
    return onSuccess(
        planets.planet(world.world().planetId()),
        lookup -> {
          if (!(lookup instanceof PlanetPort.Ready ready)) {
            return ApiErrors.complete(
                StatusCodes.SERVICE_UNAVAILABLE,
                "WORLD_NOT_READY",
                "the world planet is not generated yet");
          }
          TerrainQuery terrain = ready.planet().terrainQuery();
          Biome biome = terrain.biome(lat, lng);
          return complete(
              StatusCodes.OK,
              new Surroundings(
                  lat,
                  lng,
                  biome.wireName(),
                  biome.hexColor(),
                  terrain.elevation(lat, lng),
                  terrain.isWater(lat, lng)),
              Json.marshaller());
        });
  }

  /** The parameter as a finite number within ±{@code bound}, or null. */
  private static Double number(Optional<String> text, double bound) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      double v = Double.parseDouble(text.get().trim());
      return Double.isFinite(v) && Math.abs(v) <= bound ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Route badParameter(String field, String value, String allowed) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "INVALID_PARAMETER",
        field + " must be " + allowed,
        Map.of("field", field, "value", value, "reason", "must be " + allowed));
  }
}
